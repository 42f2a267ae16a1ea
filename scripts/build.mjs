// Builds everything that runs: the CLI/web host (Node), the Electron shell, and the renderer (browser).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

const jobs = {
  // Code splitting keeps badge drawing (pdfkit, fontkit) and spreadsheets (exceljs) out of start-up.
  cli: () =>
    // The report and import workers are entries of their own: reports are drawn on a thread beside the one answering scans.
    build({ ...node, entryPoints: { cli: path.join(root, 'electron/cli/index.ts'), 'report-worker': path.join(root, 'electron/services/reports/worker.ts'), 'import-worker': path.join(root, 'electron/services/people/import/import-worker.ts') }, outdir: dist, outExtension: { '.js': '.mjs' }, chunkNames: 'chunks/[name]-[hash]', splitting: true, format: 'esm' }),
  electron: () =>
    build({
      ...node,
      entryPoints: {
        main: path.join(root, 'electron/shell/main.ts'),
        preload: path.join(root, 'electron/shell/preload.ts'),
        backend: path.join(root, 'electron/shell/backend.ts'),
        'report-worker': path.join(root, 'electron/services/reports/worker.ts'),
        'import-worker': path.join(root, 'electron/services/people/import/import-worker.ts'),
      },
      outdir: path.join(dist, 'electron'),
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      external: ['electron'],
      // Shared modules locate assets with import.meta.url; give CommonJS bundles the same value.
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  renderer: async () => {
    const out = path.join(dist, 'renderer');
    fs.mkdirSync(out, { recursive: true });
    await build({
      entryPoints: { app: path.join(root, 'renderer/src/main.tsx') },
      outdir: path.join(out, 'assets'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: ['chrome120'],
      jsx: 'automatic',
      minify: true,
      sourcemap: 'linked',
      loader: { '.wav': 'file', '.svg': 'file', '.woff2': 'file' },
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(out, 'index.html'));
  },
};

const selected = only ? only.split(',') : Object.keys(jobs);
const t0 = Date.now();
await Promise.all(selected.map((k) => jobs[k]()));
if (!watch) process.stdout.write(`built ${selected.join(', ')} in ${Date.now() - t0} ms\n`);
