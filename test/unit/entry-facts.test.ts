// The station-side facts for the entry matrix, read from a real event file: roles from replicated enrolments (the
// hub's own id as `hub`), the event's checkpoints with their admission keys, print job owners.
import { afterEach, describe, expect, it } from 'vitest';
import { entryFacts } from '../../electron/services/trust/entry-facts.js';
import { authoriseEntry } from '../../electron/services/trust/entry-rules.js';
import { parseEntry, type StoredEntry } from '../../electron/services/replication/entries.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp | undefined;
afterEach(() => t?.app.close());

const hlc = (device: string) => `${String(Date.parse('2027-04-27T09:00:00Z')).padStart(13, '0')}-0000-${device}`;
function entry(deviceId: string, seq: number, type: string, payload: unknown): StoredEntry {
  const p = parseEntry({ entryId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, deviceId, deviceSeq: seq, hlc: hlc(deviceId), type, payload });
  if (!p.ok) throw new Error(p.problem);
  return p.entry;
}

describe('entry facts from a station file', () => {
  it('names roles, checkpoints and job owners; the matrix then refuses a kiosk staff PIN and admits a door scan', () => {
    t = makeApp();
    const at = '2027-04-27T09:00:00.000Z';
    const enrol = (deviceId: string, role: string) => entry('dev-hub', 1, 'device.enrolled', { deviceId, role, name: deviceId, badgeBlock: null, at });
    expect(t.app.core.replica.receive([
      { ...enrol('dev-kiosk', 'kiosk') },
      { ...enrol('dev-door', 'door'), entryId: '00000000-0000-4000-8000-0000000000b2', deviceSeq: 2 },
    ]).applied).toBe(2);
    const facts = entryFacts(t.app.db, { receiverDeviceId: t.app.core.deviceId, hubDeviceId: 'dev-hub' });
    expect(facts.roleOf('dev-hub')).toBe('hub');
    expect(facts.roleOf('dev-kiosk')).toBe('kiosk');
    expect(facts.roleOf('dev-door')).toBe('door');
    expect(facts.roleOf('dev-stranger')).toBeNull();
    const scope = facts.scope;
    expect(scope.eventId).toBe('test-event');
    expect(scope.checkpoints.get('bus-door')).toEqual({ kind: 'bus', targetKey: 'bus' });
    expect(scope.checkpoints.get('venue')).toEqual({ kind: 'venue', targetKey: 'venue' });

    const pin = entry('dev-kiosk', 1, 'setting.changed', { key: 'staff_pin', value: 'attacker', at });
    expect(authoriseEntry(pin, facts.roleOf(pin.deviceId), scope)).toMatchObject({ ok: false, code: 'role' });
    const scan = entry('dev-door', 1, 'scan.recorded', {
      id: 's-door-1', checkpointId: 'bus-door', targetKey: 'bus', delegateId: null, badgeNo: null, code: 'x', verdict: 'unknown', reason: 'No such code.',
      day: '2027-04-28', admissionDay: '', scannedAt: at, overrideReason: null,
    });
    expect(authoriseEntry(scan, facts.roleOf(scan.deviceId), scope)).toEqual({ ok: true });
    const mine = entry(t.app.core.deviceId, 99, 'scan.recorded', { ...(scan.payload as object) });
    expect(authoriseEntry(mine, 'hub', scope)).toMatchObject({ ok: false, code: 'own_id' });
  });

  it("print job owners come from the job rows", () => {
    t = makeApp();
    const d = t.add({ familyName: 'Kowalska' });
    t.app.core.tx(() => t!.app.core.commit('print.job', { id: 'p-own', fields: { delegate_id: d.id, badge_issue: 1, status: 'queued', device_id: t!.app.core.deviceId }, at: '2027-04-27T09:00:00.000Z' }));
    const facts = entryFacts(t.app.db, { receiverDeviceId: 'dev-other', hubDeviceId: null });
    expect(facts.scope.printJobOwner?.('p-own')).toBe(t.app.core.deviceId);
    expect(facts.scope.printJobOwner?.('p-none')).toBeUndefined();
  });
});
