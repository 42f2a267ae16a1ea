// A private PostgreSQL cluster for the organisers' hub tests and benchmarks (its own port and socket folder), unless
// UKETSUKE_PG_URL already points at one. The server refuses to run as root, so as root it runs as the postgres user.
// Sets UKETSUKE_PG_URL; answers { stop } or { error }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres() {
  if (process.env.UKETSUKE_PG_URL) return { stop: null };
  const root = '/usr/lib/postgresql';
  const version = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : null;
  if (!version) return { stop: null, error: 'PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin); .ci/run installs them.' };
  const bin = path.join(root, version, 'bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const sh = (cmd) => (asRoot ? spawnSync('su', ['postgres', '-c', cmd], { stdio: 'pipe' }) : spawnSync('sh', ['-c', cmd], { stdio: 'pipe' }));
  const user = asRoot ? 'postgres' : os.userInfo().username;
  const init = sh(`${bin}/initdb -D ${dir}/data -A trust -U ${user}`);
  const start = init.status === 0 ? sh(`${bin}/pg_ctl -D ${dir}/data -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" -l ${dir}/log -w start`) : null;
  if (!start || start.status !== 0) return { stop: null, error: `could not start PostgreSQL: ${init.stderr.toString()}${start ? start.stderr.toString() : ''}` };
  process.env.UKETSUKE_PG_URL = `postgres://${user}@127.0.0.1:${port}/postgres`;
  return { stop: () => sh(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`) };
}
