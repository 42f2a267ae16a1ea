// Runs the TypeScript benchmarks with tsx; arguments pass through (e.g. --only scan_verdict). The PostgreSQL
// benchmarks get a private server unless UKETSUKE_PG_URL is set.
import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres.mjs';

const pg = await startPostgres();
if (pg.error) process.stderr.write(`bench: ${pg.error} (the PostgreSQL keys will fail)\n`);
const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
pg.stop?.();
process.exit(r.status ?? 1);
