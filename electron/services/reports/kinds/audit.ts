// The audit trail organisers answer for: double entries and over-capacity that offline devices could not prevent,
// staff overrides with their reasons, undone check-ins, denied scans by reason (a re-scan of someone already in is
// not a denial), reissued badges.
import { VERDICTS, type VerdictCode } from '../../../api/contract.js';
import { Conflicts } from '../../sync/conflicts.js';
import type { Block, Cell, ReportContent, Sheet, Table } from '../doc.js';
import { jaBusName, type ReportContext } from '../context.js';
import { Facts } from '../facts.js';
import { nameCell, personColumns } from '../cells.js';

const DENIALS = VERDICTS.filter((v) => v !== 'admitted' && v !== 'readmitted' && v !== 'already_checked_in');

interface ScanLine {
  id: string;
  scanned_at: string;
  checkpoint_id: string;
  delegate_id: string | null;
  identity_key: string | null;
  device_id: string;
  verdict: VerdictCode;
  override_reason: string | null;
  undone_at: string | null;
  undo_reason: string | null;
}

export function auditFigures(ctx: ReportContext) {
  const { db } = ctx;
  const conflicts = new Conflicts({ db }).list();
  const cols = 'id, scanned_at, checkpoint_id, delegate_id, identity_key, device_id, verdict, override_reason, undone_at, undo_reason';
  const overrides = db.prepare(`SELECT ${cols} FROM scan WHERE override_reason IS NOT NULL ORDER BY scanned_at, id`).all() as ScanLine[];
  const undos = db.prepare(`SELECT ${cols} FROM scan WHERE undone_at IS NOT NULL ORDER BY undone_at, id`).all() as ScanLine[];
  const tallies = db.prepare("SELECT checkpoint_id AS cp, verdict, count(*) AS n FROM scan WHERE verdict NOT IN ('admitted','readmitted') GROUP BY checkpoint_id, verdict").all() as { cp: string; verdict: VerdictCode; n: number }[];
  const denied = new Map<string, Map<VerdictCode, number>>();
  for (const r of tallies) {
    let m = denied.get(r.cp);
    if (!m) denied.set(r.cp, (m = new Map()));
    m.set(r.verdict, r.n);
  }
  const reprints = db.prepare('SELECT id, badge_issue FROM delegate WHERE badge_issue > 1 ORDER BY sort_key, id').all() as { id: string; badge_issue: number }[];
  return { conflicts, overrides, undos, denied, reprints };
}

export function auditReport(ctx: ReportContext): ReportContent {
  const { t, fmt, db } = ctx;
  const a = t.audit;
  const facts = new Facts(db);
  const f = auditFigures(ctx);
  const checkpoints = new Map((db.prepare('SELECT id, name, name_ja FROM checkpoint ORDER BY sort_order, id').all() as { id: string; name: string; name_ja: string | null }[]).map((c) => [c.id, c]));
  const cpName = (id: string) => {
    const c = checkpoints.get(id);
    return c ? (ctx.lang === 'ja' ? jaBusName(c.name_ja ?? c.name) : c.name) : id;
  };
  const targetName = (key: string) => {
    const tg = ctx.targets.find((x) => x.key === key.split('@')[0]);
    return tg ? ctx.targetName(tg) : key;
  };
  const who = (id: string | null): Cell => (id ? nameCell(facts.person(id), id, a.unknownPerson) : a.unknownPerson);
  const whoText = (id: string | null): string => {
    const c = who(id);
    return typeof c === 'object' && c !== null ? c.lines.join(' / ') : String(c);
  };
  const sum = (m: Map<VerdictCode, number> | undefined, vs: readonly VerdictCode[]) => vs.reduce((n, v) => n + (m?.get(v) ?? 0), 0);
  const deniedTotal = [...f.denied.values()].reduce((n, m) => n + sum(m, DENIALS), 0);
  const rescans = [...f.denied.values()].reduce((n, m) => n + (m.get('already_checked_in') ?? 0), 0);
  const c = f.conflicts;
  const summary: [string, number][] = [
    [a.items.doubleEntries, c.doubleEntries.length],
    [a.items.overCapacity, c.overCapacity.length],
    [a.items.overrides, f.overrides.length],
    [a.items.undos, f.undos.length],
    [a.items.denied, deniedTotal],
    [a.items.rescans, rescans],
    [a.items.reprints, f.reprints.length],
    [a.items.duplicateEmails, c.duplicateEmails.length],
  ];
  const table = (columns: Table['columns'], rows: Cell[][]): Block => ({ type: 'table', table: { columns, rows, empty: a.none } });
  const deniedRows = [...checkpoints.keys()].filter((id) => sum(f.denied.get(id), DENIALS) > 0).map((id) => {
    const m = f.denied.get(id);
    return [cpName(id), ...DENIALS.map((v) => m?.get(v) ?? 0), sum(m, DENIALS)];
  });
  const blocks: Block[] = [
    { type: 'heading', text: a.summary },
    { type: 'table', table: { columns: [{ label: '', width: 4 }, { label: t.col.count, width: 1, align: 'right', kind: 'int' }], rows: summary } },
    { type: 'heading', text: a.doubleEntries },
    table(
      [{ label: t.col.name, width: 2.4 }, { label: t.col.where, width: 2.4 }, { label: t.col.scans, width: 3.4 }],
      c.doubleEntries.map((d) => [
        d.delegate ? who(d.identityKey) : a.unknownPerson,
        { lines: [targetName(d.targetKey), ...(d.day ? [fmt.day(d.day)] : [])] },
        { lines: d.scans.map((s) => `${fmt.time(s.at)} · ${s.deviceId} · ${ctx.lang === 'ja' ? jaBusName(s.checkpointNameJa ?? s.checkpointName) : s.checkpointName}`) },
      ]),
    ),
    { type: 'heading', text: a.overCapacity },
    table(
      [{ label: t.col.where, width: 4 }, { label: t.col.attended, width: 1, align: 'right' }, { label: t.col.capacity, width: 1, align: 'right' }],
      c.overCapacity.map((o) => [`${targetName(o.counterKey)}${o.counterKey.includes('@') ? ` (${fmt.day(o.counterKey.split('@')[1]!)})` : ''}`, o.admitted, o.capacity]),
    ),
    { type: 'heading', text: a.overrides },
    table(
      [{ label: t.col.at, width: 1.6 }, { label: t.col.checkpoint, width: 2.4 }, { label: t.col.name, width: 2.2 }, { label: t.col.reason, width: 2.6 }, { label: t.col.device, width: 1.2 }],
      f.overrides.map((s) => [fmt.dateTime(s.scanned_at), cpName(s.checkpoint_id), who(s.identity_key ?? s.delegate_id), s.override_reason, s.device_id]),
    ),
    { type: 'heading', text: a.undos },
    table(
      [{ label: t.col.at, width: 1.6 }, { label: t.col.checkpoint, width: 2.4 }, { label: t.col.name, width: 2.2 }, { label: t.col.undoneAt, width: 1.6 }, { label: t.col.reason, width: 2.2 }],
      f.undos.map((s) => [fmt.dateTime(s.scanned_at), cpName(s.checkpoint_id), who(s.identity_key ?? s.delegate_id), fmt.dateTime(s.undone_at!), s.undo_reason]),
    ),
    { type: 'heading', text: a.denied },
    table([{ label: t.col.checkpoint, width: 2.6 }, ...DENIALS.map((v) => ({ label: t.verdicts[v], width: 1, align: 'right' as const, kind: 'int' as const })), { label: t.total, width: 0.8, align: 'right', kind: 'int' }], deniedRows),
    { type: 'heading', text: a.rescans },
    table(
      [{ label: t.col.checkpoint, width: 4 }, { label: t.col.count, width: 1, align: 'right', kind: 'int' }],
      [...checkpoints.keys()].filter((id) => (f.denied.get(id)?.get('already_checked_in') ?? 0) > 0).map((id) => [cpName(id), f.denied.get(id)!.get('already_checked_in')!]),
    ),
    { type: 'heading', text: a.reprints },
    table([{ label: t.col.name, width: 3 }, { label: t.col.badgeNo, width: 1, align: 'right' }, { label: t.col.issue, width: 1, align: 'right' }], f.reprints.map((r) => [who(r.id), facts.person(r.id)?.badge_no ?? null, r.badge_issue])),
    { type: 'heading', text: a.duplicateEmails },
    table([{ label: t.col.email, width: 2 }, { label: t.col.name, width: 3 }], c.duplicateEmails.map((d) => [d.email, { lines: d.delegateIds.map(whoText) }])),
  ];
  const scanCols = [{ label: t.col.at }, { label: t.col.checkpoint }, { label: t.col.familyName }, { label: t.col.givenName }, { label: t.col.nameKanji }, { label: t.col.badgeNo, kind: 'int' as const }, { label: t.col.device }];
  const scanRow = (s: ScanLine) => {
    const p = facts.person(s.identity_key ?? s.delegate_id ?? '');
    return [fmt.sheetTime(s.scanned_at), cpName(s.checkpoint_id), ...personColumns(p), p?.badge_no ?? null, s.device_id];
  };
  const sheets: Sheet[] = [
    { name: a.summary, columns: [{ label: '' }, { label: t.col.count, kind: 'int' }], rows: summary },
    {
      name: a.items.doubleEntries,
      columns: [{ label: t.col.where }, { label: t.col.day }, { label: t.col.name }, { label: t.col.at }, { label: t.col.device }, { label: t.col.checkpoint }],
      rows: c.doubleEntries.flatMap((d) => d.scans.map((s) => [targetName(d.targetKey), d.day, whoText(d.identityKey), fmt.sheetTime(s.at), s.deviceId, ctx.lang === 'ja' ? jaBusName(s.checkpointNameJa ?? s.checkpointName) : s.checkpointName])),
    },
    { name: a.items.overCapacity, columns: [{ label: t.col.where }, { label: t.col.attended, kind: 'int' }, { label: t.col.capacity, kind: 'int' }], rows: c.overCapacity.map((o) => [targetName(o.counterKey), o.admitted, o.capacity]) },
    { name: a.items.overrides, columns: [...scanCols, { label: t.col.reason }], rows: f.overrides.map((s) => [...scanRow(s), s.override_reason]) },
    { name: a.items.undos, columns: [...scanCols, { label: t.col.undoneAt }, { label: t.col.reason }], rows: f.undos.map((s) => [...scanRow(s), fmt.sheetTime(s.undone_at!), s.undo_reason]) },
    {
      name: a.items.denied,
      columns: [{ label: t.col.checkpoint }, ...DENIALS.map((v) => ({ label: t.verdicts[v], kind: 'int' as const })), { label: t.total, kind: 'int' }, { label: t.verdicts.already_checked_in, kind: 'int' }],
      rows: [...checkpoints.keys()].map((id) => {
        const m = f.denied.get(id);
        return [cpName(id), ...DENIALS.map((v) => m?.get(v) ?? 0), sum(m, DENIALS), m?.get('already_checked_in') ?? 0];
      }),
    },
    { name: a.items.reprints, columns: [{ label: t.col.familyName }, { label: t.col.givenName }, { label: t.col.nameKanji }, { label: t.col.badgeNo, kind: 'int' }, { label: t.col.issue, kind: 'int' }], rows: f.reprints.map((r) => { const p = facts.person(r.id); return [...personColumns(p), p?.badge_no ?? null, r.badge_issue]; }) },
  ];
  return { pdf: { title: t.kinds.audit, blocks }, sheets };
}
