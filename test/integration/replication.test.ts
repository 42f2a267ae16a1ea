// The venue's hard cases, device by device: what two offline stations do, and what everyone sees once synced.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { parseHlc } from '../../electron/services/replication/hlc.js';
import Database from 'better-sqlite3';
import { migrate } from '../../db/open.js';
import { generateEventKeys } from '../../electron/services/model/badge-token.js';
import { migrations } from '../../db/migrations/index.js';
import { smallEventSpec, tempDir, TestClock } from '../helpers.js';
import { deliver, syncAll, venue } from '../sync-rig.js';

const at = (iso: string) => new TestClock(Date.parse(iso));

describe('replication: ids that cannot collide offline', () => {
  it('two offline desks registering walk-ins never issue the same badge number or QR', () => {
    const [a, b] = venue(smallEventSpec(), ['desk-a', 'desk-b'], at('2027-04-27T09:00:00Z'));
    const x = a!.app.dispatch('walkIn', { familyName: 'Rossi', givenName: 'Anna' });
    const y = b!.app.dispatch('walkIn', { familyName: 'Dubois', givenName: 'Marc' });
    expect(x.delegate.badgeNo).not.toBe(y.delegate.badgeNo);
    expect(x.token).not.toBe(y.token);
    syncAll([a!, b!]);
    // Each QR still names its own person on both desks.
    for (const d of [a!, b!]) {
      expect(d.app.dispatch('scan', { checkpointId: 'venue', code: x.token! }).delegate?.familyName).toBe('Rossi');
      expect(d.app.dispatch('scan', { checkpointId: 'venue', code: y.token! }).delegate?.familyName).toBe('Dubois');
    }
  });

  it('the same registration imported on two offline desks is one person once synced', async () => {
    const [a, b] = venue(smallEventSpec(), ['desk-a', 'desk-b'], at('2027-04-27T09:00:00Z'));
    const csv = Buffer.from('Last name,First name,Email,Registration code\nSato,Yui,yui.sato@example.jp,EJ-1001\n');
    await a!.app.importer.run('a.csv', csv);
    await b!.app.importer.run('b.csv', csv);
    syncAll([a!, b!]);
    for (const d of [a!, b!]) expect(d.app.db.prepare("SELECT count(*) FROM delegate WHERE email = 'yui.sato@example.jp'").pluck().get()).toBe(1);
    // Both desks may have printed a badge: both numbers identify her.
    const numbers = a!.app.db.prepare('SELECT badge_no FROM badge ORDER BY badge_no').pluck().all() as number[];
    expect(numbers).toHaveLength(2);
    const yui = a!.app.delegates.findByIdOrEmail('yui.sato@example.jp')!;
    for (const n of numbers) expect(a!.app.delegates.findByBadgeNo(n)?.id).toBe(yui.id);
  });

  it('a copied event file is a new device: its own id, sequence and badge block', () => {
    const clock = at('2027-04-27T09:00:00Z');
    const dir = tempDir();
    const original = Uketsuke.open(path.join(dir, 'a.db'), { now: clock.now, deviceId: 'laptop-1', printers: [] });
    original.event.create(smallEventSpec());
    const first = original.dispatch('walkIn', { familyName: 'Lind', givenName: 'Eva' });
    original.close();
    fs.copyFileSync(path.join(dir, 'a.db'), path.join(dir, 'copy.db'));
    const copy = Uketsuke.open(path.join(dir, 'copy.db'), { now: clock.now, deviceId: 'laptop-2', printers: [] });
    const second = copy.dispatch('walkIn', { familyName: 'Berg', givenName: 'Ola' });
    expect(second.delegate.badgeNo).not.toBe(first.delegate.badgeNo + 1);
    const mine = copy.db.prepare("SELECT device_seq FROM change_log WHERE device_id = 'laptop-2' ORDER BY device_seq").pluck().all();
    expect(mine[0]).toBe(1);
    expect(copy.event.info().deviceId).toBe('laptop-2');
    copy.close();
  });
});

describe('replication: scans from several doors', () => {
  it('a badge admitted at two offline doors: both admit, then it is a double entry everywhere and the next scan is already checked in', () => {
    const [doorA, doorB] = venue(smallEventSpec(), ['door-a', 'door-b'], at('2027-04-28T06:00:00Z'));
    const p = doorA!.app.dispatch('walkIn', { familyName: 'Mensah', givenName: 'Kwame', registrations: ['bus'] });
    syncAll([doorA!, doorB!]);
    expect(doorA!.app.dispatch('scan', { checkpointId: 'bus-door', code: p.token! }).verdict).toBe('admitted');
    expect(doorB!.app.dispatch('scan', { checkpointId: 'bus-door', code: p.token! }).verdict).toBe('admitted');
    syncAll([doorA!, doorB!]);
    for (const d of [doorA!, doorB!]) {
      const c = d.app.dispatch('syncConflicts', {});
      expect(c.doubleEntries).toHaveLength(1);
      expect(c.doubleEntries[0]!.delegate?.familyName).toBe('Mensah');
      expect(c.doubleEntries[0]!.scans.map((s) => s.deviceId).sort()).toEqual(['door-a', 'door-b']);
      expect(d.app.dispatch('checkpoints', {}).find((cp) => cp.id === 'bus-door')!.admitted).toBe(1);
    }
    expect(doorB!.app.dispatch('scan', { checkpointId: 'bus-door', code: p.token! }).verdict).toBe('already_checked_in');
  });

  it('two tablets filling one bus past capacity: counted from the merged set and listed', () => {
    const [t1, t2] = venue(smallEventSpec(), ['tablet-1', 'tablet-2'], at('2027-04-28T06:00:00Z'));
    const people = ['A', 'B', 'C', 'D'].map((n) => t1!.app.dispatch('walkIn', { familyName: `Rider${n}`, givenName: n, registrations: ['bus'] }));
    syncAll([t1!, t2!]);
    for (const p of people.slice(0, 2)) expect(t1!.app.dispatch('scan', { checkpointId: 'bus-door', code: p.token! }).verdict).toBe('admitted');
    for (const p of people.slice(2)) expect(t2!.app.dispatch('scan', { checkpointId: 'bus-door', code: p.token! }).verdict).toBe('admitted');
    syncAll([t1!, t2!]);
    for (const t of [t1!, t2!]) {
      expect(t.app.dispatch('checkpoints', {}).find((cp) => cp.id === 'bus-door')!.admitted).toBe(4);
      expect(t.app.dispatch('syncConflicts', {}).overCapacity).toEqual([expect.objectContaining({ counterKey: 'bus', admitted: 4, capacity: 2 })]);
    }
  });

  it("a bus's passenger list shows who boarded at either tablet, and who is still missing", () => {
    const [t1, t2] = venue(smallEventSpec(), ['bus-tab-1', 'bus-tab-2'], at('2027-04-28T06:00:00Z'));
    const [a, b, c] = ['Arai', 'Berg', 'Costa'].map((n) => t1!.app.dispatch('walkIn', { familyName: n, givenName: 'X', registrations: ['bus'] }));
    syncAll([t1!, t2!]);
    t1!.app.dispatch('scan', { checkpointId: 'bus-door', code: a!.token! });
    t2!.app.dispatch('scan', { checkpointId: 'bus-door', code: b!.token! });
    expect(t1!.app.dispatch('passengers', { checkpointId: 'bus-door' }).missing.map((p) => p.familyName)).toEqual(['Berg', 'Costa']);
    syncAll([t1!, t2!]);
    for (const t of [t1!, t2!]) {
      const list = t.app.dispatch('passengers', { checkpointId: 'bus-door' });
      expect(list.boarded.map((p) => p.familyName).sort()).toEqual(['Arai', 'Berg']);
      expect(list.missing.map((p) => [p.familyName, p.badgeNo])).toEqual([['Costa', c!.delegate.badgeNo]]);
      expect(list.boarded.every((p) => p.boardedAt !== null)).toBe(true);
    }
  });

  it('a genuine badge this door has not synced yet is admitted, and joins the person once their record arrives', () => {
    const spec = smallEventSpec({ rehearsal: true });
    const [desk, door] = venue(spec, ['desk-1', 'door-1'], at('2027-04-27T09:00:00Z'));
    // The door holds only the public key.
    door!.app.db.prepare('UPDATE event SET private_key = NULL').run();
    const late = desk!.app.dispatch('walkIn', { familyName: 'Late', givenName: 'Comer' });
    const first = door!.app.dispatch('scan', { checkpointId: 'venue', code: late.token! });
    expect(first.verdict).toBe('admitted');
    expect(first.delegate).toBeNull();
    deliver(desk!, door!);
    const again = door!.app.dispatch('scan', { checkpointId: 'venue', code: late.token! });
    expect(again.verdict).toBe('already_checked_in');
    expect(again.delegate?.familyName).toBe('Late');
    const detail = door!.app.dispatch('delegate', { id: late.delegate.id });
    expect(detail.registrations.find((r) => r.checkpointId === 'venue')?.admittedAt).toBe(first.at);
  });

  it('an undo made on one device reverses the check-in everywhere, even if it arrives before the scan', () => {
    const [a, b, c] = venue(smallEventSpec({ rehearsal: true }), ['dev-a1', 'dev-b1', 'dev-c1'], at('2027-04-27T09:00:00Z'));
    const p = a!.app.dispatch('walkIn', { familyName: 'Undo', givenName: 'Me' });
    syncAll([a!, b!, c!]);
    const s = a!.app.dispatch('checkIn', { delegateId: p.delegate.id });
    deliver(a!, b!);
    b!.app.dispatch('undoScan', { scanId: s.scanId, reason: 'wrong person' });
    // c gets b's undo first, then a's scan.
    const fromB = b!.app.core.replica.missing(c!.app.core.replica.vector()).filter((e) => e.type === 'scan.undone');
    c!.app.core.replica.receive(fromB);
    deliver(a!, c!);
    expect(c!.app.db.prepare('SELECT undone_at IS NOT NULL FROM scan WHERE id = ?').pluck().get(s.scanId)).toBe(1);
    syncAll([a!, b!, c!]);
    for (const d of [a!, b!, c!]) expect(d.app.dispatch('checkpoints', {}).find((cp) => cp.id === 'venue')!.admitted).toBe(0);
    expect(c!.app.dispatch('checkIn', { delegateId: p.delegate.id }).verdict).toBe('admitted');
  });
});

describe('replication: the clock', () => {
  it('a scan recorded "at" another time does not move the device clock', () => {
    const t = Uketsuke.open(path.join(tempDir(), 'x.db'), { now: () => Date.parse('2031-01-01T00:00:00Z'), deviceId: 'cli-dev', printers: [] });
    t.event.create(smallEventSpec({ rehearsal: true }));
    const p = t.dispatch('walkIn', { familyName: 'Future', givenName: 'Scan' });
    t.dispatch('scan', { checkpointId: 'venue', code: p.token! });
    const last = t.db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
    expect(parseHlc(last).ms).toBeLessThan(Date.parse('2030-01-01T00:00:00Z'));
    expect(t.db.prepare('SELECT scanned_at FROM scan').pluck().get()).toBe('2031-01-01T00:00:00.000Z');
    t.close();
  });

  it('two processes on one file never write the same clock value or sequence number', () => {
    const file = path.join(tempDir(), 'shared.db');
    const one = Uketsuke.open(file, { deviceId: 'same-dev', printers: [] });
    one.event.create(smallEventSpec({ rehearsal: true }));
    const two = Uketsuke.open(file, { deviceId: 'same-dev', printers: [] });
    for (let i = 0; i < 20; i++) (i % 2 ? one : two).dispatch('walkIn', { familyName: `P${i}`, givenName: 'X' });
    const rows = one.db.prepare("SELECT hlc, device_seq FROM change_log WHERE device_id = 'same-dev'").all() as { hlc: string; device_seq: number }[];
    expect(new Set(rows.map((r) => r.hlc)).size).toBe(rows.length);
    expect(rows.map((r) => r.device_seq).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
    one.close();
    two.close();
  });

  it('persists the clock when it receives entries from a device ahead of it', () => {
    const clock = at('2027-04-27T09:00:00Z');
    const [a, b] = venue(smallEventSpec(), ['dev-fast', 'dev-slow'], clock);
    const ahead = Date.now() + 60_000;
    const hlc = `${String(ahead).padStart(13, '0')}-0000-dev-fast`;
    b!.app.core.replica.receive([{ entryId: '00000000-0000-4000-8000-000000000001', deviceId: 'dev-fast', deviceSeq: 999, hlc, type: 'privacy.exported', payload: { delegateId: 'x', at: '2027-04-27T09:00:00Z' } }]);
    const stored = b!.app.db.prepare("SELECT value FROM meta WHERE key = 'hlc'").pluck().get() as string;
    expect(parseHlc(stored).ms).toBe(ahead);
    // Reopened, the device orders its next change after what it received.
    const reopened = Uketsuke.open(b!.file, { deviceId: 'dev-slow', printers: [] });
    const p = reopened.dispatch('walkIn', { familyName: 'After', givenName: 'Receive' });
    const entry = reopened.db.prepare("SELECT hlc FROM change_log WHERE type = 'delegate.upserted' AND json_extract(payload, '$.id') = ?").pluck().get(p.delegate.id) as string;
    expect(entry > hlc).toBe(true);
    reopened.close();
    a!.app.close();
  });
});

describe('replication: bad entries', () => {
  it('malformed, unknown and conflicting entries are refused and change nothing', () => {
    const [a] = venue(smallEventSpec(), ['dev-x'], at('2027-04-27T09:00:00Z'));
    const before = a!.app.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const r = a!.app.core.replica.receive([
      { nonsense: true },
      { entryId: '00000000-0000-4000-8000-000000000002', deviceId: 'dev-y', deviceSeq: 1, hlc: '0000000001000-0000-dev-y', type: 'scan.recorded', payload: { id: 's1' } },
      { entryId: '00000000-0000-4000-8000-000000000003', deviceId: 'dev-y', deviceSeq: 1, hlc: '0000000001000-0000-dev-y', type: 'drop.tables', payload: {} },
      { entryId: '00000000-0000-4000-8000-000000000004', deviceId: 'dev-x', deviceSeq: 1, hlc: '0000000001000-0000-dev-x', type: 'privacy.exported', payload: { delegateId: 'x', at: '2027-04-27T09:00:00Z' } },
    ]);
    expect(r.applied).toBe(0);
    expect(r.rejected.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(a!.app.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before);
  });
});

describe('replication: upgrading a file from before the replication core', () => {
  it('keeps delegates, scans, admissions and the PIN, and marks old log entries as history', () => {
    const file = path.join(tempDir(), 'v2.db');
    const raw = new Database(file);
    migrate(raw, file, migrations.slice(0, 2));
    const keys = generateEventKeys();
    raw.prepare("INSERT INTO event VALUES ('ev', 'Old', NULL, 'Here', 'Europe/Paris', '2027-04-27', '2027-04-28', 1, ?, ?)").run(keys.publicKey, keys.privateKey);
    raw.exec(`
      INSERT INTO meta VALUES ('staff_pin', 'aa:bb');
      INSERT INTO checkpoint (id, event_id, kind, name, entry_rule, list_rule) VALUES ('venue', 'ev', 'venue', 'Entrance', 'once_per_day', 'anyone');
      INSERT INTO delegate (id, event_id, badge_no, family_name, given_name, hlc, created_at, updated_at) VALUES ('d1', 'ev', 7, 'Old', 'Timer', '0000000001000-0000-old', 'x', 'x');
      INSERT INTO scan (id, checkpoint_id, target_key, delegate_id, code, verdict, reason, day, scanned_at, device_id, hlc) VALUES ('s1', 'venue', 'venue', 'd1', 'c', 'admitted', 'r', '2027-04-27', '2027-04-27T08:00:00Z', 'old', '0000000001000-0001-old');
      INSERT INTO change_log (entry_id, device_id, hlc, type, payload) VALUES ('e1', 'old', '0000000001000-0000-old', 'delegate.upserted', '{}');
    `);
    raw.close();
    const app = Uketsuke.open(file, { deviceId: 'new-dev', printers: [] });
    expect(app.event.info().staffPinSet).toBe(true);
    expect(app.delegates.findByBadgeNo(7)?.family_name).toBe('Old');
    expect(app.db.prepare("SELECT type, device_seq FROM change_log").get()).toEqual({ type: 'legacy.delegate.upserted', device_seq: 1 });
    expect(app.db.prepare("SELECT admission_day FROM scan WHERE id = 's1'").pluck().get()).toBe('2027-04-27');
    // A new walk-in on the upgraded file gets a number from a fresh block, clear of the old numbers.
    expect(app.dispatch('walkIn', { familyName: 'New', givenName: 'Comer' }).delegate.badgeNo).toBeGreaterThan(7);
    app.close();
  });
});
