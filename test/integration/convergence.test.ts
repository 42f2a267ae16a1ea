// The replication core's property: whatever devices do offline, and however their entries travel (any order,
// lost and resent, duplicated), once everyone has everything every device holds the same state; and a database
// rebuilt from its log alone equals the original. Runs a fixed seed and a fresh random seed each time.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/services/core.js';
import { ADMITTING } from '../../electron/api/contract.js';
import { smallEventSpec, TestClock } from '../helpers.js';
import { deliver, openDevice, prng, snapshot, syncAll, venue, type Device } from '../sync-rig.js';

const CHECKPOINTS = ['venue', 'talk-door-a', 'talk-door-b', 'bus-door'];
const TARGETS = ['talk', 'bus'];

async function randomVenue(seed: number, deviceCount: number, steps: number): Promise<Device[]> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
  const devices = venue(smallEventSpec({ rehearsal: true }), Array.from({ length: deviceCount }, (_, i) => `dev-${'abcde'[i]}`), clock);
  const people = (d: Device) => d.app.db.prepare("SELECT id FROM delegate WHERE badge_no > 0 ORDER BY id").pluck().all() as string[];
  let n = 0;
  const ops: ((d: Device) => void | Promise<void>)[] = [
    (d) => {
      n++;
      const email = rand() < 0.3 ? `shared${Math.floor(rand() * 3)}@example.org` : `p${n}-${d.id}@example.org`;
      d.app.dispatch('walkIn', { familyName: `Family${n}`, givenName: 'Given', email, registrations: TARGETS.filter(() => rand() < 0.6) });
    },
    (d) => {
      const id = pick(people(d));
      if (!id) return;
      const row = d.app.delegates.get(id);
      d.app.dispatch('scan', { checkpointId: pick(CHECKPOINTS), code: d.app.delegates.tokenFor(row) ?? 'EJRC-0' });
    },
    (d) => {
      const id = pick(people(d));
      if (id) d.app.dispatch('checkIn', { delegateId: id, checkpointId: pick(CHECKPOINTS) });
    },
    (d) => {
      const scans = d.app.db.prepare('SELECT id, verdict FROM scan WHERE undone_at IS NULL AND delegate_id IS NOT NULL').all() as { id: string; verdict: string }[];
      const s = scans.filter((x) => ADMITTING.has(x.verdict as 'admitted'));
      if (s.length) d.app.dispatch('undoScan', { scanId: pick(s).id, reason: 'mistake' });
    },
    (d) => {
      const id = pick(people(d));
      if (!id) return;
      const row = d.app.delegates.get(id);
      d.app.dispatch('updateDelegate', { id, fields: { familyName: row.family_name, givenName: rand() < 0.5 ? `Edited${n++}` : row.given_name, organisation: `Org ${d.id}`, email: row.email ?? '' } });
    },
    (d) => {
      const id = pick(people(d));
      if (id) d.app.dispatch('reissueBadge', { delegateId: id });
    },
    (d) => {
      const id = pick(people(d));
      if (!id) return;
      d.app.core.tx(() => (rand() < 0.5 ? d.app.delegates.register(id, [pick(TARGETS)]) : d.app.delegates.unregister(id, [pick(TARGETS)])));
    },
    (d) => {
      const id = pick(people(d));
      if (id) d.app.core.tx(() => d.app.delegates.setCancelled(id, rand() < 0.7));
    },
    async (d) => {
      // The same registrations imported on several offline desks: one person each once synced.
      const rows = [0, 1, 2].map((i) => `Imported${i},Person,imp${i}@example.org,IMP-${i},${pick(TARGETS)}`);
      await d.app.importer.run('regs.csv', Buffer.from(`Last name,First name,Email,Registration code,Sessions\n${rows.join('\n')}\n`));
    },
    (d) => d.app.event.setRehearsal(rand() < 0.8),
    // GDPR purge on one device while others keep writing offline: older writes lose their personal data everywhere.
    (d) => void d.app.privacy.purge({ force: true }),
    // Event setup on any device: door rules, session and bus edits, archiving, dates, a programme file imported on
    // several desks (one programme once synced).
    (d) => d.app.programme.saveCheckpointRules(pick(CHECKPOINTS), { capacity: rand() < 0.3 ? null : 1 + Math.floor(rand() * 4), listRule: rand() < 0.5 ? 'registered' : 'anyone' }),
    (d) => void d.app.programme.saveSession({ id: 'talk', title: `Talk ${n++}`, room: rand() < 0.5 ? 'Hemicycle' : null, startsAt: '2027-04-27T09:00:00Z', endsAt: rand() < 0.5 ? '2027-04-27T10:00:00Z' : '2027-04-27T10:30:00Z', capacity: 2 }),
    (d) => (rand() < 0.5 ? d.app.programme.archiveSession(pick(['talk', ...d.app.programme.sessions(true).map((s) => s.id)]), rand() < 0.5) : d.app.programme.archiveBus('bus', rand() < 0.5)),
    (d) => d.app.programme.updateEvent({ venue: `Hall ${d.id}`, endsOn: rand() < 0.5 ? '2027-04-28' : '2027-04-29' }),
    async (d) => void (await d.app.programme.import('programme.csv', Buffer.from(`Day,Start,End,Title,Room,Capacity\n1,14:00,15:00,Panel ${Math.floor(rand() * 2)},Hemicycle,3\n2,09:00,10:00,Pitches,Room B,\n`))),
  ];
  // Scans and check-ins are what a venue mostly does, and where order matters most (who was first, who is in).
  const weighted = [...ops, ops[1]!, ops[1]!, ops[1]!, ops[2]!, ops[2]!, ops[3]!];
  for (let step = 0; step < steps; step++) {
    clock.ms += Math.floor(rand() * 60_000);
    const d = pick(devices);
    if (rand() < 0.2) {
      const other = pick(devices);
      if (other !== d) deliver(d, other, { rand, fraction: 0.6, duplicates: true });
      continue;
    }
    try {
      await pick(weighted)(d);
    } catch (e) {
      // Refusals a real desk would see (a conflict, an already-undone scan) are part of the workload.
      if (!(e instanceof ServiceError)) throw e;
    }
  }
  syncAll(devices);
  return devices;
}

function expectConverged(devices: Device[], seed: number): void {
  const [first, ...rest] = devices.map((d) => snapshot(d.app.db));
  for (const [i, other] of rest.entries()) {
    for (const table of Object.keys(first!)) {
      expect(other[table], `seed ${seed}: table ${table} differs between ${devices[0]!.id} and ${devices[i + 1]!.id}`).toEqual(first![table]);
    }
  }
}

function expectRebuildEqual(device: Device, seed: number): void {
  const rand = prng(seed ^ 0x5eed);
  const entries = device.app.core.replica.all();
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const rebuilt = openDevice('dev-rebuilt', new TestClock(0));
  rebuilt.app.core.replica.receive(entries);
  const a = snapshot(device.app.db);
  const b = snapshot(rebuilt.app.db);
  for (const table of Object.keys(a)) expect(b[table], `seed ${seed}: rebuilt ${table} differs`).toEqual(a[table]);
}

describe('replication: random interleavings converge', () => {
  const seeds = [20270427, Number(process.env.UKETSUKE_SEED ?? Math.floor(Math.random() * 2 ** 31))];
  for (const seed of seeds) {
    it(`3–5 devices, random order, duplicates, then rebuilt from the log (seed ${seed})`, async () => {
      const devices = await randomVenue(seed, 3 + (seed % 3), 300);
      const scans = devices[0]!.app.db.prepare('SELECT count(*) FROM scan').pluck().get() as number;
      expect(scans, `seed ${seed}: the workload made scans`).toBeGreaterThan(5);
      const types = devices[0]!.app.db.prepare('SELECT DISTINCT type FROM change_log').pluck().all();
      expect(types, `seed ${seed}: the workload edited the programme`).toEqual(expect.arrayContaining(['session.upserted', 'checkpoint.upserted', 'day.upserted']));
      expectConverged(devices, seed);
      expectRebuildEqual(devices[0]!, seed);
      for (const d of devices) d.app.close();
    }, 120_000);
  }
});
