// The replication core's merge rules, entry by entry, on a real (in-memory) event database: who is in (admissions
// recomputed from the scans in clock order), scan undo tombstones, registrations added and removed by clock, settings,
// devices and print jobs last writer wins, delegates per field, badge numbers, external codes and the purge. Each
// test applies entries in an order that would go wrong if a rule were broken (older after newer, undo before scan).
// Focused and fast: `npm run test:mutation` runs these against electron/services/sync/apply/*.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open.js';
import { Appliers } from '../../electron/services/replication/apply/index.js';
import { counterKeyOf } from '../../electron/services/model/counter-key.js';
import { codeKey } from '../../electron/services/model/code-key.js';
import { formatHlc } from '../../electron/services/replication/hlc.js';
import type { Entry, EntryType, PayloadOf, StoredEntry } from '../../electron/services/replication/entries.js';

let db: Db;
let ap: Appliers;
let n = 0;
afterEach(() => db?.close());

function fresh(): void {
  db = openDb(':memory:');
  ap = new Appliers(db);
}
const t = (ms: number, device = 'dev') => formatHlc({ ms: 1_000_000 + ms, counter: 0, device });
function entry<T extends EntryType>(type: T, hlc: string, payload: PayloadOf<T>): Extract<Entry, { type: T }> {
  n++;
  return { entryId: `entry-${n}-xxxx`, deviceId: 'dev', deviceSeq: n, hlc, type, payload } as Extract<Entry, { type: T }>;
}
function apply<T extends EntryType>(type: T, hlc: string, payload: PayloadOf<T>): void {
  ap.apply(entry(type, hlc, payload));
}
const all = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
const get = (sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as Record<string, unknown> | undefined;

interface ScanOpts { id: string; delegateId?: string | null; badgeNo?: number | null; verdict?: PayloadOf<'scan.recorded'>['verdict']; day?: string; admissionDay?: string; at?: string; target?: string; code?: string }
function scan(hlc: string, o: ScanOpts): void {
  apply('scan.recorded', hlc, {
    id: o.id, checkpointId: `${o.target ?? 'talk'}-door`, targetKey: o.target ?? 'talk', delegateId: o.delegateId === undefined ? 'd1' : o.delegateId, badgeNo: o.badgeNo ?? null,
    code: o.code ?? `code-${o.id}`, verdict: o.verdict ?? 'admitted', reason: '', day: o.day ?? '2027-04-27', admissionDay: o.admissionDay ?? '',
    scannedAt: o.at ?? `2027-04-27T09:00:0${o.id.slice(-1)}Z`, overrideReason: null,
  });
}
const admission = (target = 'talk', who = 'd1', day = '') => get('SELECT first_scan_id, first_at, checkpoint_id, last_at, entries FROM admission WHERE target_key = ? AND delegate_id = ? AND day = ?', target, who, day);
const occupancy = (key = 'talk') => get('SELECT admitted FROM occupancy WHERE counter_key = ?', key)?.admitted ?? 0;
const undo = (hlc: string, scanId: string, reason = 'mistake', at = '2027-04-27T10:00:00Z') => apply('scan.undone', hlc, { scanId, reason, at });

describe('admissions: derived from the admitting scans in clock order', () => {
  it('the first admitting scan by clock is the admission, whichever arrives first; the counter counts the person once', () => {
    fresh();
    expect(counterKeyOf('talk', '')).toBe('talk');
    expect(counterKeyOf('bus', '2027-04-28')).toBe('bus@2027-04-28');
    scan(t(20), { id: 's2', at: '2027-04-27T09:00:02Z', target: 'talk' });
    expect(admission()).toEqual({ first_scan_id: 's2', first_at: '2027-04-27T09:00:02Z', checkpoint_id: 'talk-door', last_at: '2027-04-27T09:00:02Z', entries: 1 });
    expect(occupancy()).toBe(1);
    scan(t(10), { id: 's1', at: '2027-04-27T09:00:01Z' });
    scan(t(30), { id: 's3', at: '2027-04-27T09:00:03Z', verdict: 'readmitted' });
    expect(admission()).toEqual({ first_scan_id: 's1', first_at: '2027-04-27T09:00:01Z', checkpoint_id: 'talk-door', last_at: '2027-04-27T09:00:03Z', entries: 3 });
    expect(occupancy()).toBe(1);
  });

  it('denied scans admit no one; once a day counts per day', () => {
    fresh();
    for (const verdict of ['already_checked_in', 'not_registered', 'full', 'revoked', 'unknown', 'forged', 'outside_time_window'] as const) scan(t(1), { id: `x-${verdict}`, verdict });
    expect(admission()).toBeUndefined();
    expect(occupancy()).toBe(0);
    expect(all('SELECT count(*) AS n FROM scan')).toEqual([{ n: 7 }]);
    scan(t(2), { id: 'b1', target: 'bus', admissionDay: '2027-04-27' });
    scan(t(3), { id: 'b2', target: 'bus', admissionDay: '2027-04-28', day: '2027-04-28' });
    expect(occupancy('bus@2027-04-27')).toBe(1);
    expect(occupancy('bus@2027-04-28')).toBe(1);
    expect(occupancy('bus')).toBe(0);
    expect(admission('bus', 'd1', '2027-04-28')?.first_scan_id).toBe('b2');
  });

  it('an undo is a tombstone: it may arrive before its scan; undoing the first promotes the next; undoing all empties the place', () => {
    fresh();
    undo(t(50), 's1', 'wrong person', '2027-04-27T10:05:00Z');
    scan(t(10), { id: 's1' });
    expect(get('SELECT undone_at, undo_reason FROM scan WHERE id = ?', 's1')).toEqual({ undone_at: '2027-04-27T10:05:00Z', undo_reason: 'wrong person' });
    expect(admission()).toBeUndefined();
    expect(all('SELECT * FROM occupancy')).toEqual([]);
    scan(t(20), { id: 's2' });
    scan(t(30), { id: 's3' });
    expect(admission()).toMatchObject({ first_scan_id: 's2', entries: 2 });
    undo(t(60), 's2');
    expect(admission()).toMatchObject({ first_scan_id: 's3', last_at: '2027-04-27T09:00:03Z', entries: 1 });
    expect(occupancy()).toBe(1);
    undo(t(70), 's3');
    expect(admission()).toBeUndefined();
    expect(occupancy()).toBe(0);
    undo(t(80), 's3');
    expect(occupancy()).toBe(0);
    undo(t(90), 'never-seen');
    expect(occupancy()).toBe(0);
  });

  it('two undos of one scan: the earlier by clock is kept on every copy', () => {
    for (const order of [[1, 2], [2, 1]]) {
      fresh();
      scan(t(10), { id: 's1' });
      for (const i of order) undo(t(100 + i), 's1', `undo ${i}`, `2027-04-27T10:0${i}:00Z`);
      expect(get('SELECT undone_at, undo_reason FROM scan WHERE id = ?', 's1')).toEqual({ undone_at: '2027-04-27T10:01:00Z', undo_reason: 'undo 1' });
      expect(get('SELECT hlc, reason FROM scan_undo')).toEqual({ hlc: t(101), reason: 'undo 1' });
    }
  });

  it('a scan is stored once: the same entry twice changes nothing', () => {
    fresh();
    scan(t(10), { id: 's1' });
    scan(t(10), { id: 's1' });
    expect(admission()).toMatchObject({ entries: 1 });
    expect(occupancy()).toBe(1);
  });
});

describe('scans: who a scan counts for', () => {
  const upsert = (hlc: string, id: string, badgeNo: number | undefined, fields: PayloadOf<'delegate.upserted'>['fields'] = { family_name: id }) =>
    apply('delegate.upserted', hlc, { id, ...(badgeNo ? { badgeNo } : {}), fields, at: '2027-04-27T08:00:00Z' });

  it('the holder of its badge number, when known, else the badge itself until the holder arrives', () => {
    fresh();
    upsert(t(1), 'd7', 7);
    scan(t(10), { id: 's1', delegateId: null, badgeNo: 7 });
    expect(get('SELECT delegate_id, identity_key, badge_no, device_id, hlc FROM scan')).toEqual({ delegate_id: 'd7', identity_key: 'd7', badge_no: 7, device_id: 'dev', hlc: t(10) });
    scan(t(11), { id: 's2', delegateId: 'someone-else', badgeNo: 7 });
    expect(get('SELECT delegate_id FROM scan WHERE id = ?', 's2')).toEqual({ delegate_id: 'd7' });
    expect(admission('talk', 'd7')).toMatchObject({ first_scan_id: 's1', entries: 2 });

    scan(t(20), { id: 's3', delegateId: null, badgeNo: 9 });
    expect(get('SELECT delegate_id, identity_key FROM scan WHERE id = ?', 's3')).toEqual({ delegate_id: null, identity_key: 'badge:9' });
    expect(admission('talk', 'badge:9')).toMatchObject({ first_scan_id: 's3' });
    expect(occupancy()).toBe(2);
    upsert(t(30), 'd9', 9);
    expect(get('SELECT delegate_id, identity_key FROM scan WHERE id = ?', 's3')).toEqual({ delegate_id: 'd9', identity_key: 'd9' });
    expect(admission('talk', 'badge:9')).toBeUndefined();
    expect(admission('talk', 'd9')).toMatchObject({ first_scan_id: 's3' });
    expect(occupancy()).toBe(2);

    scan(t(40), { id: 's4', delegateId: null, badgeNo: null, verdict: 'unknown' });
    expect(get('SELECT delegate_id, identity_key FROM scan WHERE id = ?', 's4')).toEqual({ delegate_id: null, identity_key: null });
    scan(t(41), { id: 's5', delegateId: 'd5', badgeNo: null });
    expect(get('SELECT delegate_id, identity_key FROM scan WHERE id = ?', 's5')).toEqual({ delegate_id: 'd5', identity_key: 'd5' });
    expect(admission('talk', 'd5')).toMatchObject({ first_scan_id: 's5' });
  });

  it('a badge scanned for one person and then claimed by its holder moves that person\'s admission', () => {
    fresh();
    scan(t(10), { id: 's1', delegateId: 'guess', badgeNo: 4 });
    expect(admission('talk', 'guess')).toBeDefined();
    upsert(t(20), 'd4', 4);
    expect(admission('talk', 'guess')).toBeUndefined();
    expect(admission('talk', 'd4')).toMatchObject({ first_scan_id: 's1' });
    expect(occupancy()).toBe(1);
  });
});

describe('registrations: add and remove per (delegate, target) by clock', () => {
  const reg = (hlc: string, add: string[], remove: string[] = [], delegateId = 'd1') => apply('registration.changed', hlc, { delegateId, add, remove });
  const regs = (delegateId = 'd1') => (all('SELECT target_id FROM registration WHERE delegate_id = ? ORDER BY target_id', delegateId) as { target_id: string }[]).map((r) => r.target_id);

  it('the later change wins whichever arrives first; the same clock again changes nothing', () => {
    fresh();
    reg(t(20), [], ['bus']);
    reg(t(10), ['bus', 'talk']);
    expect(regs()).toEqual(['talk']);
    expect(get('SELECT active, hlc FROM registration_clock WHERE delegate_id = ? AND target_id = ?', 'd1', 'bus')).toEqual({ active: 0, hlc: t(20) });
    reg(t(30), ['bus']);
    expect(regs()).toEqual(['bus', 'talk']);
    reg(t(30), [], ['bus']);
    expect(regs()).toEqual(['bus', 'talk']);
    reg(t(40), [], ['talk']);
    reg(t(40), ['talk']);
    expect(regs()).toEqual(['bus']);
    reg(t(5), ['x'], [], 'd2');
    expect(regs('d2')).toEqual(['x']);
    expect(regs('d1')).toEqual(['bus']);
  });
});

describe('settings, devices, meetings and print jobs', () => {
  it('the staff PIN: last writer wins', () => {
    fresh();
    const pin = (hlc: string, value: string) => apply('setting.changed', hlc, { key: 'staff_pin', value, at: '2027-04-27T08:00:00Z' });
    pin(t(20), 'new');
    pin(t(10), 'old');
    pin(t(20), 'same clock');
    expect(get("SELECT value, hlc FROM setting WHERE key = 'staff_pin'")).toEqual({ value: 'new', hlc: t(20) });
    pin(t(30), 'newer');
    expect(get("SELECT value FROM setting WHERE key = 'staff_pin'")).toEqual({ value: 'newer' });
  });

  it('a device enrolment: last writer wins, its badge block is kept', () => {
    fresh();
    const enrol = (hlc: string, name: string, block: { first: number; last: number } | null) =>
      apply('device.enrolled', hlc, { deviceId: 'kiosk-1', role: 'kiosk', name, badgeBlock: block, at: `at-${name}` });
    enrol(t(20), 'B', { first: 1001, last: 2000 });
    enrol(t(10), 'A', null);
    enrol(t(20), 'C', null);
    expect(get('SELECT role, name, enrolled_at, hlc FROM device')).toEqual({ role: 'kiosk', name: 'B', enrolled_at: 'at-B', hlc: t(20) });
    enrol(t(30), 'D', null);
    expect(get('SELECT name FROM device')).toEqual({ name: 'D' });
    expect(all('SELECT first_no, last_no, device_id FROM badge_block')).toEqual([{ first_no: 1001, last_no: 2000, device_id: 'kiosk-1' }]);
  });

  it('a meeting is added once', () => {
    fresh();
    const m = { id: 'm1', eventId: 'ev', sessionId: 's', delegateA: 'a', delegateB: 'b', startsAt: '2027-04-28T09:00:00Z', endsAt: '2027-04-28T09:20:00Z', tableNo: 'T4' };
    apply('meeting.added', t(1), m);
    apply('meeting.added', t(2), { ...m, tableNo: 'T9' });
    expect(all('SELECT id, event_id, session_id, delegate_a, delegate_b, starts_at, ends_at, table_no FROM meeting')).toEqual([
      { id: 'm1', event_id: 'ev', session_id: 's', delegate_a: 'a', delegate_b: 'b', starts_at: m.startsAt, ends_at: m.endsAt, table_no: 'T4' },
    ]);
  });

  it('a print job: last writer wins per field; updated_at follows the newest change only', () => {
    fresh();
    const job = (hlc: string, fields: PayloadOf<'print.job'>['fields'], at: string) => apply('print.job', hlc, { id: 'j1', fields, at });
    job(t(20), { status: 'failed', error: 'jam' }, 'at-20');
    expect(get('SELECT status, error, updated_at, delegate_id FROM print_job')).toEqual({ status: 'failed', error: 'jam', updated_at: 'at-20', delegate_id: '' });
    job(t(10), { delegate_id: 'd1', status: 'queued', printer: 'P1' }, 'at-10');
    expect(get('SELECT status, error, updated_at, delegate_id, printer FROM print_job')).toEqual({ status: 'failed', error: 'jam', updated_at: 'at-20', delegate_id: 'd1', printer: 'P1' });
    job(t(30), { status: 'done' }, 'at-30');
    expect(get('SELECT status, updated_at FROM print_job')).toEqual({ status: 'done', updated_at: 'at-30' });
    expect(JSON.parse(get('SELECT field_hlc FROM print_job')!.field_hlc as string)).toEqual({ delegate_id: t(10), error: t(20), printer: t(10), status: t(30) });
  });
});

describe('delegates: last writer wins per field, badge issue the maximum, badge numbers by first claim', () => {
  const upsert = (hlc: string, fields: PayloadOf<'delegate.upserted'>['fields'], at = `at-${hlc.slice(9, 13)}`, badgeNo?: number, id = 'd1') =>
    apply('delegate.upserted', hlc, { id, ...(badgeNo ? { badgeNo } : {}), fields, at });
  const row = (id = 'd1') => get('SELECT * FROM delegate WHERE id = ?', id)!;

  it('two offline edits of different fields both stay; an older edit of the same field loses; created and updated follow the clock', () => {
    fresh();
    upsert(t(20), { email: 'new@x.eu' }, '2027-04-27T09:20:00Z');
    expect(row()).toMatchObject({ email: 'new@x.eu', family_name: '', hlc: t(20), updated_at: '2027-04-27T09:20:00Z', created_at: '2027-04-27T09:20:00Z' });
    upsert(t(10), { family_name: 'Müller', given_name: 'Anna', email: 'old@x.eu', role: 'speaker' }, '2027-04-27T09:10:00Z', 42);
    expect(row()).toMatchObject({ family_name: 'Müller', given_name: 'Anna', email: 'new@x.eu', role: 'speaker', badge_no: 42, hlc: t(20), updated_at: '2027-04-27T09:20:00Z', created_at: '2027-04-27T09:10:00Z' });
    expect(row().search_text).toContain('muller');
    expect(String(row().sort_key)).toMatch(/^muller/);
    upsert(t(30), { organisation: 'Biovalley' }, '2027-04-27T09:30:00Z');
    expect(row()).toMatchObject({ organisation: 'Biovalley', hlc: t(30), updated_at: '2027-04-27T09:30:00Z', created_at: '2027-04-27T09:10:00Z' });
    expect(row().search_text).toContain('biovalley');
    expect(JSON.parse(row().field_hlc as string)).toMatchObject({ email: t(20), family_name: t(10), organisation: t(30) });
    expect(all('SELECT badge_no, delegate_id FROM badge')).toEqual([{ badge_no: 42, delegate_id: 'd1' }]);
  });

  it('cancellation is a field; the badge issue only grows', () => {
    fresh();
    upsert(t(10), { family_name: 'Abe' });
    apply('delegate.cancelled', t(30), { id: 'd1', cancelled: true, at: 'x' });
    apply('delegate.cancelled', t(20), { id: 'd1', cancelled: false, at: 'x' });
    expect(row().status).toBe('cancelled');
    apply('delegate.cancelled', t(40), { id: 'd1', cancelled: false, at: 'x' });
    expect(row().status).toBe('active');
    apply('badge.reissued', t(50), { delegateId: 'd1', issue: 3 });
    apply('badge.reissued', t(60), { delegateId: 'd1', issue: 2 });
    expect(row().badge_issue).toBe(3);
    apply('badge.reissued', t(5), { delegateId: 'd2', issue: 2 });
    expect(row('d2')).toMatchObject({ badge_issue: 2, family_name: '', badge_no: 0, status: 'active' });
  });

  it('one badge number claimed twice: the earlier claim keeps it everywhere, the other falls back to its own earliest number', () => {
    for (const order of ['early first', 'late first']) {
      fresh();
      const a = () => upsert(t(10), { family_name: 'Early' }, 'a', 5, 'dA');
      const b = () => upsert(t(20), { family_name: 'Late' }, 'b', 5, 'dB');
      scan(t(5), { id: 's1', delegateId: null, badgeNo: 5 });
      if (order === 'early first') { a(); b(); } else { b(); a(); }
      expect(get('SELECT delegate_id, identity_key FROM scan')).toEqual({ delegate_id: 'dA', identity_key: 'dA' });
      expect(admission('talk', 'dA')).toBeDefined();
      expect(admission('talk', 'dB')).toBeUndefined();
      expect(row('dA').badge_no).toBe(5);
      expect(row('dB').badge_no).toBe(0);
      expect(get('SELECT delegate_id, hlc FROM badge WHERE badge_no = 5')).toEqual({ delegate_id: 'dA', hlc: t(10) });
      upsert(t(30), {}, 'b', 8, 'dB');
      upsert(t(40), {}, 'b', 6, 'dB');
      expect(row('dB').badge_no).toBe(8);
      expect(String(row('dB').search_text)).toContain('8');
    }
  });
});

describe('external codes: added and removed per (delegate, code) by clock', () => {
  const codes = (hlc: string, add: { code: string; ci: boolean }[], remove: { code: string; ci: boolean }[] = []) =>
    apply('delegate.codes', hlc, { delegateId: 'd1', add: add.map((c) => ({ ...c, kind: 'order' as const })), remove: remove.map((c) => ({ ...c, kind: 'order' as const })) });
  const active = () => all('SELECT code_key, code, ci, active FROM delegate_code ORDER BY code_key');

  it('a removal keeps its row so an older addition arriving late loses; in one entry a removal wins', () => {
    fresh();
    expect(codeKey({ code: ' ｑｗ12 ', ci: true })).toBe('QW12');
    expect(codeKey({ code: 'qw12', ci: false })).toBe('qw12');
    codes(t(20), [], [{ code: 'ab12', ci: true }]);
    codes(t(10), [{ code: 'AB12', ci: true }, { code: ' Zz9 ', ci: false }]);
    expect(active()).toEqual([{ code_key: 'AB12', code: 'ab12', ci: 1, active: 0 }, { code_key: 'Zz9', code: 'Zz9', ci: 0, active: 1 }]);
    codes(t(20), [{ code: 'Zz9', ci: false }], [{ code: 'Zz9', ci: false }]);
    expect(active()).toContainEqual({ code_key: 'Zz9', code: 'Zz9', ci: 0, active: 0 });
    codes(t(25), [{ code: 'new1', ci: false }], [{ code: 'gone', ci: false }]);
    expect(active()).toContainEqual({ code_key: 'new1', code: 'new1', ci: 0, active: 1 });
    expect(active()).toContainEqual({ code_key: 'gone', code: 'gone', ci: 0, active: 0 });
    codes(t(30), [{ code: 'AB12', ci: true }]);
    codes(t(30), [], [{ code: 'AB12', ci: true }]);
    expect(active()).toContainEqual({ code_key: 'AB12', code: 'AB12', ci: 1, active: 1 });
  });
});

describe('the purge: personal data erased on every copy, older writes lose to it whenever they arrive', () => {
  const logged = (raw: StoredEntry) => {
    // As the replica does: scrubbed, then stored and applied.
    const e = ap.privacy.scrub(raw);
    db.prepare('INSERT INTO change_log (entry_id, device_id, device_seq, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)').run(e.entryId, e.deviceId, e.deviceSeq, e.hlc, e.type, JSON.stringify(e.payload));
    ap.apply(e);
  };

  it('erases fields, scan codes, external codes and the log older than it; what comes later and is older is scrubbed', () => {
    fresh();
    expect(ap.privacy.purgeHlc()).toBe('');
    logged(entry('delegate.upserted', t(10), { id: 'd1', badgeNo: 3, fields: { family_name: 'Sato', given_name: 'Aiko', email: 'a@x.jp', country: 'JP', role: 'speaker' }, at: '2027-04-27T08:00:00Z' }));
    logged(entry('scan.recorded', t(20), { id: 's1', checkpointId: 'c', targetKey: 'talk', delegateId: 'd1', badgeNo: 3, code: 'SECRET', verdict: 'admitted', reason: '', day: '2027-04-27', admissionDay: '', scannedAt: 'x', overrideReason: null }));
    logged(entry('delegate.codes', t(21), { delegateId: 'd1', add: [{ code: 'ORD1', ci: true, kind: 'order' }], remove: [] }));
    db.prepare("INSERT INTO change_log (entry_id, device_id, device_seq, hlc, type, payload) VALUES ('legacy-1', 'old', 1, ?, 'legacy.delegate.upserted', '{\"email\":\"x\"}')").run(t(1));
    logged(entry('privacy.purged', t(50), { at: '2027-05-01T00:00:00Z' }));
    expect(ap.privacy.purgeHlc()).toBe(t(50));
    expect(get('SELECT family_name, given_name, email, country, role, badge_no FROM delegate')).toEqual({ family_name: 'Purged', given_name: '', email: null, country: 'JP', role: 'speaker', badge_no: 3 });
    expect(get('SELECT code FROM scan')).toEqual({ code: 'purged' });
    expect(all('SELECT * FROM delegate_code')).toEqual([]);
    expect(get('SELECT hlc, updated_at FROM delegate')).toEqual({ hlc: t(10), updated_at: '2027-04-27T08:00:00Z' });
    expect(all('SELECT hlc, at FROM purge')).toEqual([{ hlc: t(50), at: '2027-05-01T00:00:00Z' }]);
    const log = Object.fromEntries((all('SELECT type, payload FROM change_log') as { type: string; payload: string }[]).map((r) => [r.type, JSON.parse(r.payload)]));
    expect(log['delegate.upserted'].fields).toEqual({ country: 'JP', role: 'speaker' });
    expect(log['scan.recorded'].code).toBe('purged');
    expect(log['delegate.codes']).toMatchObject({ add: [], remove: [] });
    expect(log['legacy.delegate.upserted']).toEqual({ purged: true });

    // Older entries arriving after the purge: stored and applied without their personal data.
    logged(entry('delegate.upserted', t(15), { id: 'd1', fields: { family_name: 'Satō', organisation: 'Pref.', country: 'KR' }, at: 'y' }));
    logged(entry('delegate.upserted', t(16), { id: 'd2', fields: { family_name: 'Late', email: 'late@x.eu', role: 'press' }, at: 'y' }));
    expect(get("SELECT family_name, email, role FROM delegate WHERE id = 'd2'")).toEqual({ family_name: 'Purged', email: null, role: 'press' });
    logged(entry('scan.recorded', t(25), { id: 's2', checkpointId: 'c', targetKey: 'talk', delegateId: 'd1', badgeNo: 3, code: 'SECRET2', verdict: 'admitted', reason: '', day: '2027-04-27', admissionDay: '', scannedAt: 'y', overrideReason: null }));
    logged(entry('delegate.codes', t(26), { delegateId: 'd1', add: [{ code: 'ORD2', ci: true, kind: 'order' }], remove: [] }));
    expect(get("SELECT family_name, organisation, country FROM delegate WHERE id = 'd1'")).toEqual({ family_name: 'Purged', organisation: null, country: 'KR' });
    const late = (all("SELECT type, payload FROM change_log WHERE hlc > ? AND hlc < ? AND type <> 'delegate.codes' ORDER BY hlc", t(10), t(30)) as { type: string; payload: string }[]).map((r) => [r.type, JSON.parse(r.payload)]);
    expect(late.map(([type, p]) => [type, p.fields ?? p.code])).toEqual([
      ['delegate.upserted', { country: 'KR' }], ['delegate.upserted', { role: 'press' }], ['scan.recorded', 'purged'], ['scan.recorded', 'purged'],
    ]);
    // The scan applier erases an older scan's code itself too (a log rebuilt or replayed without the scrub).
    ap.apply(entry('scan.recorded', t(27), { id: 's8', checkpointId: 'c', targetKey: 'talk', delegateId: 'd1', badgeNo: 3, code: 'RAW', verdict: 'admitted', reason: '', day: '2027-04-27', admissionDay: '', scannedAt: 'y', overrideReason: null }));
    expect(get("SELECT code FROM scan WHERE id = 's8'")).toEqual({ code: 'purged' });
    expect(get("SELECT code FROM scan WHERE id = 's2'")).toEqual({ code: 'purged' });
    expect(all('SELECT * FROM delegate_code')).toEqual([]);
    expect(ap.privacy.scrub(entry('meeting.added', t(1), { id: 'm', eventId: 'e', sessionId: 's', delegateA: 'a', delegateB: 'b', startsAt: 'x', endsAt: 'y', tableNo: '1' })).payload).toMatchObject({ delegateA: 'a' });
    for (const type of ['legacy.delegate.upserted', 'legacy.scan.recorded', 'legacy.badge.printed', 'legacy.meeting.added', 'legacy.privacy.exported']) {
      const legacy = { entryId: 'legacy-2', deviceId: 'old', deviceSeq: 2, hlc: t(2), type, payload: { code: 'x' } } as StoredEntry;
      expect(ap.privacy.scrub(legacy).payload, type).toEqual({ purged: true });
    }
    const other = { entryId: 'legacy-3', deviceId: 'old', deviceSeq: 3, hlc: t(2), type: 'legacy.checkpoint.added', payload: { code: 'x' } } as StoredEntry;
    expect(ap.privacy.scrub(other).payload).toEqual({ code: 'x' });

    // Newer ones keep theirs.
    logged(entry('delegate.upserted', t(60), { id: 'd1', fields: { family_name: 'Tanaka' }, at: 'z' }));
    logged(entry('scan.recorded', t(61), { id: 's3', checkpointId: 'c', targetKey: 'talk', delegateId: 'd1', badgeNo: 3, code: 'NEW', verdict: 'admitted', reason: '', day: '2027-04-27', admissionDay: '', scannedAt: 'z', overrideReason: null }));
    logged(entry('delegate.codes', t(62), { delegateId: 'd1', add: [{ code: 'ORD3', ci: true, kind: 'order' }], remove: [] }));
    expect(get('SELECT family_name FROM delegate')).toEqual({ family_name: 'Tanaka' });
    expect(get("SELECT code FROM scan WHERE id = 's3'")).toEqual({ code: 'NEW' });
    expect(all('SELECT code FROM delegate_code')).toEqual([{ code: 'ORD3' }]);
    expect(ap.privacy.scrub(entry('scan.recorded', t(50), { id: 's9', checkpointId: 'c', targetKey: 'talk', delegateId: 'd1', badgeNo: 3, code: 'AT', verdict: 'admitted', reason: '', day: '', admissionDay: '', scannedAt: 'z', overrideReason: null })).payload.code).toBe('AT');
  });

  it('an earlier purge arriving after a later one leaves the later one in force; a reopened file remembers the latest', () => {
    fresh();
    apply('privacy.purged', t(50), { at: 'b' });
    apply('privacy.purged', t(40), { at: 'a' });
    expect(ap.privacy.purgeHlc()).toBe(t(50));
    expect(new Appliers(db).privacy.purgeHlc()).toBe(t(50));
  });
});
