// The authorisation matrix for synced entries (issue 23, 1), walked exhaustively: every entry type × every device
// role against the table below, written out on its own so a change to the matrix is a visible change here. A new
// entry type fails the first test until someone decides who may make it. Then the scope rules, one attack each.
import { describe, expect, it } from 'vitest';
import { DEVICE_ROLES, ENTRY_MAKERS, authoriseEntry, type DeviceRole, type ScopeFacts } from '../../electron/services/trust/entry-rules.js';
import { ENTRY_TYPES, parseEntry, type EntryType, type StoredEntry } from '../../electron/services/replication/entries.js';

const Y = true;
const N = false;
//                                 desk door kiosk venue organiser hub
const EXPECTED: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  'event.created':                [N,   N,   N,    Y,    Y,        Y],
  'event.updated':                [N,   N,   N,    Y,    Y,        Y],
  'checkpoint.upserted':          [N,   N,   N,    Y,    Y,        Y],
  'session.upserted':             [N,   N,   N,    Y,    Y,        Y],
  'bus.upserted':                 [N,   N,   N,    Y,    Y,        Y],
  'day.upserted':                 [N,   N,   N,    Y,    Y,        Y],
  'delegate.upserted':            [Y,   N,   N,    Y,    Y,        Y],
  'delegate.cancelled':           [Y,   N,   N,    Y,    Y,        Y],
  'delegate.codes':               [Y,   N,   N,    Y,    Y,        Y],
  'registration.changed':         [Y,   N,   N,    Y,    Y,        Y],
  'meeting.added':                [N,   N,   N,    Y,    Y,        Y],
  'badge.reissued':               [Y,   N,   N,    Y,    Y,        Y],
  'print.job':                    [Y,   N,   Y,    Y,    Y,        Y],
  'scan.recorded':                [Y,   Y,   Y,    Y,    Y,        Y],
  'scan.undone':                  [Y,   N,   N,    Y,    Y,        Y],
  'branding.changed':             [N,   N,   N,    Y,    Y,        Y],
  'setting.changed':              [N,   N,   N,    Y,    Y,        Y],
  'device.enrolled':              [N,   N,   N,    Y,    N,        Y],
  'privacy.exported':             [N,   N,   N,    Y,    Y,        Y],
  'privacy.purged':               [N,   N,   N,    Y,    Y,        Y],
};
const COLUMNS: DeviceRole[] = ['desk', 'door', 'kiosk', 'venue', 'organiser', 'hub'];

const at = '2027-04-27T09:00:00.000Z';
const EVENT = 'ev-strasbourg';
const AUTHOR = 'dev-author';

/** One well-formed, in-scope payload per entry type: what an honest device of an allowed role would send. */
const SAMPLES: Record<EntryType, unknown> = {
  'event.created': { id: EVENT, name: 'EU–Japan', venue: 'Strasbourg', timezone: 'Europe/Paris', rehearsal: false, days: [], sessions: [], buses: [], checkpoints: [], publicKey: 'pk', at },
  'event.updated': { fields: { name: 'EU–Japan 2027', timezone: 'Asia/Tokyo' }, at },
  'checkpoint.upserted': { id: 'cp-new', fields: { name: 'Room B' }, at },
  'session.upserted': { id: 'talk', fields: { title: 'Opening' }, at },
  'bus.upserted': { id: 'bus-1', fields: { capacity: 50 }, at },
  'day.upserted': { dayNo: 1, fields: { title: 'Day 1' }, at },
  'delegate.upserted': { id: 'd-1', fields: { given_name: 'Zofia', family_name: 'Kowalska', role: 'delegate' }, at },
  'delegate.cancelled': { id: 'd-1', cancelled: true, at },
  'delegate.codes': { delegateId: 'd-1', add: [{ code: 'T-1234', ci: false, kind: 'ticket' }], remove: [] },
  'registration.changed': { delegateId: 'd-1', add: ['talk'], remove: [] },
  'meeting.added': { id: 'm-1', eventId: EVENT, sessionId: 'talk', delegateA: 'd-1', delegateB: 'd-2', startsAt: at, endsAt: at, tableNo: '4' },
  'badge.reissued': { delegateId: 'd-1', issue: 2 },
  'print.job': { id: 'p-1', fields: { delegate_id: 'd-1', badge_issue: 1, status: 'queued', device_id: AUTHOR }, at },
  'scan.recorded': {
    id: 's-1', checkpointId: 'venue', targetKey: 'venue', delegateId: 'd-1', badgeNo: 7, code: 'x', verdict: 'admitted', reason: 'Welcome.',
    day: '2027-04-27', admissionDay: '2027-04-27', scannedAt: at, overrideReason: null,
  },
  'scan.undone': { scanId: 's-1', reason: 'wrong person', at },
  'branding.changed': { fields: { title: 'Welcome' }, at },
  'setting.changed': { key: 'staff_pin', value: 'hash', at },
  'device.enrolled': { deviceId: 'dev-door-2', role: 'door', name: 'Door 2', badgeBlock: null, at },
  'privacy.exported': { delegateId: 'd-1', at },
  'privacy.purged': { at },
};

function entry(type: string, payload: unknown, deviceId = AUTHOR): StoredEntry {
  const parsed = parseEntry({ entryId: `e-${type}-0000`, deviceId, deviceSeq: 1, hlc: `1808000000000-0000-${deviceId}`, type, payload });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.entry;
}

const scope: ScopeFacts = {
  eventId: EVENT,
  checkpoints: new Map([
    ['venue', { kind: 'venue', targetKey: 'venue' }],
    ['bus-door', { kind: 'bus', targetKey: 'bus-1' }],
  ]),
  receiverDeviceId: 'dev-receiver',
  printJobOwner: (id) => ({ 'p-desk2': 'dev-desk-2' })[id],
};

describe('entry authorisation matrix: every type × every role', () => {
  it('has a decision for every entry type, and the table knows every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ENTRY_TYPES].sort());
    expect(Object.keys(ENTRY_MAKERS).sort()).toEqual([...ENTRY_TYPES].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...ENTRY_TYPES].sort());
    expect([...COLUMNS].sort()).toEqual([...DEVICE_ROLES].sort());
  });

  for (const type of ENTRY_TYPES) {
    it(`${type}: allowed exactly for ${COLUMNS.filter((_, i) => EXPECTED[type]?.[i]).join(', ')}`, () => {
      const e = entry(type, SAMPLES[type]);
      COLUMNS.forEach((role, i) => {
        const d = authoriseEntry(e, role, scope);
        expect(d.ok, `${role} → ${type}: ${d.ok ? 'allowed' : d.message}`).toBe(EXPECTED[type]![i]);
        if (!d.ok) expect(d.code).toBe('role');
      });
    });
  }

  it('a device with no enrolment may make nothing', () => {
    for (const type of ENTRY_TYPES) expect(authoriseEntry(entry(type, SAMPLES[type]), null, scope)).toMatchObject({ ok: false, code: 'unknown_device' });
  });

  it('legacy.* entries are refused from anyone, whatever their payload', () => {
    for (const role of DEVICE_ROLES) {
      expect(authoriseEntry(entry('legacy.delegate.upserted', { blob: 'x'.repeat(1000) }), role, scope)).toMatchObject({ ok: false, code: 'legacy' });
    }
  });

  it("an entry claiming the receiver's own device id is refused, even for the hub", () => {
    expect(authoriseEntry(entry('scan.recorded', SAMPLES['scan.recorded'], 'dev-receiver'), 'hub', scope)).toMatchObject({ ok: false, code: 'own_id' });
  });
});

describe('entry authorisation: scope', () => {
  const scan = (over: Record<string, unknown>) => entry('scan.recorded', { ...(SAMPLES['scan.recorded'] as object), ...over });

  it("a door's scans only at checkpoints of its event, counted for that checkpoint's target", () => {
    expect(authoriseEntry(scan({ checkpointId: 'bus-door', targetKey: 'bus-1' }), 'door', scope).ok).toBe(true);
    expect(authoriseEntry(scan({ checkpointId: 'other-event-door', targetKey: 'other-event-door' }), 'door', scope)).toMatchObject({ ok: false, code: 'scope' });
    // Filling a bus by counting scans of another checkpoint against it.
    expect(authoriseEntry(scan({ checkpointId: 'venue', targetKey: 'bus-1' }), 'door', scope)).toMatchObject({ ok: false, code: 'scope' });
    expect(authoriseEntry(scan({ overrideReason: 'VIP' }), 'door', scope).ok).toBe(true);
  });

  it('a kiosk checks in at the venue only, never overrides', () => {
    expect(authoriseEntry(scan({}), 'kiosk', scope).ok).toBe(true);
    expect(authoriseEntry(scan({ checkpointId: 'bus-door', targetKey: 'bus-1' }), 'kiosk', scope)).toMatchObject({ ok: false, code: 'scope' });
    expect(authoriseEntry(scan({ overrideReason: 'VIP' }), 'kiosk', scope)).toMatchObject({ ok: false, code: 'scope' });
  });

  it("print outcomes of its own station only, and never a file path", () => {
    const job = (id: string, fields: Record<string, unknown>) => entry('print.job', { id, fields, at });
    expect(authoriseEntry(job('p-1', { status: 'done', device_id: AUTHOR }), 'kiosk', scope).ok).toBe(true);
    // Placing a job in another station's queue.
    expect(authoriseEntry(job('p-1', { status: 'failed', device_id: 'dev-desk-2' }), 'kiosk', scope)).toMatchObject({ ok: false, code: 'scope' });
    // An outcome for another station's job, without naming a station.
    expect(authoriseEntry(job('p-desk2', { status: 'done' }), 'desk', scope)).toMatchObject({ ok: false, code: 'scope' });
    expect(authoriseEntry(job('p-unknown', { status: 'done' }), 'desk', scope)).toMatchObject({ ok: false, code: 'scope' });
    expect(authoriseEntry(job('p-1', { status: 'failed', device_id: AUTHOR, file: '/etc/passwd' }), 'desk', scope)).toMatchObject({ ok: false, code: 'scope' });
    expect(authoriseEntry(job('p-1', { status: 'failed', device_id: AUTHOR, file: null }), 'desk', scope).ok).toBe(true);
  });

  it('a desk may not make a delegate staff or organiser; the organisers may', () => {
    const upsert = (id: string, role: string) => entry('delegate.upserted', { id, fields: { role }, at });
    expect(authoriseEntry(upsert('d-1', 'organiser'), 'desk', scope)).toMatchObject({ ok: false, code: 'role', pending: false });
    expect(authoriseEntry(upsert('d-1', 'staff'), 'desk', scope)).toMatchObject({ ok: false, code: 'role' });
    expect(authoriseEntry(upsert('d-1', 'speaker'), 'desk', scope).ok).toBe(true);
    expect(authoriseEntry(entry('delegate.upserted', { id: 'd-1', fields: { email: 'new@example.org' }, at }), 'desk', scope).ok).toBe(true);
    expect(authoriseEntry(upsert('d-1', 'organiser'), 'organiser', scope).ok).toBe(true);
  });

  it('a refusal that rests on something not seen yet is pending (decided again later); the others are final', () => {
    expect(authoriseEntry(entry('scan.recorded', SAMPLES['scan.recorded']), null, scope)).toMatchObject({ code: 'unknown_device', pending: true });
    expect(authoriseEntry(scan({ checkpointId: 'cp-new', targetKey: 'cp-new' }), 'door', scope)).toMatchObject({ code: 'scope', pending: true });
    expect(authoriseEntry(entry('print.job', { id: 'p-unknown', fields: { status: 'done' }, at }), 'desk', scope)).toMatchObject({ code: 'scope', pending: true });
    expect(authoriseEntry(scan({ checkpointId: 'venue', targetKey: 'bus-1' }), 'door', scope)).toMatchObject({ code: 'scope', pending: false });
    expect(authoriseEntry(entry('setting.changed', SAMPLES['setting.changed']), 'kiosk', scope)).toMatchObject({ code: 'role', pending: false });
    expect(authoriseEntry(entry('legacy.x', {}), 'hub', scope)).toMatchObject({ code: 'legacy', pending: false });
  });

  it('another event: its event.created and meetings are out of scope', () => {
    expect(authoriseEntry(entry('event.created', { ...(SAMPLES['event.created'] as object), id: 'ev-other' }), 'hub', scope)).toMatchObject({ ok: false, code: 'scope' });
    expect(authoriseEntry(entry('meeting.added', { ...(SAMPLES['meeting.added'] as object), eventId: 'ev-other' }), 'organiser', scope)).toMatchObject({ ok: false, code: 'scope' });
  });

  it('a time zone that does not exist is refused even from the organisers (every scan would answer 500)', () => {
    expect(authoriseEntry(entry('event.updated', { fields: { timezone: 'Bogus/Zone' }, at }), 'organiser', scope)).toMatchObject({ ok: false, code: 'bad_value' });
    expect(authoriseEntry(entry('event.created', { ...(SAMPLES['event.created'] as object), timezone: 'Bogus/Zone' }), 'hub', scope)).toMatchObject({ ok: false, code: 'bad_value' });
  });

  it('a synced SVG logo is checked like an uploaded one', () => {
    const svg = (body: string) => entry('branding.changed', { fields: { logo: { mime: 'image/svg+xml', base64: Buffer.from(body).toString('base64'), width: 10, height: 10 } }, at });
    expect(authoriseEntry(svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'), 'organiser', scope).ok).toBe(true);
    expect(authoriseEntry(svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>'), 'organiser', scope)).toMatchObject({ ok: false, code: 'bad_value' });
    // The nested-<use> bomb pushed over sync froze every badge print at the desk: refused on this path too.
    let defs = '<path id="l0" d="M0 0h1"/>';
    for (let l = 1; l < 5; l++) defs += `<g id="l${l}">${`<use href="#l${l - 1}"/>`.repeat(10)}</g>`;
    const bomb = svg(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>${defs}</defs>${'<use href="#l4"/>'.repeat(10)}</svg>`);
    expect(authoriseEntry(bomb, 'organiser', scope)).toMatchObject({ ok: false, code: 'bad_value' });
  });
});
