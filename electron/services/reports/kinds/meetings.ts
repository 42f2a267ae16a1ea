// Day 2 matchmaking: each planned EU–Japan meeting, held when both delegates were admitted to its meeting block.
import type { Block, Cell, ReportContent, Sheet } from '../doc.js';
import type { ReportContext } from '../context.js';
import { Facts, share, type Person } from '../facts.js';
import { countryCode, countryName, originGroup, PREFECTURES, prefectureIndex } from '../places.js';
import { nameCell, personColumns } from '../cells.js';

export type MeetingOutcome = 'held' | 'euAbsent' | 'jpAbsent' | 'bothAbsent';

export interface MeetingLine {
  id: string;
  block: string;
  blockName: string;
  startsAt: string;
  table: string;
  eu: { id: string; person: Person | null; came: boolean };
  jp: { id: string; person: Person | null; came: boolean };
  outcome: MeetingOutcome;
}

interface MeetingRow {
  id: string;
  session_id: string;
  delegate_a: string;
  delegate_b: string;
  starts_at: string;
  table_no: string;
}

export function meetingLines(ctx: ReportContext, facts: Facts): MeetingLine[] {
  const blocks = new Map(ctx.targets.map((t) => [t.key, t]));
  const inBlock = new Map<string, Set<string>>();
  const cameTo = (block: string) => {
    let s = inBlock.get(block);
    if (!s) inBlock.set(block, (s = new Set(facts.admitted(block).map((a) => a.who))));
    return s;
  };
  const isJapanese = (id: string) => originGroup(countryCode(facts.person(id)?.country ?? null)) === 'jp';
  const rows = ctx.db.prepare('SELECT id, session_id, delegate_a, delegate_b, starts_at, table_no FROM meeting ORDER BY starts_at, session_id, length(table_no), table_no').all() as MeetingRow[];
  return rows.map((m) => {
    // The European side first, whichever of the two the planner listed first.
    const [euId, jpId] = isJapanese(m.delegate_a) && !isJapanese(m.delegate_b) ? [m.delegate_b, m.delegate_a] : [m.delegate_a, m.delegate_b];
    const came = cameTo(m.session_id);
    const eu = { id: euId, person: facts.person(euId), came: came.has(euId) };
    const jp = { id: jpId, person: facts.person(jpId), came: came.has(jpId) };
    const outcome: MeetingOutcome = eu.came && jp.came ? 'held' : !eu.came && !jp.came ? 'bothAbsent' : eu.came ? 'jpAbsent' : 'euAbsent';
    const block = blocks.get(m.session_id);
    return { id: m.id, block: m.session_id, blockName: block ? ctx.targetName(block) : m.session_id, startsAt: m.starts_at, table: m.table_no.replace(/^T/, ''), eu, jp, outcome };
  });
}

export function meetingsReport(ctx: ReportContext): ReportContent {
  const { t, fmt } = ctx;
  const mt = t.meetings;
  const lines = meetingLines(ctx, new Facts(ctx.db));
  const held = lines.filter((l) => l.outcome === 'held').length;
  const why: Record<MeetingOutcome, string> = { held: '', euAbsent: mt.euAbsent, jpAbsent: mt.jpAbsent, bothAbsent: mt.bothAbsent };
  const place = (p: Person | null) => {
    if (!p) return null;
    const code = countryCode(p.country);
    if (code === 'JP') {
      const i = prefectureIndex(p.region);
      return i >= 0 ? (ctx.lang === 'ja' ? PREFECTURES[i]!.ja : PREFECTURES[i]!.en) : (p.region ?? countryName(code, p.country, ctx.lang));
    }
    return countryName(code, p.country, ctx.lang);
  };
  const side = (s: MeetingLine['eu']): Cell => {
    const n = nameCell(s.person, s.id, t.audit.unknownPerson);
    const extra = [s.person?.organisation, place(s.person)].filter(Boolean).join(' · ');
    const base = typeof n === 'object' && n !== null ? n.lines : [String(n ?? '')];
    return { lines: extra ? [...base, extra] : base };
  };
  const byBlock = [...new Set(lines.map((l) => l.block))].map((block) => {
    const ls = lines.filter((l) => l.block === block);
    const count = (o: MeetingOutcome) => ls.filter((l) => l.outcome === o).length;
    return { name: ls[0]!.blockName, planned: ls.length, held: count('held'), eu: count('euAbsent'), jp: count('jpAbsent'), both: count('bothAbsent') };
  });
  const blocks: Block[] = [
    {
      type: 'kpis',
      items: [
        { label: mt.kpiPlanned, value: fmt.int(lines.length) },
        { label: mt.kpiHeld, value: fmt.int(held) },
        { label: mt.kpiNotHeld, value: fmt.int(lines.length - held) },
        { label: mt.kpiRate, value: fmt.pct(share(held, lines.length)) },
      ],
    },
    { type: 'heading', text: mt.perBlock },
    {
      type: 'table',
      table: {
        columns: [
          { label: t.col.block, width: 3 },
          { label: mt.kpiPlanned, width: 1, align: 'right', kind: 'int' },
          { label: mt.held, width: 1, align: 'right', kind: 'int' },
          { label: mt.euAbsent, width: 1.1, align: 'right', kind: 'int' },
          { label: mt.jpAbsent, width: 1.1, align: 'right', kind: 'int' },
          { label: mt.bothAbsent, width: 1.1, align: 'right', kind: 'int' },
        ],
        rows: byBlock.map((b) => [b.name, b.planned, b.held, b.eu, b.jp, b.both]),
        total: [t.total, lines.length, held, byBlock.reduce((n, b) => n + b.eu, 0), byBlock.reduce((n, b) => n + b.jp, 0), byBlock.reduce((n, b) => n + b.both, 0)],
        empty: mt.none,
      },
    },
    ...(byBlock.length ? [{ type: 'chart', chart: { type: 'bars', title: mt.perBlock, series: [mt.kpiPlanned, mt.held], rows: byBlock.map((b) => ({ label: b.name, values: [b.planned, b.held] })) } } satisfies Block] : []),
    { type: 'heading', text: mt.list },
    {
      type: 'table',
      table: {
        columns: [
          { label: t.col.time, width: 0.9 },
          { label: t.col.table, width: 0.8, align: 'center' },
          { label: t.col.euSide, width: 3.2 },
          { label: t.col.jpSide, width: 3.2 },
          { label: t.col.held, width: 1.5 },
        ],
        rows: lines.map((l) => [fmt.time(l.startsAt), l.table, side(l.eu), side(l.jp), l.outcome === 'held' ? mt.held : { lines: [mt.notHeld, why[l.outcome]] }]),
        empty: mt.none,
      },
    },
    { type: 'text', text: mt.method, muted: true },
  ];
  const personCols = (prefix: string) => [
    { label: `${prefix}: ${t.col.familyName}` }, { label: `${prefix}: ${t.col.givenName}` }, { label: `${prefix}: ${t.col.nameKanji}` },
    { label: `${prefix}: ${t.col.organisation}` }, { label: `${prefix}: ${t.col.region}` }, { label: `${prefix}: ${t.col.attended}` },
  ];
  const sheet: Sheet = {
    name: mt.sheet,
    columns: [{ label: t.col.block }, { label: t.col.time }, { label: t.col.table }, ...personCols(t.col.euSide), ...personCols(t.col.jpSide), { label: t.col.held }, { label: t.col.why }],
    rows: lines.map((l) => [
      l.blockName, fmt.sheetTime(l.startsAt), l.table,
      ...personColumns(l.eu.person), l.eu.person?.organisation ?? null, place(l.eu.person), l.eu.came ? t.yes : t.no,
      ...personColumns(l.jp.person), l.jp.person?.organisation ?? null, place(l.jp.person), l.jp.came ? t.yes : t.no,
      l.outcome === 'held' ? t.yes : t.no, why[l.outcome] || null,
    ]),
  };
  return { pdf: { title: t.kinds.meetings, blocks }, sheets: [sheet] };
}
