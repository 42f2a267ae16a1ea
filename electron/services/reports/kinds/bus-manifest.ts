// Bus manifests for the site visits, one page (or more) per bus, for the driver and the host: who is on the list,
// who boarded and when, and anyone who boarded without being on this bus's list.
import type { Block, Cell, ReportContent, Sheet } from '../doc.js';
import type { ReportContext } from '../context.js';
import { Facts, type Person } from '../facts.js';
import { nameCell, personColumns } from '../cells.js';

export interface ManifestLine {
  person: Person | null;
  /** `badge:N` for a badge whose holder is not synced yet. */
  who: string;
  onList: boolean;
  boardedAt: string | null;
}

export interface Manifest {
  key: string;
  name: string;
  departsAt: string | null;
  boardingPoint: string | null;
  capacity: number | null;
  lines: ManifestLine[];
}

export function manifests(ctx: ReportContext, facts: Facts): Manifest[] {
  const people = facts.people();
  const points = new Map((ctx.db.prepare('SELECT id, boarding FROM bus').all() as { id: string; boarding: string | null }[]).map((b) => [b.id, b.boarding]));
  return ctx.targets
    .filter((t) => t.kind === 'bus')
    .map((t) => {
      const boarded = new Map<string, string>();
      for (const a of facts.admitted(t.key)) {
        const prev = boarded.get(a.who);
        if (!prev || a.firstAt < prev) boarded.set(a.who, a.firstAt);
      }
      const listed = facts.registered(t.key);
      // The list in the desk's order (family name), then whoever boarded without being on it.
      const lines: ManifestLine[] = [];
      for (const p of people.values()) if (listed.has(p.id)) lines.push({ person: p, who: p.id, onList: true, boardedAt: boarded.get(p.id) ?? null });
      for (const [who, at] of boarded) if (!listed.has(who)) lines.push({ person: people.get(who) ?? null, who, onList: false, boardedAt: at });
      return { key: t.key, name: ctx.targetName(t), departsAt: t.startsAt, boardingPoint: points.get(t.key) ?? null, capacity: t.capacity, lines };
    });
}

export function busManifestReport(ctx: ReportContext): ReportContent {
  const { t, fmt } = ctx;
  const b = t.bus;
  const list = manifests(ctx, new Facts(ctx.db));
  const blocks: Block[] = [];
  const columns = [
    { label: '#', width: 0.45, align: 'right' as const },
    { label: t.col.name, width: 3 },
    { label: t.col.organisation, width: 3.2 },
    { label: t.col.badgeNo, width: 0.95, align: 'right' as const },
    { label: t.col.boarded, width: 1.05, align: 'center' as const },
    { label: t.col.time, width: 0.8, align: 'right' as const },
  ];
  list.forEach((m, i) => {
    if (i > 0) blocks.push({ type: 'pageBreak' });
    const listed = m.lines.filter((l) => l.onList);
    const extra = m.lines.filter((l) => !l.onList);
    const boarded = m.lines.filter((l) => l.boardedAt).length;
    blocks.push({ type: 'heading', text: m.name, note: m.departsAt ? b.facts(fmt.dateTime(m.departsAt), m.boardingPoint) : undefined });
    blocks.push({
      type: 'kpis',
      items: [
        { label: t.col.boarded, value: fmt.int(boarded) },
        { label: t.col.registered, value: fmt.int(listed.length) },
        { label: t.col.capacity, value: m.capacity === null ? t.none : fmt.int(m.capacity) },
      ],
    });
    const row = (l: ManifestLine, n: number): Cell[] => [
      n,
      nameCell(l.person, l.who, t.audit.unknownPerson),
      l.person?.organisation ?? null,
      l.person?.badge_no ?? (l.who.startsWith('badge:') ? Number(l.who.slice(6)) : null),
      l.boardedAt ? b.boarded : b.notBoarded,
      l.boardedAt ? fmt.time(l.boardedAt) : null,
    ];
    blocks.push({ type: 'table', table: { columns, rows: listed.map((l, k) => row(l, k + 1)), empty: b.none } });
    if (extra.length) {
      blocks.push({ type: 'text', text: b.notOnList });
      blocks.push({ type: 'table', table: { columns, rows: extra.map((l, k) => row(l, listed.length + k + 1)) } });
    }
    blocks.push({ type: 'signatures', labels: [b.driver, b.host] });
  });

  const sheet: Sheet = {
    name: b.sheet,
    columns: [
      { label: t.col.bus }, { label: t.col.departure }, { label: t.col.familyName }, { label: t.col.givenName }, { label: t.col.nameKanji },
      { label: t.col.organisation }, { label: t.col.badgeNo, kind: 'int' }, { label: t.col.onList }, { label: t.col.boarded }, { label: t.col.boardedAt },
    ],
    rows: list.flatMap((m) =>
      m.lines.map((l) => {
        const p = l.person;
        return [
          m.name,
          m.departsAt ? fmt.sheetTime(m.departsAt) : null,
          ...personColumns(p),
          p?.organisation ?? null,
          p?.badge_no ?? null,
          l.onList ? t.yes : t.no,
          l.boardedAt ? t.yes : t.no,
          l.boardedAt ? fmt.sheetTime(l.boardedAt) : null,
        ];
      }),
    ),
  };
  return { pdf: { title: t.kinds['bus-manifest'], blocks }, sheets: [sheet] };
}
