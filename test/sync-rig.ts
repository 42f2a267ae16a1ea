// Several devices of one event in one test process: real SQLite files, each with its own device id, exchanging
// entries the way a hub relays them (here by hand, so tests choose the order, the losses and the duplicates).
import path from 'node:path';
import type { Db } from '../db/open.js';
import { Uketsuke } from '../electron/services/uketsuke.js';
import type { EventSpec } from '../electron/services/event/event-store.js';
import { tempDir, TestClock } from './helpers.js';

/** A seeded PRNG (the demo generator's mulberry32): a failing run is replayed from its printed seed. */
export { rng as prng } from '../electron/demo/generator.js';

export interface Device {
  id: string;
  app: Uketsuke;
  file: string;
}

export function openDevice(deviceId: string, clock: TestClock, dir = tempDir()): Device {
  const file = path.join(dir, `${deviceId}.db`);
  return { id: deviceId, file, app: Uketsuke.open(file, { now: clock.now, deviceId, printers: [] }) };
}

/** Creates the event on the first device, enrols the others with their badge blocks, and syncs everyone. */
export function venue(spec: EventSpec, deviceIds: string[], clock: TestClock): Device[] {
  const devices = deviceIds.map((id) => openDevice(id, clock));
  const first = devices[0]!.app;
  first.event.create(spec);
  first.core.tx(() => {
    first.badgeNumbers.reserve();
    for (const d of devices.slice(1)) first.badgeNumbers.reserveFor(d.id, 'desk', d.id);
  });
  syncAll(devices);
  // Desks hold the signing key (pairing gives it to desks and printing kiosks).
  const key = first.db.prepare('SELECT private_key FROM event').pluck().get() as string;
  for (const d of devices.slice(1)) d.app.db.prepare('UPDATE event SET private_key = ?').run(key);
  for (const d of devices.slice(1)) d.app.event.header();
  return devices;
}

/** Delivers what `to` misses from `from` (optionally a shuffled subset, with duplicates). */
export function deliver(from: Device, to: Device, opts: { rand?: () => number; fraction?: number; duplicates?: boolean } = {}): number {
  let entries: unknown[] = from.app.core.replica.missing(to.app.core.replica.vector(), 100_000);
  if (opts.rand) {
    const r = opts.rand;
    entries = entries.filter(() => r() < (opts.fraction ?? 1));
    if (opts.duplicates) entries = entries.concat(entries.filter(() => r() < 0.3));
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
  }
  const report = to.app.core.replica.receive(entries);
  if (report.rejected.length) throw new Error(`rejected: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  return report.applied;
}

/** Everyone learns everything (a hub relaying until nothing is missing). */
export function syncAll(devices: Device[]): void {
  for (let round = 0; round < 10; round++) {
    let moved = 0;
    for (const a of devices) for (const b of devices) if (a !== b) moved += deliver(a, b);
    if (moved === 0) return;
  }
  throw new Error('devices did not converge in 10 rounds');
}

const TABLES: Record<string, string> = {
  event: 'SELECT id, name, name_ja, venue, venue_ja, timezone, starts_on, ends_on, rehearsal, public_key, field_hlc FROM event',
  event_day: 'SELECT * FROM event_day',
  session: 'SELECT * FROM session',
  bus: 'SELECT * FROM bus',
  checkpoint: 'SELECT * FROM checkpoint',
  delegate: 'SELECT * FROM delegate',
  badge: 'SELECT * FROM badge',
  badge_block: 'SELECT * FROM badge_block',
  registration: 'SELECT * FROM registration',
  registration_clock: 'SELECT * FROM registration_clock',
  delegate_code: 'SELECT * FROM delegate_code',
  meeting: 'SELECT * FROM meeting',
  scan: 'SELECT * FROM scan',
  scan_undo: 'SELECT * FROM scan_undo',
  admission: 'SELECT * FROM admission',
  occupancy: 'SELECT * FROM occupancy WHERE admitted <> 0',
  print_job: 'SELECT * FROM print_job',
  setting: 'SELECT * FROM setting',
  device: 'SELECT device_id, role, name, enrolled_at, hlc FROM device',
  purge: 'SELECT * FROM purge',
  device_cursor: 'SELECT * FROM device_cursor',
  change_log: 'SELECT entry_id, device_id, device_seq, hlc, type, payload FROM change_log',
};

/** Every replicated table as sorted rows (log payloads parsed, so equal JSON compares equal). */
export function snapshot(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(TABLES)) {
    const rows = (db.prepare(sql).all() as Record<string, unknown>[]).map((r) =>
      name === 'change_log' ? { ...r, payload: JSON.parse(r.payload as string) as unknown } : r,
    );
    out[name] = rows.map(canonical).sort().map((s) => JSON.parse(s) as unknown);
  }
  return out;
}

/** JSON with keys sorted at every level: the same data gives the same text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
