// Item 18 of issue 23: a once-a-day door keys admissions by the event's local day. Setting the station's clock back
// an hour across local midnight turned "today" into yesterday, where the person had no admission yet, and the same
// person was admitted twice. An admission on a later day than the one the clock now shows counts as already in.
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

const scan = (code: string) => t.app.dispatch('scan', { checkpointId: 'venue', code });

describe('once a day, with the clock set back across midnight', () => {
  it('does not admit the same person again after the clock goes back from 00:10 to 23:10 (Paris)', () => {
    t = makeApp(undefined, '2027-04-27T22:10:00Z'); // 00:10 on 28 April in Paris
    const d = t.add({ familyName: 'Kowalska', givenName: 'Zofia' });
    expect(scan(d.token).verdict).toBe('admitted');
    t.clock.set('2027-04-27T21:10:00Z'); // someone sets the clock back an hour: 23:10 on 27 April
    const again = scan(d.token);
    expect(again.verdict).toBe('already_checked_in');
    expect(again.previous?.at).toBe('2027-04-27T22:10:00.000Z');
    expect(t.app.db.prepare("SELECT count(*) FROM scan WHERE verdict = 'admitted'").pluck().get()).toBe(1);
  });

  it('still admits once on each day when the clock runs forward', () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    const d = t.add({ familyName: 'Nowak' });
    expect(scan(d.token).verdict).toBe('admitted');
    expect(scan(d.token).verdict).toBe('already_checked_in');
    t.clock.set('2027-04-28T07:00:00Z');
    expect(scan(d.token).verdict).toBe('admitted');
    expect(scan(d.token).verdict).toBe('already_checked_in');
  });

  it('an admission yesterday does not count for today', () => {
    t = makeApp(undefined, '2027-04-27T21:50:00Z'); // 23:50 on 27 April in Paris
    const d = t.add({ familyName: 'Dubois' });
    expect(scan(d.token).verdict).toBe('admitted');
    t.clock.set('2027-04-27T22:20:00Z'); // 00:20 on 28 April
    expect(scan(d.token).verdict).toBe('admitted');
  });
});
