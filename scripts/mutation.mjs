// `npm run test:mutation`: StrykerJS over the rules that admit, identify, sign, import, fold names and merge replicas
// (stryker.config.mjs), then each file's score against its target. Extra arguments go to Stryker, e.g.
// `npm run test:mutation -- --mutate electron/services/checkin/verdict.ts` while working on one file.
// Exit code: Stryker's if it failed, 1 if a file is under its target, 0 otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = path.join(root, 'reports', 'mutation.json');
/** The score each file must reach: the rules at the door higher. */
const TARGETS = {
  'electron/services/checkin/verdict.ts': 90,
  'electron/services/checkin/identify.ts': 90,
  'electron/services/model/badge-token.ts': 90,
  'electron/services/model/normalize.ts': 85,
  'electron/services/people/import/validate.ts': 85,
  // The replication core: a broken merge rule diverges devices silently, so as high as the door's rules.
  'electron/services/replication/hlc.ts': 90,
  'electron/services/replication/apply/field-clocks.ts': 90,
  'electron/services/replication/apply/admissions.ts': 90,
  'electron/services/replication/apply/scans.ts': 90,
  'electron/services/replication/apply/records.ts': 90,
  'electron/services/replication/apply/delegates.ts': 90,
  'electron/services/replication/apply/codes.ts': 90,
  'electron/services/replication/apply/privacy.ts': 90,
};

fs.rmSync(REPORT, { force: true });
const started = Date.now();
const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (run.status !== 0 || !fs.existsSync(REPORT)) process.exit(run.status || 1);

const { files } = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
let failed = 0;
console.log('\nfile                                              score   target  killed  survived  no cov  ignored');
for (const [file, { mutants }] of Object.entries(files)) {
  const n = (...states) => mutants.filter((m) => states.includes(m.status)).length;
  const detected = n('Killed', 'Timeout');
  const valid = detected + n('Survived', 'NoCoverage');
  const score = valid ? (100 * detected) / valid : 100;
  const target = TARGETS[file] ?? 85;
  const ok = score >= target;
  if (!ok) failed++;
  console.log(
    `${file.padEnd(48)} ${score.toFixed(2).padStart(6)}%  ${String(target).padStart(4)}%  ${String(detected).padStart(7)}  ${String(n('Survived')).padStart(8)}  ${String(n('NoCoverage')).padStart(6)}  ${String(n('Ignored')).padStart(7)}  ${ok ? 'ok' : 'UNDER TARGET'}`,
  );
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\n${failed ? `${failed} file(s) under target` : 'every file at or above its target'} · ${minutes} min · reports/mutation.json`);
process.exit(failed ? 1 : 0);
