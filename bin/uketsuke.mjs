#!/usr/bin/env node
// Runs the built CLI (npm install builds it via the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('uketsuke: not built yet — run `npm run build` (npm install does it).\n');
  process.exit(1);
}
await import(cli);
