// No-shows: people registered for a session (meeting block, bus) who were never admitted to it, and people
// registered for the event who never came at all.
import type { Block, Cell, ReportContent, Sheet, Table } from '../doc.js';
import type { ReportContext, Target } from '../context.js';
import { Facts, share, type Person } from '../facts.js';
import { countryCode, countryName } from '../places.js';
import { nameCell, personColumns } from '../cells.js';

export interface NoShowFigures {
  sessions: { target: Target; registered: number; attended: number; missing: Person[] }[];
  /** Active delegates never admitted anywhere. */
  never: Person[];
  registered: number;
}

export function noShowFigures(ctx: ReportContext, facts: Facts): NoShowFigures {
  const people = facts.people();
  const sessions = ctx.targets
    .filter((t) => t.kind !== 'venue' && t.listRule === 'registered')
    .map((target) => {
      const came = new Set(facts.admitted(target.key).map((a) => a.who));
      const listed = facts.registered(target.key);
      const missing: Person[] = [];
      let attended = 0;
      // People in the desk's order: the people map is sorted by family name.
      for (const p of people.values()) {
        if (!listed.has(p.id)) continue;
        if (came.has(p.id)) attended++;
        else missing.push(p);
      }
      return { target, registered: listed.size, attended, missing };
    });
  const anywhere = facts.attendedAnywhere();
  const never = [...people.values()].filter((p) => !anywhere.has(p.id));
  return { sessions, never, registered: people.size };
}

export function noShowsReport(ctx: ReportContext): ReportContent {
  const { t, fmt } = ctx;
  const n = t.noShows;
  const f = noShowFigures(ctx, new Facts(ctx.db));
  const country = (p: Person) => (p.country ? countryName(countryCode(p.country), p.country, ctx.lang) : null);
  const people = (list: Person[]): Table => ({
    columns: [
      { label: '#', width: 0.5, align: 'right' },
      { label: t.col.name, width: 3 },
      { label: t.col.organisation, width: 3.3 },
      { label: t.col.country, width: 1.4 },
      { label: t.col.badgeNo, width: 0.95, align: 'right' },
    ],
    rows: list.map((p, i): Cell[] => [i + 1, nameCell(p, p.id, ''), p.organisation, country(p), p.badge_no]),
    empty: n.none,
  });
  const noShows = f.sessions.reduce((k, s) => k + s.missing.length, 0);
  const blocks: Block[] = [
    {
      type: 'kpis',
      items: [
        { label: t.attendance.kpiRegistered, value: fmt.int(f.registered) },
        { label: t.attendance.kpiNoShows, value: fmt.int(f.never.length), note: fmt.pct(share(f.never.length, f.registered)) },
        { label: n.summary, value: fmt.int(noShows) },
      ],
    },
    { type: 'heading', text: n.summary },
    {
      type: 'table',
      table: {
        columns: [
          { label: t.col.time, width: 1.15 },
          { label: t.col.session, width: 3.6 },
          { label: t.col.registered, width: 1, align: 'right', kind: 'int' },
          { label: t.col.attended, width: 1, align: 'right', kind: 'int' },
          { label: t.col.noShows, width: 1, align: 'right', kind: 'int' },
          { label: n.rate, width: 1, align: 'right', kind: 'pct' },
        ],
        rows: f.sessions.map((s) => [
          s.target.startsAt ? { lines: [fmt.day(s.target.date ?? fmt.dateOf(s.target.startsAt)), fmt.time(s.target.startsAt)] } : null,
          ctx.targetName(s.target),
          s.registered,
          s.attended,
          s.missing.length,
          share(s.missing.length, s.registered),
        ]),
        total: [null, t.total, null, null, noShows, null],
      },
    },
    { type: 'heading', text: n.never },
    { type: 'table', table: { ...people(f.never), empty: n.neverNone } },
  ];
  for (const s of f.sessions) {
    if (s.missing.length === 0) continue;
    blocks.push({ type: 'heading', text: n.perSession(ctx.targetName(s.target), s.missing.length), note: s.target.startsAt ? fmt.dateTime(s.target.startsAt) : undefined });
    blocks.push({ type: 'table', table: people(s.missing) });
  }

  const personCols = [{ label: t.col.familyName }, { label: t.col.givenName }, { label: t.col.nameKanji }, { label: t.col.organisation }, { label: t.col.country }, { label: t.col.role }, { label: t.col.badgeNo, kind: 'int' as const }, { label: t.col.email }];
  const personRow = (p: Person) => [...personColumns(p), p.organisation, country(p), t.roles[p.role], p.badge_no, p.email];
  const sheets: Sheet[] = [
    {
      name: n.sheetSummary,
      columns: [{ label: t.col.day }, { label: t.col.time }, { label: t.col.session }, { label: t.col.registered, kind: 'int' }, { label: t.col.attended, kind: 'int' }, { label: t.col.noShows, kind: 'int' }, { label: n.rate, kind: 'pct' }],
      rows: [
        ...f.sessions.map((s) => [s.target.date, s.target.startsAt ? fmt.sheetTime(s.target.startsAt) : null, ctx.targetName(s.target), s.registered, s.attended, s.missing.length, share(s.missing.length, s.registered)]),
        [null, null, n.wholeEvent, f.registered, f.registered - f.never.length, f.never.length, share(f.never.length, f.registered)],
      ],
    },
    {
      name: n.sheetSessions,
      columns: [{ label: t.col.session }, { label: t.col.time }, ...personCols],
      rows: f.sessions.flatMap((s) => s.missing.map((p) => [ctx.targetName(s.target), s.target.startsAt ? fmt.sheetTime(s.target.startsAt) : null, ...personRow(p)])),
    },
    { name: n.sheetNever, columns: personCols, rows: f.never.map(personRow) },
  ];
  return { pdf: { title: t.kinds['no-shows'], blocks }, sheets };
}
