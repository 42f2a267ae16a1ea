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
 */
export function peakOccupancy(ctx: ReportContext, facts: Facts): { byTarget: Map<string, number>; byDay: Map<string, number> } {
  // Buses count too: the people on a bus are inside it until it is back.
  const rooms = new Map(ctx.targets.filter((t) => t.kind !== 'venue' && t.date && t.endsAt).map((t) => [t.key, t]));
  const stays = new Map<string, { target: Target; at: number }[]>();
  for (const [key, target] of rooms) {
    for (const a of facts.admitted(key)) {
      let list = stays.get(a.who);
      if (!list) stays.set(a.who, (list = []));
      list.push({ target, at: Date.parse(a.firstAt) });
    }
  }
  // Entries (+1) and exits (-1) per day; at equal times exits first, so a move between rooms is not double.
  const events = new Map<string, { at: number; delta: number; key: string }[]>();
  for (const list of stays.values()) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((s, i) => {
      const next = list[i + 1];
      const end = Math.min(Date.parse(s.target.endsAt!), next && next.target.date === s.target.date ? next.at : Infinity);
      const day = s.target.date!;
      let ev = events.get(day);
      if (!ev) events.set(day, (ev = []));
      ev.push({ at: s.at, delta: 1, key: s.target.key }, { at: Math.max(end, s.at + 1), delta: -1, key: s.target.key });
    });
  }
  const byTarget = new Map<string, number>();
  const byDay = new Map<string, number>();
  for (const [day, ev] of events) {
    ev.sort((a, b) => a.at - b.at || a.delta - b.delta);
    const inside = new Map<string, number>();
    let total = 0;
    let dayPeak = 0;
    for (const e of ev) {
      const n = (inside.get(e.key) ?? 0) + e.delta;
      inside.set(e.key, n);
      total += e.delta;
      if (n > (byTarget.get(e.key) ?? 0)) byTarget.set(e.key, n);
      if (total > dayPeak) dayPeak = total;
    }
    byDay.set(day, dayPeak);
  }
  return { byTarget, byDay };
}

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
