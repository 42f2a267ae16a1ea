// Sync benchmarks over a real hub process (HTTPS on loopback) and real stations (SQLite files).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Uketsuke } from '../electron/services/uketsuke.js';
import { buildDemo } from '../electron/demo/build-demo.js';
import { connectStation } from '../electron/host/hub/connect.js';
import { HttpsHubTransport } from '../electron/host/hub/client.js';
import { readHubLink, StationSync } from '../electron/services/sync/station-sync.js';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { pairWithCode } from '../electron/host/hub/connect.js';
import { cli, freePort, HubProcess, pairedStation, startCli, until } from '../test/hub-rig.js';
import { tempDir } from '../test/helpers.js';

type Result = Record<string, unknown>;

function percentiles(xs: number[]): { p50: number; p95: number; p99: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(3));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

let rig: { hub: HubProcess; tokens: string[] } | null = null;
async function hubRig(): Promise<{ hub: HubProcess; tokens: string[] }> {
  if (rig) return rig;
  const dir = tempDir('uketsuke-bench-sync-');
  const file = path.join(dir, 'hub.db');
  const setup = Uketsuke.open(file, { deviceId: 'bench-hub', printers: [] });
  buildDemo(setup, { delegates: 400 });
  const tokens = setup.delegates.search('', 400).map((h) => setup.delegates.tokenFor(setup.delegates.get(h.id))!);
  setup.close();
  const hub = new HubProcess(file, await freePort(), dir);
  await hub.start();
  rig = { hub, tokens };
  return rig;
}

export async function closeSyncRig(): Promise<void> {
  await rig?.hub.kill();
  rig = null;
  await closePgRig();
}

const once = (s: Uketsuke) => {
  const link = readHubLink(s.core)!;
  const t = new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential);
  return new StationSync(s.core, t).syncOnce().finally(() => t.close());
};

/** n scans made offline at a station (every checkpoint, every person): n entries to sync. */
function offlineScans(s: Uketsuke, tokens: string[], n: number): void {
  const cps = s.event.checkpointRows().map((c) => c.id);
  for (let i = 0; i < n; i++) s.checkin.scan(cps[i % cps.length]!, tokens[(i * 7) % tokens.length]!);
}

/** 10,000 entries made offline at station a, pushed to its hub, then pulled by station b. */
async function pushThenPull(a: Uketsuke, b: Uketsuke, tokens: string[]): Promise<Result> {
  offlineScans(a, tokens, 10_000);
  const t0 = performance.now();
  const up = await once(a);
  const t1 = performance.now();
  const down = await once(b);
  const t2 = performance.now();
  a.close();
  b.close();
  return { ms: Math.round(t2 - t0), pushMs: Math.round(t1 - t0), pullMs: Math.round(t2 - t1), pushed: up.pushed, pulled: down.pulled };
}

export const syncBenches: Record<string, () => Promise<Result>> = {
  async sync_10k() {
    const { hub, tokens } = await hubRig();
    const a = await pairedStation(hub, `bench-a-${Date.now() % 100000}`);
    const b = await pairedStation(hub, `bench-b-${Date.now() % 100000}`);
    return pushThenPull(a, b, tokens);
  },
  async sync_propagation() {
    const { hub, tokens } = await hubRig();
    const a = await pairedStation(hub, `prop-a-${Date.now() % 100000}`);
    const b = await pairedStation(hub, `prop-b-${Date.now() % 100000}`);
    connectStation(a);
    connectStation(b);
    await new Promise((r) => setTimeout(r, 300));
    const cps = a.event.checkpointRows().filter((c) => c.list_rule === 'anyone').map((c) => c.id);
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = a.checkin.scan(cps[0]!, tokens[(i * 11) % tokens.length]!);
      const t = performance.now();
      await until(() => b.db.prepare('SELECT 1 FROM scan WHERE id = ?').get(r.scanId) !== undefined, 10_000, 'propagation');
      samples.push(performance.now() - t);
    }
    a.close();
    b.close();
    return { ...percentiles(samples), note: 'scan committed at station A until station B holds it (and answers from it), both live on one hub' };
  },
  async sync_converge_5() {
    const { hub, tokens } = await hubRig();
    const stations = await Promise.all([1, 2, 3, 4, 5].map((i) => pairedStation(hub, `conv-${i}-${Date.now() % 100000}`)));
    stations.forEach((s, i) => offlineScans(s, tokens.slice(i * 50), 400));
    const t0 = performance.now();
    // The partition heals: everyone syncs (pushes), then everyone pulls what the others made.
    await Promise.all(stations.map((s) => once(s)));
    await Promise.all(stations.map((s) => once(s)));
    const ms = performance.now() - t0;
    const counts = new Set(stations.map((s) => s.db.prepare('SELECT count(*) FROM scan').pluck().get() as number));
    for (const s of stations) s.close();
    if (counts.size !== 1) throw new Error(`did not converge: ${[...counts].join(', ')}`);
    return { ms: Math.round(ms), devices: 5, entriesPerDevice: 400 };
  },
  async scan_verdict_during_sync() {
    const { hub, tokens } = await hubRig();
    const maker = await pairedStation(hub, `vds-a-${Date.now() % 100000}`);
    const door = await pairedStation(hub, `vds-b-${Date.now() % 100000}`);
    offlineScans(maker, tokens, 10_000);
    await once(maker);
    const cps = door.event.checkpointRows().map((c) => c.id);
    const samples: number[] = [];
    let syncing = true;
    const t0 = performance.now();
    const sync = once(door).finally(() => (syncing = false));
    // A badge is presented at a random moment 0–3 ms after the last verdict; its latency counts from that moment,
    // so time spent waiting behind a sync batch is included.
    let k = 0;
    while (syncing) {
      const delay = Math.random() * 3;
      const presented = performance.now() + delay;
      await new Promise((r) => setTimeout(r, delay));
      door.checkin.scan(cps[k % cps.length]!, tokens[(k * 13) % tokens.length]!);
      samples.push(performance.now() - presented);
      k++;
    }
    const pulled = (await sync).pulled;
    maker.close();
    door.close();
    return { ...percentiles(samples), pulled, syncMs: Math.round(performance.now() - t0) };
  },
};

/** The organisers' hub on PostgreSQL: a venue hub brings the event, then stations of the organisers push. */
let pgRig: { url: string; org: ChildProcess; venue: ChildProcess; dir: string; code: (role: string) => string } | null = null;
async function pgHubRig() {
  if (pgRig) return pgRig;
  const admin = process.env.UKETSUKE_PG_URL;
  if (!admin) throw new Error('UKETSUKE_PG_URL is not set (npm run bench starts a private PostgreSQL)');
  const name = `uketsuke_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name}`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  const dir = tempDir('uketsuke-bench-pg-');
  const org = (await startCli(['hub', '--db', url, '--port', String(await freePort()), '--json'], path.join(dir, 'org'))).child;
  const code = (role: string) => {
    const r = cli(path.join(dir, 'cli'), 'pairing-code', '--db', url, '--role', role, ...(role === 'venue' ? [] : ['--event', 'eu-japan-regions-strasbourg']), '--json');
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { code: string }).code;
  };
  const venueFile = path.join(dir, 'venue.db');
  const setup = Uketsuke.open(venueFile, { deviceId: 'bench-venue', printers: [] });
  buildDemo(setup, { delegates: 400 });
  setup.close();
  const venue = (await startCli(['hub', '--db', venueFile, '--port', String(await freePort()), '--upstream', code('venue'), '--json'], path.join(dir, 'venue'))).child;
  pgRig = { url, org, venue, dir, code };
  return pgRig;
}

async function pgStation(name: string): Promise<Uketsuke> {
  const rig = await pgHubRig();
  const s = Uketsuke.open(path.join(rig.dir, `${name}.db`), { deviceId: name, printers: [] });
  for (let i = 0; ; i++) {
    try {
      await pairWithCode(s, rig.code('organiser'), name);
      return s;
    } catch (e) {
      // The venue hub may still be forwarding the event.
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function closePgRig(): Promise<void> {
  for (const c of [pgRig?.org, pgRig?.venue]) c?.kill('SIGKILL');
  pgRig = null;
}

Object.assign(syncBenches, {
  async hub_pg_ingest() {
    const { tokens } = await hubRig();
    const stations: Uketsuke[] = [];
    for (let i = 0; i < 10; i++) stations.push(await pgStation(`ingest-${i}-${Date.now() % 100000}`));
    for (const s of stations) offlineScans(s, tokens, 1000);
    const t0 = performance.now();
    const pushed = (await Promise.all(stations.map((s) => once(s)))).reduce((n, r) => n + r.pushed, 0);
    const ms = performance.now() - t0;
    for (const s of stations) s.close();
    return { ms: Math.round(ms), entries: pushed, entriesPerSecond: Math.round((pushed / ms) * 1000), devices: 10, note: 'one hub process, 10 stations pushing 1,000 entries each at once, over HTTPS' };
  },
  async sync_10k_pg() {
    const { tokens } = await hubRig();
    const a = await pgStation(`pg-a-${Date.now() % 100000}`);
    const b = await pgStation(`pg-b-${Date.now() % 100000}`);
    return { ...(await pushThenPull(a, b, tokens)), hub: 'PostgreSQL' };
  },
});
