// `npm test`: type-check, unit + integration (vitest), end-to-end in Chromium (Playwright). Ends with one line
// "N passed, N failed" summed over all suites. Nothing skips for a missing tool: a missing tool fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startPostgres } from './postgres.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
const npx = (args, env) => run(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, env);

function need(file, what) {
  if (!fs.existsSync(file)) {
    console.error(`npm test: ${what} is missing (${file}); .ci/run installs it.`);
    totals.failed++;
    return false;
  }
  return true;
}


const pg = await startPostgres();
if (pg.error) {
  console.error(`npm test: ${pg.error}`);
  totals.failed++;
}
const stopPostgres = pg.stop;

console.log('\n▶ build');
const build = run(process.execPath, ['scripts/build.mjs']);
if (build.status !== 0) totals.failed++;

console.log('\n▶ type-check');
const tsc = npx(['tsc', '-p', 'tsconfig.json', '--noEmit']);
tsc.status === 0 ? totals.passed++ : totals.failed++;

console.log('\n▶ unit and integration tests (vitest)');
const vitestJson = path.join(tmp, 'vitest.json');
npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else totals.failed++;

console.log('\n▶ end-to-end tests (Playwright, Chromium)');
const tools = [need(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'Chromium'), need('/usr/bin/ffmpeg', 'ffmpeg')].every(Boolean);
if (tools) {
  const pwJson = path.join(tmp, 'playwright.json');
  // A port nobody holds, unless one is given: a fixed port fails the run when another checkout's tests hold it.
  const port = process.env.UKETSUKE_E2E_PORT ?? String(await freePort());
  npx(['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, UKETSUKE_E2E_PORT: port });
  if (fs.existsSync(pwJson)) {
    const s = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats;
    // A test that passed only on a retry ("flaky") is a failure: a retry hides a fault, it does not fix it.
    totals.passed += s.expected;
    totals.failed += s.unexpected + (s.flaky ?? 0);
    totals.skipped += s.skipped;
  } else totals.failed++;
}

stopPostgres?.();
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.skipped === 0 ? 0 : 1);
