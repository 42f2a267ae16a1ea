// `npm start`: the desktop app on the demo event. Where the Electron binary is absent (as on build machines),
// say so in one line and serve the same UI in web mode instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath = null;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (!fs.existsSync('dist/cli.mjs')) await import('./build.mjs');
if (typeof electronPath === 'string' && fs.existsSync(electronPath)) {
  const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron binary not installed here: starting Uketsuke in web mode instead (same UI, in your browser).');
  const child = spawn(process.execPath, ['bin/uketsuke.mjs', 'web', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
