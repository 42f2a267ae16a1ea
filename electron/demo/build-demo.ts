// Builds the demo event into an open database: the programme, the delegates and their registrations, and the
// Day 2 meetings. Also what benchmarks use to fill a database at 10k or 50k delegates. A floor above services
// (it drives them through the Api): the shell and the CLI call it; db/ knows nothing of it.
import type { Uketsuke } from '../services/uketsuke.js';
import { checkpointWal } from '../../db/open.js';
import { Meetings } from '../services/people/meetings.js';
import { generateDelegates, generateMeetings } from './generator.js';
import { DEMO_DEFAULT_START, demoEventSpec, strasbourgTime } from './programme.js';

export interface DemoOptions {
  delegates?: number;
  start?: string;
  rehearsal?: boolean;
  seed?: number;
}

export const DEMO_DELEGATES = 400;
/** The demo event's staff PIN (README); a real event sets its own with `uketsuke pin`. */
export const DEMO_STAFF_PIN = '2027';

export function buildDemo(app: Uketsuke, opts: DemoOptions = {}): { delegates: number; meetings: number } {
  const start = opts.start ?? DEMO_DEFAULT_START;
  const spec = demoEventSpec(start, opts.rehearsal ?? true);
  app.event.create(spec);
  app.staffLock.setPin(DEMO_STAFF_PIN);
  const people = generateDelegates(opts.delegates ?? DEMO_DELEGATES, opts.seed);
  const ids: string[] = [];
  const bulk = people.length >= 2000;
  if (bulk) app.delegates.deferSearchIndex();
  // Batches of 1,000 rows per transaction: fast, and a crash mid-way leaves whole batches.
  for (let i = 0; i < people.length; i += 1000) {
    app.core.tx(() => {
      for (const p of people.slice(i, i + 1000)) {
        const row = app.delegates.insert(p.fields);
        ids.push(row.id);
        app.delegates.register(row.id, p.registrations);
      }
    });
    // The app checkpoints when scanning pauses, which a build never does: without this the log held every page
    // written (3.95 GB beside 0.44 GB of data at 100k). Truncated every 10,000 rows, the log stays a few batches big.
    if (i % 10_000 === 9000) checkpointWal(app.db, 'TRUNCATE');
  }
  if (bulk) app.delegates.rebuildSearchIndex();
  checkpointWal(app.db, 'TRUNCATE');
  const meetings = new Meetings(app.core);
  const slotsOf = { 'd2-meetings-am': '11:00', 'd2-meetings-pm': '14:00' } as const;
  const day2 = spec.days[1]!.date;
  const planned = people.length <= 5000 ? generateMeetings(people, opts.seed) : [];
  app.core.tx(() => {
    for (const m of planned) {
      const startsAt = new Date(Date.parse(strasbourgTime(day2, slotsOf[m.sessionId])) + m.slot * 30 * 60_000).toISOString();
      const endsAt = new Date(Date.parse(startsAt) + 25 * 60_000).toISOString();
      meetings.add({ eventId: spec.id, sessionId: m.sessionId, delegateA: ids[m.a]!, delegateB: ids[m.b]!, startsAt, endsAt, tableNo: `T${m.table}` });
    }
  });
  return { delegates: people.length, meetings: planned.length };
}

/** Opens an event file, filling it with the demo event when it holds none yet (first start, `npm start`). */
export function ensureDemo(app: Uketsuke): boolean {
  if (app.event.exists()) return false;
  buildDemo(app);
  return true;
}
