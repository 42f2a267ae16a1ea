// Attendance per session (meeting block, bus) and per day: registered, attended, no-shows, capacity, fill rate,
// peak occupancy; arrivals at the entrance per 15 minutes. Counted from admission rows (one per person per target).
import type { Block, Cell, Chart, ReportContent, Sheet, Table } from '../doc.js';
import type { ReportContext, Target } from '../context.js';
import { Facts, share, type Admission } from '../facts.js';

export interface TargetFigures {
  target: Target;
  /** Null for open entry (no list). */
  registered: number | null;
  attended: number;
  /** Attended people who were on the list. */
  attendedRegistered: number;
  noShows: number | null;
  capacity: number | null;
  fillRate: number | null;
  peak: number | null;
}

export interface DayFigures {
  date: string;
  registered: number;
  attended: number;
  noShows: number;
  /** Admitted at the venue entrance that day. */
  arrived: number;
  capacity: number | null;
  fillRate: number | null;
  peak: number;
}

export interface AttendanceFigures {
  registered: number;
  attended: number;
  noShows: number;
  days: DayFigures[];
  targets: TargetFigures[];
  /** Per day: arrivals at the entrance per 15 minutes (bucket start ISO → people). */
  arrivals: { date: string; buckets: { at: string; n: number }[] }[];
}

const QUARTER = 15 * 60_000;

export function attendanceFigures(ctx: ReportContext, facts: Facts): AttendanceFigures {
  const peaks = peakOccupancy(ctx, facts);
  const targets: TargetFigures[] = ctx.targets
    .filter((t) => t.kind !== 'venue')
    .map((target) => {
      const adm = facts.admitted(target.key);
      const people = new Set(adm.map((a) => a.who));
      const listed = target.listRule === 'registered';
      const registered = facts.registered(target.key);
      let attendedRegistered = 0;
      for (const who of people) if (registered.has(who)) attendedRegistered++;
      return {
        target,
        registered: listed ? registered.size : null,
        attended: people.size,
        attendedRegistered,
        noShows: listed ? registered.size - attendedRegistered : null,
        capacity: target.capacity,
        fillRate: share(people.size, target.capacity),
        peak: peaks.byTarget.get(target.key) ?? (target.kind === 'bus' ? people.size : 0),
      };
    });

  const venues = ctx.targets.filter((t) => t.kind === 'venue');
  const venueCapacity = venues.reduce<number | null>((m, v) => (v.capacity === null ? m : Math.max(m ?? 0, v.capacity)), null);
  const days: DayFigures[] = ctx.days.map(({ date }) => {
    const registered = new Set<string>();
    const attended = new Set<string>();
    const arrived = new Set<string>();
    for (const t of ctx.targets) {
      if (t.kind === 'venue') {
        for (const a of facts.admitted(t.key)) if (dayOf(ctx, a) === date) (attended.add(a.who), arrived.add(a.who));
      } else if (t.date === date) {
        for (const who of facts.registered(t.key)) registered.add(who);
        for (const a of facts.admitted(t.key)) attended.add(a.who);
      }
    }
    let came = 0;
    for (const who of registered) if (attended.has(who)) came++;
    return {
      date,
      registered: registered.size,
      attended: attended.size,
      noShows: registered.size - came,
      arrived: arrived.size,
      capacity: venueCapacity,
      fillRate: share(attended.size, venueCapacity),
      peak: peaks.byDay.get(date) ?? 0,
    };
  });

  const active = ctx.db.prepare("SELECT id FROM delegate WHERE status = 'active'").pluck().all() as string[];
  const anywhere = facts.attendedAnywhere();
  const cameActive = active.filter((id) => anywhere.has(id)).length;

  const arrivals = ctx.days
    .map(({ date }) => {
      const counts = new Map<number, number>();
      for (const v of venues) {
        for (const a of facts.admitted(v.key)) {
          if (dayOf(ctx, a) !== date) continue;
          const b = Math.floor(Date.parse(a.firstAt) / QUARTER) * QUARTER;
          counts.set(b, (counts.get(b) ?? 0) + 1);
        }
      }
      if (counts.size === 0) return { date, buckets: [] };
      const keys = [...counts.keys()];
      const from = Math.min(...keys);
      const to = Math.max(...keys);
      const buckets: { at: string; n: number }[] = [];
      for (let b = from; b <= to; b += QUARTER) buckets.push({ at: new Date(b).toISOString(), n: counts.get(b) ?? 0 });
      return { date, buckets };
    })
    .filter((d) => d.buckets.length > 0);

  return { registered: active.length, attended: anywhere.size, noShows: active.length - cameActive, days, targets, arrivals };
}

/** The day a venue admission counts for: its own day, or (for an entrance without one) the day of its time. */
function dayOf(ctx: ReportContext, a: Admission): string {
  return a.day || ctx.fmt.dateOf(a.firstAt);
}

/**
 * The most people inside at once, per session and per day. Doors record entries, not exits: a person counts from
 * their first entry until the session ends (the bus is back) or they enter another session, block or bus that day.
 * At 50,000 delegates this walks some 300,000 admissions, so they are packed into numbers and sorted natively.
 */
export function peakOccupancy(ctx: ReportContext, facts: Facts): { byTarget: Map<string, number>; byDay: Map<string, number> } {
  // Buses count too: the people on a bus are inside it until it is back.
  const rooms = ctx.targets.filter((t) => t.kind !== 'venue' && t.date && t.endsAt);
  const byTarget = new Map<string, number>();
  const byDay = new Map<string, number>();
  let count = 0;
  let first = '';
  let last = '';
  for (const r of rooms) {
    for (const a of facts.admitted(r.key)) {
      count++;
      if (!first || a.firstAt < first) first = a.firstAt;
      if (a.firstAt > last) last = a.firstAt;
    }
    if (!last || r.endsAt! > last) last = r.endsAt!;
  }
  if (count === 0 || rooms.length > ROOMS) return { byTarget, byDay };
  const t0 = Date.parse(first);
  // Seconds fit 20 bits for a 12-day event; a longer one is counted in minutes.
  const unit = Date.parse(last) - t0 < TIME * 1000 ? 1000 : 60_000;
  const tick = (iso: string) => Math.min(TIME - 1, Math.floor((Date.parse(iso) - t0) / unit));
  // One number per admission: person, then time, then room, so a plain numeric sort groups each person's day.
  const people = new Map<string, number>();
  const stays = new Float64Array(count);
  let n = 0;
  rooms.forEach((r, ri) => {
    for (const a of facts.admitted(r.key)) {
      let p = people.get(a.who);
      if (p === undefined) people.set(a.who, (p = people.size));
      stays[n++] = (p * TIME + Math.max(0, tick(a.firstAt))) * ROOMS + ri;
    }
  });
  stays.sort();
  const ends = rooms.map((r) => tick(r.endsAt!));
  // Entries and exits as numbers too: time, room, then 1 for an entry (so at one instant exits come first).
  const events = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    const k = stays[i]!;
    const ri = k % ROOMS;
    const rest = (k - ri) / ROOMS;
    const at = rest % TIME;
    const person = (rest - at) / TIME;
    let end = ends[ri]!;
    const next = stays[i + 1];
    if (next !== undefined) {
      const nri = next % ROOMS;
      const nrest = (next - nri) / ROOMS;
      const nat = nrest % TIME;
      if ((nrest - nat) / TIME === person && rooms[nri]!.date === rooms[ri]!.date) end = Math.min(end, nat);
    }
    events[2 * i] = (at * ROOMS + ri) * 2 + 1;
    events[2 * i + 1] = (Math.max(end, at + 1) * ROOMS + ri) * 2;
  }
  events.sort();
  const inside = new Int32Array(rooms.length);
  const peak = new Int32Array(rooms.length);
  const totals = new Map<string, number>();
  for (const e of events) {
    const entry = e % 2;
    const ri = ((e - entry) / 2) % ROOMS;
    const day = rooms[ri]!.date!;
    const delta = entry ? 1 : -1;
    inside[ri]! += delta;
    if (inside[ri]! > peak[ri]!) peak[ri] = inside[ri]!;
    const total = (totals.get(day) ?? 0) + delta;
    totals.set(day, total);
    if (total > (byDay.get(day) ?? 0)) byDay.set(day, total);
  }
  rooms.forEach((r, ri) => byTarget.set(r.key, peak[ri]!));
  return { byTarget, byDay };
}

/** Packing limits: 2^20 time steps, 2^10 rooms (with 2^22 people the packed number stays below 2^53). */
const TIME = 2 ** 20;
const ROOMS = 2 ** 10;

export function attendanceReport(ctx: ReportContext): ReportContent {
  const f = attendanceFigures(ctx, new Facts(ctx.db));
  const { t, fmt } = ctx;
  const a = t.attendance;
  const num = (n: number | null): Cell => (n === null ? t.open : n);
  const busiest = [...f.targets].filter((x) => x.target.kind !== 'bus').sort((x, y) => y.attended - x.attended)[0];

  const dayTable: Table = {
    columns: [
      { label: t.col.day, width: 2.2 },
      { label: t.col.registered, width: 1, align: 'right', kind: 'int' },
      { label: t.col.attended, width: 1, align: 'right', kind: 'int' },
      { label: t.col.noShows, width: 1, align: 'right', kind: 'int' },
      { label: t.col.arrivals, width: 1, align: 'right', kind: 'int' },
      { label: t.col.capacity, width: 1, align: 'right', kind: 'int' },
      { label: t.col.fillRate, width: 1, align: 'right', kind: 'pct' },
      { label: t.col.peak, width: 1.1, align: 'right', kind: 'int' },
    ],
    rows: f.days.map((d) => [fmt.day(d.date), d.registered, d.attended, d.noShows, d.arrived, d.capacity, d.fillRate, d.peak]),
  };
  const sessionTable: Table = {
    columns: [
      { label: t.col.time, width: 1.15 },
      { label: t.col.session, width: 3.3 },
      { label: t.col.registered, width: 1, align: 'right', kind: 'int' },
      { label: t.col.attended, width: 1, align: 'right', kind: 'int' },
      { label: t.col.noShows, width: 1, align: 'right', kind: 'int' },
      { label: t.col.capacity, width: 0.95, align: 'right', kind: 'int' },
      { label: t.col.fillRate, width: 0.95, align: 'right', kind: 'pct' },
      { label: t.col.peak, width: 1.1, align: 'right', kind: 'int' },
    ],
    rows: f.targets.map((x) => [
      x.target.startsAt ? { lines: [fmt.day(x.target.date ?? fmt.dateOf(x.target.startsAt)), fmt.time(x.target.startsAt)] } : null,
      ctx.targetName(x.target),
      num(x.registered),
      x.attended,
      x.noShows,
      x.capacity,
      x.fillRate,
      x.peak,
    ]),
  };
  const notListed = f.targets.reduce((n, x) => n + (x.registered === null ? 0 : x.attended - x.attendedRegistered), 0);
  const charts: Chart[] = f.arrivals.map((d) => ({
    type: 'columns',
    title: a.arrivalsChart(fmt.day(d.date)),
    labels: d.buckets.map((b) => fmt.time(b.at)),
    values: d.buckets.map((b) => b.n),
    labelEvery: 4,
  }));
  const listed = f.targets.filter((x) => x.target.kind !== 'bus');
  const blocks: Block[] = [
    {
      type: 'kpis',
      items: [
        { label: a.kpiRegistered, value: fmt.int(f.registered) },
        { label: a.kpiAttended, value: fmt.int(f.attended), note: fmt.pct(share(f.attended, f.registered)) },
        { label: a.kpiNoShows, value: fmt.int(f.noShows), note: fmt.pct(share(f.noShows, f.registered)) },
        ...(busiest ? [{ label: a.kpiBusiest, value: fmt.int(busiest.attended), note: ctx.targetName(busiest.target) }] : []),
      ],
    },
    { type: 'heading', text: a.perDay },
    { type: 'table', table: dayTable },
    ...charts.map((chart): Block => ({ type: 'chart', chart })),
    ...(listed.length
      ? [{ type: 'chart', chart: { type: 'bars', title: a.sessionsChart, series: [t.col.registered, t.col.attended], rows: listed.map((x) => ({ label: ctx.targetName(x.target), values: [x.registered ?? x.attended, x.attended] })) } } satisfies Block]
      : []),
    { type: 'heading', text: a.perSession },
    { type: 'table', table: sessionTable },
    ...(notListed > 0 ? [{ type: 'text', text: a.notListed(notListed), muted: true } satisfies Block] : []),
    { type: 'text', text: a.method, muted: true },
  ];

  const sheets: Sheet[] = [
    {
      name: a.sheetDays,
      columns: [{ label: t.col.day }, { label: t.col.registered, kind: 'int' }, { label: t.col.attended, kind: 'int' }, { label: t.col.noShows, kind: 'int' }, { label: t.col.arrivals, kind: 'int' }, { label: t.col.capacity, kind: 'int' }, { label: t.col.fillRate, kind: 'pct' }, { label: t.col.peak, kind: 'int' }],
      rows: [...f.days.map((d) => [d.date, d.registered, d.attended, d.noShows, d.arrived, d.capacity, d.fillRate, d.peak]), [t.total, f.registered, f.attended, f.noShows, null, null, null, null]],
    },
    {
      name: a.sheetSessions,
      columns: [{ label: t.col.day }, { label: t.col.time }, { label: t.col.session }, { label: t.col.registered, kind: 'int' }, { label: t.col.attended, kind: 'int' }, { label: t.col.notListed, kind: 'int' }, { label: t.col.noShows, kind: 'int' }, { label: t.col.capacity, kind: 'int' }, { label: t.col.fillRate, kind: 'pct' }, { label: t.col.peak, kind: 'int' }],
      rows: f.targets.map((x) => [
        x.target.date,
        x.target.startsAt ? fmt.sheetTime(x.target.startsAt) : null,
        ctx.targetName(x.target),
        x.registered,
        x.attended,
        x.registered === null ? null : x.attended - x.attendedRegistered,
        x.noShows,
        x.capacity,
        x.fillRate,
        x.peak,
      ]),
    },
    {
      name: a.sheetArrivals,
      columns: [{ label: t.col.time }, { label: t.col.arrivals, kind: 'int' }],
      rows: f.arrivals.flatMap((d) => d.buckets.map((b) => [fmt.sheetTime(b.at), b.n])),
    },
  ];
  return { pdf: { title: t.kinds.attendance, blocks }, sheets };
}
