import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

const missing = (checkpointId: string) => (t.app.dispatch('stillExpected', { checkpointId }) as { missing: { familyName: string }[] }).missing.map((d) => d.familyName);

describe('still expected at a checkpoint', () => {
  it('lists the registered who have not come through, in name order; boarding or an undo moves them', () => {
    t = makeApp(undefined, '2027-04-28T06:00:00Z');
    const a = t.add({ familyName: 'Abe' }, ['bus']);
    t.add({ familyName: 'Brandt' }, ['bus']);
    t.add({ familyName: 'Celik' }, ['talk']);
    expect(missing('bus-door')).toEqual(['Abe', 'Brandt']);
    const r = t.app.dispatch('scan', { checkpointId: 'bus-door', code: a.token }) as { scanId: string; verdict: string };
    expect(r.verdict).toBe('admitted');
    expect(missing('bus-door')).toEqual(['Brandt']);
    t.app.dispatch('undoScan', { scanId: r.scanId, reason: 'wrong bus' });
    expect(missing('bus-door')).toEqual(['Abe', 'Brandt']);
  });

  it('one target, two doors: in by door A is not missing at door B; open checkpoints have no list', () => {
    t = makeApp();
    const a = t.add({ familyName: 'Abe' }, ['talk']);
    t.add({ familyName: 'Brandt' }, ['talk']);
    t.app.dispatch('scan', { checkpointId: 'talk-door-a', code: a.token });
    expect(missing('talk-door-b')).toEqual(['Brandt']);
    expect(missing('venue')).toEqual([]);
  });

  it('a cancelled registration is not waited for', () => {
    t = makeApp(undefined, '2027-04-28T06:00:00Z');
    const a = t.add({ familyName: 'Abe' }, ['bus']);
    t.app.core.tx(() => t.app.delegates.setCancelled(a.id, true));
    expect(missing('bus-door')).toEqual([]);
  });
});
