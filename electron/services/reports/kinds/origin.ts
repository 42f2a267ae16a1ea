// Where delegates come from, in the funders' split: EU member states, Japan (by prefecture), third countries
// (ASEAN, Africa, other); by country, region or prefecture, and by role. Registered and attended, each person once.
import { ROLES, type Role } from '../../../api/contract.js';
import type { Block, Cell, ReportContent, Sheet, Table } from '../doc.js';
import type { ReportContext } from '../context.js';
import { Facts, share } from '../facts.js';
import { countryCode, countryName, ORIGIN_GROUPS, originGroup, PREFECTURES, prefectureIndex, type OriginGroup } from '../places.js';

interface Tally {
  registered: number;
  attended: number;
}

export interface OriginFigures {
  total: Tally;
  groups: Map<OriginGroup, Tally>;
  countries: { group: OriginGroup; code: string | null; name: string; tally: Tally }[];
  prefectures: { index: number; tally: Tally }[];
  regions: { country: string; region: string; tally: Tally }[];
  roles: Map<Role, Map<OriginGroup, Tally>>;
}

const tally = (): Tally => ({ registered: 0, attended: 0 });
function bump<K>(m: Map<K, Tally>, k: K, came: boolean): void {
  let v = m.get(k);
  if (!v) m.set(k, (v = tally()));
  v.registered++;
  if (came) v.attended++;
}

export function originFigures(ctx: ReportContext, facts: Facts): OriginFigures {
  const anywhere = facts.attendedAnywhere();
  const total = tally();
  const groups = new Map<OriginGroup, Tally>(ORIGIN_GROUPS.map((g) => [g, tally()]));
  const countries = new Map<string, { group: OriginGroup; code: string | null; name: string; tally: Tally }>();
  const prefectures = new Map<number, Tally>();
  const regions = new Map<string, Tally>();
  const roles = new Map<Role, Map<OriginGroup, Tally>>(ROLES.map((r) => [r, new Map()]));
  for (const p of facts.people().values()) {
    const came = anywhere.has(p.id);
    const code = countryCode(p.country);
    const group = originGroup(code, p.country);
    total.registered++;
    if (came) total.attended++;
    bump(groups, group, came);
    const key = code ?? `?${(p.country ?? '').trim()}`;
    let c = countries.get(key);
    if (!c) countries.set(key, (c = { group, code, name: countryName(code, p.country, ctx.lang), tally: tally() }));
    c.tally.registered++;
    if (came) c.tally.attended++;
    if (group === 'jp') bump(prefectures, prefectureIndex(p.region), came);
    if (group === 'eu') bump(regions, `${c.name}\u0000${p.region?.trim() ?? ''}`, came);
    bump(roles.get(p.role)!, group, came);
  }
  const order = (g: OriginGroup) => ORIGIN_GROUPS.indexOf(g);
  return {
    total,
    groups,
    countries: [...countries.values()].sort((a, b) => order(a.group) - order(b.group) || b.tally.attended - a.tally.attended || a.name.localeCompare(b.name)),
    prefectures: [...prefectures.entries()].map(([index, t]) => ({ index, tally: t })).sort((a, b) => (a.index < 0 ? 99 : a.index) - (b.index < 0 ? 99 : b.index)),
    regions: [...regions.entries()]
      .map(([k, t]) => ({ country: k.split('\u0000')[0]!, region: k.split('\u0000')[1]!, tally: t }))
      .sort((a, b) => a.country.localeCompare(b.country) || b.tally.attended - a.tally.attended || a.region.localeCompare(b.region)),
    roles,
  };
}

export function originReport(ctx: ReportContext): ReportContent {
  const { t, fmt } = ctx;
  const o = t.origin;
  const f = originFigures(ctx, new Facts(ctx.db));
  const g = (k: OriginGroup) => f.groups.get(k)!;
  const third: Tally = { registered: 0, attended: 0 };
  for (const k of ['asean', 'africa', 'other'] as const) (third.registered += g(k).registered), (third.attended += g(k).attended);
  const shareOf = (x: Tally) => share(x.attended, f.total.attended);
  const counts = (label: Cell, x: Tally): Cell[] => [label, x.registered, x.attended, shareOf(x)];
  const cols = (first: string, w = 3): Table['columns'] => [
    { label: first, width: w },
    { label: t.col.registered, width: 1, align: 'right', kind: 'int' },
    { label: t.col.attended, width: 1, align: 'right', kind: 'int' },
    { label: t.col.share, width: 1.2, align: 'right', kind: 'pct' },
  ];
  const prefName = (i: number) => (i < 0 ? o.otherPrefecture : ctx.lang === 'ja' ? PREFECTURES[i]!.ja : PREFECTURES[i]!.en);
  const shownGroups = ORIGIN_GROUPS.filter((k) => k !== 'unknown' || g(k).registered > 0);
  const roleGroups = shownGroups;
  const blocks: Block[] = [
    {
      type: 'kpis',
      items: [
        { label: t.attendance.kpiAttended, value: fmt.int(f.total.attended), note: `${t.col.registered} ${fmt.int(f.total.registered)}` },
        { label: o.groups.eu, value: fmt.pct(shareOf(g('eu'))), note: fmt.int(g('eu').attended) },
        { label: o.groups.jp, value: fmt.pct(shareOf(g('jp'))), note: fmt.int(g('jp').attended) },
        { label: o.thirdCountries, value: fmt.pct(shareOf(third)), note: fmt.int(third.attended) },
      ],
    },
    { type: 'chart', chart: { type: 'split', title: o.chart, parts: shownGroups.map((k) => ({ label: o.groups[k], value: g(k).attended })) } },
    { type: 'heading', text: o.byGroup },
    {
      type: 'table',
      table: {
        columns: cols(t.col.group),
        rows: [counts(o.groups.eu, g('eu')), counts(o.groups.jp, g('jp')), counts(o.thirdCountries, third), ...(['asean', 'africa', 'other'] as const).map((k) => counts(`   ${o.groups[k]}`, g(k))), ...(g('unknown').registered ? [counts(o.groups.unknown, g('unknown'))] : [])],
        total: counts(t.total, f.total),
      },
    },
    { type: 'heading', text: o.byCountry },
    {
      type: 'table',
      table: {
        columns: [{ label: t.col.group, width: 1.6 }, ...cols(t.col.country, 2.2)],
        rows: f.countries.map((c) => [o.groups[c.group], ...counts(c.name || o.groups.unknown, c.tally)]),
        total: [null, ...counts(t.total, f.total)],
      },
    },
    { type: 'heading', text: o.byPrefecture },
    { type: 'table', table: { columns: cols(t.col.prefecture), rows: f.prefectures.map((p) => counts(prefName(p.index), p.tally)), total: counts(t.total, g('jp')), empty: t.none } },
    { type: 'heading', text: o.byRegion },
    {
      type: 'table',
      table: {
        columns: [{ label: t.col.country, width: 1.6 }, ...cols(t.col.region, 2.2)],
        rows: f.regions.map((r) => [r.country, ...counts(r.region || t.none, r.tally)]),
        total: [null, ...counts(t.total, g('eu'))],
        empty: t.none,
      },
    },
    { type: 'heading', text: o.byRole },
    {
      type: 'table',
      table: {
        columns: [{ label: t.col.role, width: 1.6 }, ...roleGroups.map((k) => ({ label: o.groups[k], width: 1, align: 'right' as const, kind: 'int' as const })), { label: t.total, width: 1, align: 'right', kind: 'int' }],
        rows: ROLES.map((r) => [t.roles[r], ...roleGroups.map((k) => f.roles.get(r)!.get(k)?.attended ?? 0), roleGroups.reduce((n, k) => n + (f.roles.get(r)!.get(k)?.attended ?? 0), 0)]),
        total: [t.total, ...roleGroups.map((k) => g(k).attended), f.total.attended],
      },
    },
    { type: 'text', text: o.method, muted: true },
  ];
  const countCols = [{ label: t.col.registered, kind: 'int' as const }, { label: t.col.attended, kind: 'int' as const }, { label: t.col.share, kind: 'pct' as const }];
  const sheetCounts = (x: Tally) => [x.registered, x.attended, shareOf(x)];
  const sheets: Sheet[] = [
    { name: o.sheetGroups, columns: [{ label: t.col.group }, ...countCols], rows: [...ORIGIN_GROUPS.map((k) => [o.groups[k], ...sheetCounts(g(k))]), [o.thirdCountries, ...sheetCounts(third)], [t.total, ...sheetCounts(f.total)]] },
    { name: o.sheetCountries, columns: [{ label: t.col.group }, { label: t.col.country }, { label: 'ISO 3166' }, ...countCols], rows: f.countries.map((c) => [o.groups[c.group], c.name, c.code, ...sheetCounts(c.tally)]) },
    { name: o.sheetPrefectures, columns: [{ label: t.col.prefecture }, ...countCols], rows: f.prefectures.map((p) => [prefName(p.index), ...sheetCounts(p.tally)]) },
    { name: o.sheetRegions, columns: [{ label: t.col.country }, { label: t.col.region }, ...countCols], rows: f.regions.map((r) => [r.country, r.region || null, ...sheetCounts(r.tally)]) },
    {
      name: o.sheetRoles,
      columns: [{ label: t.col.role }, ...ORIGIN_GROUPS.map((k) => ({ label: o.groups[k], kind: 'int' as const }))],
      rows: ROLES.map((r) => [t.roles[r], ...ORIGIN_GROUPS.map((k) => f.roles.get(r)!.get(k)?.attended ?? 0)]),
    },
  ];
  return { pdf: { title: t.kinds.origin, blocks }, sheets };
}
