import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Uketsuke } from '../electron/services/uketsuke.js';
import type { EventSpec } from '../electron/services/event/event-store.js';
import type { DelegateFields } from '../electron/services/people/delegates.js';

export function tempDir(prefix = 'uketsuke-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A controllable clock for rules that depend on time. */
export class TestClock {
  constructor(public ms: number) {}
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  now = (): number => this.ms;
}

/** A tiny live event (time windows enforced) with one checkpoint of each rule, on 2027-04-27..28 in Paris. */
export function smallEventSpec(overrides: Partial<EventSpec> = {}): EventSpec {
  return {
    id: 'test-event',
    name: 'Test Event',
    venue: 'Strasbourg',
    timezone: 'Europe/Paris',
    rehearsal: false,
    days: [
      { dayNo: 1, date: '2027-04-27', title: 'Day 1' },
      { dayNo: 2, date: '2027-04-28', title: 'Day 2' },
    ],
    sessions: [{ id: 'talk', dayNo: 1, kind: 'plenary', title: 'Talk', startsAt: '2027-04-27T09:00:00Z', endsAt: '2027-04-27T10:00:00Z', capacity: 2 }],
    buses: [{ id: 'bus', label: 'Bus', site: 'Biovalley', departsAt: '2027-04-28T06:30:00Z', capacity: 2 }],
    checkpoints: [
      { id: 'venue', kind: 'venue', name: 'Entrance', entryRule: 'once_per_day', listRule: 'anyone' },
      { id: 'talk-door-a', kind: 'session', name: 'Talk door A', targetId: 'talk', capacity: 2, opensAt: '2027-04-27T08:30:00Z', closesAt: '2027-04-27T10:00:00Z', entryRule: 'reentry', listRule: 'registered' },
      { id: 'talk-door-b', kind: 'session', name: 'Talk door B', targetId: 'talk', capacity: 2, opensAt: '2027-04-27T08:30:00Z', closesAt: '2027-04-27T10:00:00Z', entryRule: 'reentry', listRule: 'registered' },
      { id: 'bus-door', kind: 'bus', name: 'Bus', targetId: 'bus', capacity: 2, opensAt: '2027-04-28T05:45:00Z', closesAt: '2027-04-28T06:45:00Z', entryRule: 'once', listRule: 'registered' },
    ],
    ...overrides,
  };
}

export interface TestApp {
  app: Uketsuke;
  clock: TestClock;
  file: string;
  add(fields: Partial<DelegateFields> & { familyName: string }, registrations?: string[]): { id: string; token: string };
}

export function makeApp(spec: EventSpec = smallEventSpec(), at = '2027-04-27T09:00:00Z'): TestApp {
  const clock = new TestClock(Date.parse(at));
  const file = path.join(tempDir(), 'event.db');
  const app = Uketsuke.open(file, { now: clock.now });
  app.event.create(spec);
  return {
    app,
    clock,
    file,
    add(fields, registrations = []) {
      const row = app.core.tx(() => {
        const d = app.delegates.insert({ givenName: 'Test', ...fields });
        app.delegates.register(d.id, registrations);
        return d;
      });
      return { id: row.id, token: app.delegates.tokenFor(row)! };
    },
  };
}
