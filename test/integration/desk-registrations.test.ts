// The desk's "Sessions & bus" (issue 11): setRegistrations makes a delegate's sessions and bus exactly the chosen ones
// in one replicated entry, leaves what the picker does not show (a Day 2 meeting) alone, refuses an id that is not a
// session or bus of the event, and reaches another station through the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { tempDir } from '../helpers.js';

let app: Uketsuke;
const dir = tempDir('uketsuke-desk-reg-');
beforeAll(() => {
  app = Uketsuke.open(path.join(dir, 'event.db'));
  buildDemo(app);
});
afterAll(() => app.close());

const entries = () => app.core.db.prepare("SELECT count(*) FROM change_log WHERE type = 'registration.changed'").pluck().get() as number;

describe('setRegistrations', () => {
  it('sets sessions and a bus as a whole in one entry; a meeting outside the picker stays', async () => {
    const p = await app.dispatch('programme', {});
    const [a, b, c] = p.sessions.filter((s) => !s.archived);
    const bus = p.buses[0]!;
    const d = await app.dispatch('walkIn', { familyName: 'Reg', givenName: 'Desk', registrations: [a!.id, c!.id] });
    expect(new Set(d.targets)).toEqual(new Set([a!.id, c!.id]));
    app.core.tx(() => app.delegates.register(d.delegate.id, ['meeting-x']));
    const n = entries();
    const after = await app.dispatch('setRegistrations', { delegateId: d.delegate.id, targetIds: [a!.id, b!.id, bus.id] });
    expect(entries()).toBe(n + 1);
    expect(new Set(after.targets)).toEqual(new Set([a!.id, b!.id, bus.id, 'meeting-x']));
    // The same choice again changes nothing and writes nothing.
    await app.dispatch('setRegistrations', { delegateId: d.delegate.id, targetIds: [a!.id, b!.id, bus.id] });
    expect(entries()).toBe(n + 1);
    // Another station gets the same registrations from the log.
    const other = Uketsuke.open(path.join(dir, 'other.db'));
    try {
      other.core.replica.receive(app.core.replica.missing(other.core.replica.vector()));
      expect(new Set((other.core.db.prepare('SELECT target_id FROM registration WHERE delegate_id = ?').pluck().all(d.delegate.id)) as string[])).toEqual(new Set(after.targets));
    } finally {
      other.close();
    }
  });

  it('refuses an id that is not a session or bus of the event (walk-in too), writing nothing', async () => {
    const d = await app.dispatch('walkIn', { familyName: 'Reg', givenName: 'Two' });
    const n = entries();
    await expect(async () => app.dispatch('setRegistrations', { delegateId: d.delegate.id, targetIds: ['no-such-session'] })).rejects.toThrow(/not a session or bus/i);
    await expect(async () => app.dispatch('walkIn', { familyName: 'Reg', givenName: 'Three', registrations: ['no-such-session'] })).rejects.toThrow(/not a session or bus/i);
    expect(entries()).toBe(n);
  });
});
