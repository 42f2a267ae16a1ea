// Listeners of the replica (the caches of the event's shape, the hub's long polls, station sync) hear of entries only
// once their transaction has committed: never for one that rolled back, never from inside one. Local commits and
// entries from other devices alike (replication/replica.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers.js';

const pin = (value: string) => ({ key: 'staff_pin' as const, value, at: '2027-04-27T09:00:00Z' });

describe('replica listeners', () => {
  const open: TestApp[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.app.close();
  });
  function app(): TestApp {
    const t = makeApp();
    open.push(t);
    return t;
  }
  function listen(t: TestApp): { heard: string[][]; inside: boolean[] } {
    const heard: string[][] = [];
    const inside: boolean[] = [];
    t.app.core.replica.onApplied((types) => {
      heard.push([...types].sort());
      inside.push(t.app.core.db.inTransaction);
    });
    return { heard, inside };
  }

  it('does not fire for a rolled-back transaction', () => {
    const t = app();
    const { heard } = listen(t);
    const { core } = t.app;
    expect(() =>
      core.tx(() => {
        core.commit('setting.changed', pin('1234'));
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(heard).toEqual([]);
    expect(core.db.prepare("SELECT 1 FROM setting WHERE key = 'staff_pin'").get()).toBeUndefined();
    // The next committed transaction tells only its own types, not the rolled-back one's.
    core.tx(() => core.commit('setting.changed', pin('5678')));
    expect(heard).toEqual([['setting.changed']]);
  });

  it('fires after the commit, not inside the transaction, once per outermost transaction', () => {
    const t = app();
    const { heard, inside } = listen(t);
    const { core } = t.app;
    core.tx(() => {
      core.commit('setting.changed', pin('1234'));
      core.tx(() => core.commit('privacy.exported', { delegateId: 'd_x', at: '2027-04-27T09:00:00Z' }));
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual([['privacy.exported', 'setting.changed']]);
    expect(inside).toEqual([false]);
  });

  it('fires after the commit for entries received from another device', () => {
    const a = app();
    const b = app();
    a.app.core.tx(() => a.app.core.commit('setting.changed', pin('1234')));
    const { heard, inside } = listen(b);
    const report = b.app.core.replica.receive(a.app.core.replica.missing(b.app.core.replica.vector()));
    expect(report.applied).toBeGreaterThan(0);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.flat()).toContain('setting.changed');
    expect(inside.every((x) => !x)).toBe(true);
  });

  it('refuses a commit outside a transaction', () => {
    const t = app();
    expect(() => t.app.core.commit('setting.changed', pin('1234'))).toThrow('outside a transaction');
  });
});
