// Start-up benchmarks (issue 25, item 4): a cold badge (process start → PDF) at 400 and 50,000 delegates beside the
// least it can cost (limit-badge-cold.mjs, the same run, interleaved), a CLI command's start on a 50k event, and the
// web host's start → first page at 50k. Each run is a fresh process on a file closed cleanly, as after a normal day;
// wall time and, because the machine is shared, the child's own CPU time (user + system, from /usr/bin/time).
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Uketsuke } from '../electron/services/uketsuke.js';

type Stats = { p50: number; p95: number; p99: number; n: number };
type Pct = (s: number[]) => Stats;

const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One process to its end: wall ms, and CPU ms where /usr/bin/time can tell. */
function runTimed(args: string[]): { ms: number; cpuMs: number | null } {
  const t = performance.now();
  const r = timeBin ? spawnSync(timeBin, ['-f', 'cpu %U %S', process.execPath, ...args]) : spawnSync(process.execPath, args);
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.toString()}`);
  const m = /cpu (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr.toString());
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null };
}

/** A copy of `file`, opened and closed once the clean way (the copy is checked once, then marked clean). */
export function cleanCopy(file: string, to: string): string {
  fs.copyFileSync(file, to);
  Uketsuke.open(to, { backup: false }).close();
  return to;
}

const cli = () => path.resolve('bin/uketsuke.mjs');
const limitBadge = () => path.resolve('bench/limit-badge-cold.mjs');

/** badge_cold and limit_badge_cold interleaved on the same file, same delegate. */
export function badgeCold(file: string, email: string, out: string, runs: number, pct: Pct) {
  const product: number[] = [];
  const productCpu: number[] = [];
  const limit: number[] = [];
  const limitCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = runTimed([cli(), 'badge', '--db', file, '--delegate', email, '--out', out]);
    const l = runTimed([limitBadge(), file, email, out]);
    product.push(p.ms);
    limit.push(l.ms);
    if (p.cpuMs !== null) productCpu.push(p.cpuMs);
    if (l.cpuMs !== null) limitCpu.push(l.cpuMs);
  }
  const a = pct(product);
  const b = pct(limit);
  const ca = productCpu.length ? pct(productCpu) : null;
  const cb = limitCpu.length ? pct(limitCpu) : null;
  return {
    product: { ...a, cpuMs: ca },
    limit: { ...b, cpuMs: cb },
    ratioP50: Number((a.p50 / b.p50).toFixed(2)),
    ...(ca && cb ? { cpuRatioP50: Number((ca.p50 / cb.p50).toFixed(2)) } : {}),
  };
}

/** A CLI command's whole run on the file (start, open, answer, exit). */
export function cliStart(file: string, runs: number, pct: Pct) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = runTimed([cli(), 'checkpoints', '--db', file, '--json']);
    wall.push(r.ms);
    if (r.cpuMs !== null) cpu.push(r.cpuMs);
  }
  return { ...pct(wall), cpuMs: cpu.length ? pct(cpu) : null, command: 'uketsuke checkpoints --json' };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

/** `uketsuke web` started → the desk page answered 200 (polled every 5 ms). */
export async function webFirstPage(file: string, runs: number, pct: Pct) {
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const t = performance.now();
    const child = spawn(process.execPath, [cli(), 'web', '--db', file, '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', env: { ...process.env, UKETSUKE_DB: file } });
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`uketsuke web ended (exit ${child.exitCode})`);
        if ((await get(`http://127.0.0.1:${port}/desk`)) === 200) break;
        if (performance.now() - t > 30_000) throw new Error('uketsuke web: no first page in 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      wall.push(performance.now() - t);
    } finally {
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await ended;
    }
  }
  return { ...pct(wall), page: '/desk' };
}
