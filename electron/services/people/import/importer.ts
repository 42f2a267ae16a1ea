// Imports a registration file: new people are added, known people (same email or registration code) are
// updated — never duplicated, their badges and check-ins kept. A dry run answers the same report and writes
// nothing. Work is done in batches that yield between them, so scans are never stuck behind an import.
import fs from 'node:fs';
import type { Core } from '../../core.js';
import { ServiceError } from '../../core.js';
import type { DelegateRow, Delegates } from '../delegates.js';
import type { ImportField } from './columns.js';
import { detectProfile, mappingFor, type SourceProfile } from './profiles.js';
import { normHeader } from './columns.js';
import type { ExternalCode } from '../../replication/entries.js';
import { UnreadableFileError, type ParsedFile } from '../../files/read-file.js';
import { checkRow, reject, type Rejection, type RowCheck, type RowFlag } from './validate.js';
import type { DelegateFlag } from '../../../api/vocabulary.js';
import { flagsOf } from '../../model/delegate-row.js';
import { foldText } from '../../model/normalize.js';
import { INLINE_READER, type FilePreview, type ImportReader, type ReadRows } from './read-job.js';
import { csvLine } from '../export.js';
import { holdsLostLetters, lostLetterFields, sameButLost } from './lost-letters.js';
import { SessionMatcher, type SessionNote } from './session-match.js';

/** Rows per transaction of a large import: the time a scan may wait behind it (~15 ms), against commits' cost. */
const BULK_BATCH = 1000;

/** The WAL is checkpointed once it holds more than this share of the file's data, and at least this many bytes. */
const WAL_SHARE = 1;
const WAL_MIN_BYTES = 8 * 1024 * 1024;

/** From this many rows on, the search index is rebuilt once after the import rather than row by row. */
export const BULK_INDEX_ROWS = 2000;

export interface RejectedRow {
  line: number;
  reason: string;
  code: Rejection['code'];
  params: Rejection['params'];
  cells: string[];
}

/** Something the report tells about a row that was imported all the same (a session it could not name). */
export interface ImportNote {
  line: number;
  code: 'session_near_miss' | 'session_unknown' | 'lost_letters';
  params: Record<string, string>;
  reason: string;
}

function sessionNote(line: number, n: SessionNote): ImportNote {
  if (n.suggestion) return { line, code: 'session_near_miss', params: { value: n.value, suggestion: n.suggestion }, reason: `No session "${n.value}": did you mean "${n.suggestion}"? Imported without it.` };
  return { line, code: 'session_unknown', params: { value: n.value }, reason: `No session or bus "${n.value}": imported without it.` };
}

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows imported (or updated) as cancelled registrations. */
  cancelled: number;
  rejected: RejectedRow[];
  /** Each flag a row was imported with, by line: the import screen lists them, the desk shows them on the card. */
  flagged: { line: number; flag: DelegateFlag; value: string }[];
  /** Rows imported with a note (a session named with a slip, or one the event does not have). */
  notes: ImportNote[];
  total: number;
  dryRun: boolean;
  encoding: string;
  delimiter: string | null;
  format: 'csv' | 'xlsx';
  headers: string[];
  /** The registration system recognised from the header, if any. */
  source: { id: string; label: string } | null;
}

/** What one file's rows share while they are imported: earlier lines of an email, a code, an order. */
interface FileState {
  profile: SourceProfile | null;
  positionCol: number;
  hasStatus: boolean;
  emailLine: Map<string, { line: number; order: string | null }>;
  codeLine: Map<string, number>;
  orderRows: Map<string, number>;
  /** Folded names seen so far → their first line: a second person of the same name is flagged, never refused. */
  nameLine: Map<string, number>;
  /** Lines of cancelled rows whose person registers again validly further down (same e-mail): they are skipped. */
  superseded: Set<number>;
}

export interface ImportOptions {
  dryRun?: boolean;
  mapping?: (ImportField | null)[];
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export class Importer {
  constructor(
    private readonly core: Core,
    private readonly delegates: Delegates,
    /** Where files are decoded and rows checked: a worker thread in the app and the web host, else this thread. */
    public reader: ImportReader = INLINE_READER,
  ) {}

  /** How a file reads (format, encoding, columns, first rows), decoded by the reader. */
  async preview(fileName: string, bytes: Uint8Array): Promise<FilePreview> {
    return unreadableAsBadInput(this.reader.preview(fileName, bytes));
  }

  async read(fileName: string, bytes: Uint8Array, mapping?: (ImportField | null)[]): Promise<ReadRows> {
    return unreadableAsBadInput(this.reader.rows(fileName, bytes, mapping));
  }

  /**
   * What a registration's session column may name, folded to lower case: a session or bus by its id, a checkpoint by
   * its id, or a session by its title (English or Japanese) — an organiser's sheet names sessions as the programme
   * does, not by the ids a programme import made up.
   */
  private targetNames(): SessionMatcher {
    const rows = this.core.db.prepare(`SELECT id AS name, id FROM session UNION ALL SELECT id, id FROM bus
      UNION ALL SELECT id, coalesce(target_id, id) FROM checkpoint WHERE kind <> 'venue'
      UNION ALL SELECT title, id FROM session WHERE archived = 0 UNION ALL SELECT title_ja, id FROM session WHERE archived = 0 AND title_ja IS NOT NULL
      UNION ALL SELECT label, id FROM bus WHERE archived = 0`).all() as { name: string; id: string }[];
    return new SessionMatcher(rows);
  }

  async run(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportReport> {
    const { file, checks } = await this.read(fileName, bytes, opts.mapping);
    const recognised = mappingFor(file.headers, file.records);
    const mapping = opts.mapping ?? recognised.mapping;
    const profile = detectProfile(file.headers);
    if (mapping.length !== file.headers.length) throw new ServiceError('bad_input', `The mapping has ${mapping.length} columns, the file ${file.headers.length}.`, { key: 'mapping_columns', values: { mapping: mapping.length, columns: file.headers.length } });
    if (!mapping.some((m) => m === 'familyName' || m === 'givenName' || m === 'fullName' || m === 'familyNameKanji' || m === 'familyNameKana' || m === 'fullNameKana')) {
      throw new ServiceError('bad_input', `No name column recognised among: ${file.headers.join(', ')}. Map the columns by hand.`, { key: 'no_name_column', values: { headers: file.headers.join(', ') } });
    }
    const report: ImportReport = {
      imported: 0, updated: 0, unchanged: 0, cancelled: 0, rejected: [], flagged: [], notes: [], total: file.records.length, dryRun: opts.dryRun ?? false,
      encoding: file.encoding, delimiter: file.delimiter, format: file.format, headers: file.headers,
      source: profile ? { id: profile.id, label: profile.label } : null,
    };
    const targets = this.targetNames();
    const state: FileState = {
      profile,
      positionCol: profile?.positionColumn ? file.headers.findIndex((h) => normHeader(h) === normHeader(profile.positionColumn!)) : -1,
      hasStatus: mapping.includes('status'),
      emailLine: new Map(),
      codeLine: new Map(),
      orderRows: new Map(),
      nameLine: new Map(),
      superseded: new Set(),
    };
    if (mapping.includes('status')) state.superseded = supersededLines(file, checks, mapping);
    // Small batches: the event loop is free between them, so a scan waits at most one batch (~15 ms).
    const batch = opts.batchSize ?? (file.records.length >= BULK_INDEX_ROWS ? BULK_BATCH : 250);
    // Large files: index once at the end instead of row by row (several times faster).
    const deferIndex = !report.dryRun && file.records.length >= BULK_INDEX_ROWS;
    if (deferIndex) this.delegates.deferSearchIndex();
    try {
      await this.runBatches(file, checks, mapping, batch, targets, state, report, opts);
    } finally {
      if (deferIndex) this.delegates.rebuildSearchIndex();
    }
    // The import's pages go into the file now, while nobody waits: the WAL is left empty, not at the import's size.
    if (!report.dryRun && file.records.length >= BULK_INDEX_ROWS) this.core.db.pragma('wal_checkpoint(TRUNCATE)');
    return report;
  }

  private async runBatches(file: ParsedFile, checks: RowCheck[] | null, mapping: (ImportField | null)[], batch: number, targets: SessionMatcher, state: FileState, report: ImportReport, opts: ImportOptions): Promise<void> {
    for (let i = 0; i < file.records.length; i += batch) {
      const slice = file.records.slice(i, i + batch);
      const first = i;
      const work = () => {
        for (const [k, rec] of slice.entries()) {
          // Rows were checked where the file was read (the worker); only what needs the database is decided here.
          const check = checks?.[first + k] ?? checkRow(rec.cells, mapping, file.headers.length);
          const rejection = this.importOne(check, rec.cells, rec.line, targets, state, report);
          if (rejection) report.rejected.push({ line: rec.line, ...rejection, cells: rec.cells });
        }
      };
      if (report.dryRun) work();
      else this.core.tx(work);
      // Automatic checkpoints are off (they stall scans); without one here a 50k-row import grew the WAL to 364 MB.
      // A passive checkpoint once the WAL outgrows the data lets it be reused from its start: it stays within 2×.
      if (!report.dryRun) this.checkpointIfLarge();
      opts.onProgress?.(Math.min(i + batch, file.records.length), file.records.length);
      await new Promise((r) => setImmediate(r));
    }
  }

  private checkpointIfLarge(): void {
    const { db } = this.core;
    if (db.memory) return;
    const size = (f: string) => {
      try {
        return fs.statSync(f).size;
      } catch {
        return 0;
      }
    };
    const wal = size(`${db.name}-wal`);
    if (wal > WAL_MIN_BYTES && wal > WAL_SHARE * size(db.name)) db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Imports or checks one record; returns why it is rejected, or null. */
  private importOne(check: RowCheck, cells: string[], line: number, targets: SessionMatcher, state: FileState, report: ImportReport): Rejection | null {
    if (!check.ok) return check.rejection;
    // A cancelled ticket of someone who bought again: the valid registration further down is the person.
    if (state.superseded.has(line)) {
      report.unchanged++;
      return null;
    }
    const { status, orderCode, ticketCode } = check.row;
    const fields = { ...check.row.fields };
    const flags: RowFlag[] = [...check.row.flags];
    const flag = (f: DelegateFlag, value: string) => flags.push({ flag: f, value });
    // Sessions are named by id, title (English or Japanese), bus label or door id; what names none is a note.
    const registrations: string[] = [];
    for (const cell of check.row.registrations) {
      const m = targets.match(cell);
      registrations.push(...m.ids);
      for (const n of m.notes) report.notes.push(sessionNote(line, n));
    }
    fields.externalCode = this.registrationCode(fields.externalCode ?? null, orderCode, ticketCode, cells, state);
    const cancelled = state.hasStatus && status === 'cancelled';
    // A cancelled registration is found by its code: its email may be that of the same person's new, valid one.
    if (cancelled && fields.externalCode) fields.email = null;
    if (fields.email) {
      const earlier = state.emailLine.get(fields.email);
      // The same address on another ticket of the same order is the buyer's (pretix check-in list, Eventbrite): it
      // stays with the order's first ticket and this attendee is imported without one.
      if (earlier !== undefined && orderCode && earlier.order === orderCode.toUpperCase()) fields.email = null;
      else if (earlier !== undefined) {
        // Two people with one address: both are imported, the second without it, flagged for the desk.
        flag('possible_duplicate', `${fields.email} (line ${earlier.line})`);
        fields.email = null;
      } else state.emailLine.set(fields.email, { line, order: orderCode?.toUpperCase() ?? null });
    }
    if (fields.externalCode) {
      const earlier = state.codeLine.get(fields.externalCode);
      if (earlier !== undefined) {
        flag('possible_duplicate', `${fields.externalCode} (line ${earlier})`);
        fields.externalCode = null;
      } else state.codeLine.set(fields.externalCode, line);
    }
    // A row with neither e-mail nor code, named as an earlier row (same organisation too): perhaps one person twice.
    // Rows with an address or a code are told apart by it (their repeats are flagged above).
    const nameKey = fields.email || fields.externalCode ? '' : foldText([fields.familyNameKanji, fields.givenNameKanji, fields.familyName, fields.givenName].filter(Boolean).join(' ') + (fields.organisation ? `@${fields.organisation}` : ''));
    const sameName = nameKey ? state.nameLine.get(nameKey) : undefined;
    if (sameName !== undefined && !cancelled) flag('possible_duplicate', `line ${sameName}`);
    else if (nameKey && !cancelled) state.nameLine.set(nameKey, line);
    const byEmail = fields.email ? this.delegates.findByIdOrEmail(fields.email) : undefined;
    const byCode = fields.externalCode ? this.delegates.findByExternalCode(fields.externalCode) : undefined;
    let existing: DelegateRow | undefined = byEmail ?? byCode;
    if (byEmail && byCode && byEmail.id !== byCode.id) {
      // The code's person is updated; the address stays with the other person, and the desk is told.
      flag('possible_duplicate', `${fields.email} / ${fields.externalCode}`);
      fields.email = null;
      existing = byCode;
    }
    const codes = this.codesOf(fields.externalCode, orderCode, ticketCode, state.profile);
    // A reading a clerk has confirmed (or the file once gave) is not replaced by a guess on re-import.
    if (existing && flags.some((f) => f.flag === 'reading_guessed') && existing.family_name_kana !== null && !flagsOf(existing.flags).includes('reading_guessed')) {
      fields.familyName = existing.family_name;
      fields.givenName = existing.given_name;
      fields.familyNameKana = existing.family_name_kana;
      fields.givenNameKana = existing.given_name_kana;
      flags.splice(0, flags.length, ...flags.filter((f) => f.flag !== 'reading_guessed'));
    }
    fields.flags = [...new Set(flags.map((f) => f.flag))].join(' ');
    for (const f of flags) report.flagged.push({ line, ...f });
    // Letters the file could not hold (J?rgen): flagged, and a stored name that has them is kept.
    const lost = lostLetterFields(fields, report.encoding);
    if (lost.length) {
      report.notes.push({ line, code: 'lost_letters', params: { fields: lost.join(', '), value: lost.map((f) => fields[f]).join(' ') }, reason: `"${lost.map((f) => fields[f]).join(' ')}" lost letters the file's encoding (${report.encoding}) cannot hold: check the name.` });
      if (existing) for (const f of lost) if (keepsStored(existing, f, fields[f])) Object.assign(fields, { [f]: existing[COLUMN_OF[f]] });
    }
    if (cancelled) report.cancelled++;
    if (existing) {
      const changed = differs(existing, fields);
      const statusChanged = state.hasStatus && (existing.status === 'cancelled') !== cancelled;
      if (!report.dryRun) {
        if (changed) this.delegates.update(existing.id, { ...fields, email: fields.email ?? existing.email });
        this.delegates.register(existing.id, registrations);
        this.delegates.addCodes(existing.id, codes);
        // A later export says who has cancelled since (or was reinstated): the file decides when it has a status.
        if (statusChanged) this.delegates.setCancelled(existing.id, cancelled);
      }
      if (changed || statusChanged) report.updated++;
      else report.unchanged++;
      return null;
    }
    if (!report.dryRun) {
      const row = this.delegates.insert(fields);
      this.delegates.register(row.id, registrations);
      this.delegates.addCodes(row.id, codes);
      if (cancelled) this.delegates.setCancelled(row.id, true);
    }
    report.imported++;
    return null;
  }

  /**
   * The code that identifies this registration on re-import and derives its id on every desk. Systems with a code per
   * attendee give it; pretix gives order code and position ("ABC12-1"), or the ticket secret (check-in list); else
   * the order code, and for the further tickets of one order "ABC12-2", "ABC12-3" in file order.
   */
  private registrationCode(given: string | null, orderCode: string | null, ticketCode: string | null, cells: string[], state: FileState): string | null {
    if (given) return given;
    const position = state.positionCol >= 0 ? (cells[state.positionCol] ?? '').trim() : '';
    if (orderCode && position) return `${orderCode.toUpperCase()}-${position}`;
    if (ticketCode) return ticketCode;
    if (!orderCode) return null;
    const order = orderCode.toUpperCase();
    const n = (state.orderRows.get(order) ?? 0) + 1;
    state.orderRows.set(order, n);
    return n === 1 ? order : `${order}-${n}`;
  }

  /** The codes the door accepts for this registration besides its registration code. */
  private codesOf(primary: string | null, orderCode: string | null, ticketCode: string | null, profile: SourceProfile | null): ExternalCode[] {
    const codes: ExternalCode[] = [];
    // Order codes are typed from emails and read over the phone: pretix, Eventbrite and alf.io ignore their case.
    if (orderCode) codes.push({ code: orderCode, ci: true, kind: 'order' });
    // A ticket's QR content is compared as it is: pretix secrets are case-sensitive.
    if (ticketCode) codes.push({ code: ticketCode, ci: false, kind: 'ticket' });
    if (primary && profile?.primaryIgnoresCase) codes.push({ code: primary, ci: true, kind: 'attendee' });
    return codes.filter((c) => c.code.length <= 200);
  }
}

/**
 * The cancelled rows of people who registered again with the same e-mail in the same file (cancelled, then bought a new
 * ticket): the valid row makes the delegate, the cancelled one is passed over — one person, the valid registration.
 */
function supersededLines(file: ParsedFile, checks: RowCheck[] | null, mapping: (ImportField | null)[]): Set<number> {
  const out = new Set<number>();
  const valid = new Set<string>();
  const cancelledBy = new Map<string, number[]>();
  file.records.forEach((rec, i) => {
    const c = checks?.[i] ?? checkRow(rec.cells, mapping, file.headers.length);
    if (!c.ok || !c.row.rawEmail) return;
    if (c.row.status === 'cancelled') cancelledBy.set(c.row.rawEmail, [...(cancelledBy.get(c.row.rawEmail) ?? []), rec.line]);
    else valid.add(c.row.rawEmail);
  });
  for (const [mail, lines] of cancelledBy) if (valid.has(mail)) for (const l of lines) out.add(l);
  return out;
}

async function unreadableAsBadInput<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new ServiceError('bad_input', e.message, { key: 'file_unreadable', values: { detail: e.message } });
    throw e;
  }
}

const COLUMN_OF = { familyName: 'family_name', givenName: 'given_name', familyNameKanji: 'family_name_kanji', givenNameKanji: 'given_name_kanji', familyNameKana: 'family_name_kana', givenNameKana: 'given_name_kana', organisation: 'organisation' } as const;

/** The stored value is kept when it is the file's value with its lost letters still there (or the file's is all lost). */
function keepsStored(row: DelegateRow, field: keyof typeof COLUMN_OF, value: string | null | undefined): boolean {
  const stored = row[COLUMN_OF[field]];
  return !!stored && (value == null || sameButLost(value, stored) || !holdsLostLetters(stored, 'utf-8'));
}

function differs(row: DelegateRow, f: import('../delegates.js').DelegateFields): boolean {
  const pairs: [string | null, string | null | undefined][] = [
    [row.family_name, f.familyName], [row.given_name, f.givenName], [row.family_name_kanji, f.familyNameKanji],
    [row.given_name_kanji, f.givenNameKanji], [row.family_name_kana, f.familyNameKana], [row.given_name_kana, f.givenNameKana],
    [row.organisation, f.organisation], [row.country, f.country], [row.region, f.region], [row.role, f.role],
    [row.email, f.email ?? row.email],
    [row.external_code, f.externalCode ?? row.external_code],
    [row.flags, f.flags ?? row.flags], [row.ticket_type, f.ticketType === undefined ? row.ticket_type : f.ticketType],
  ];
  return pairs.some(([a, b]) => (a ?? null) !== (b ?? null));
}

/** The rejected rows as a CSV to fix and import again: the original columns, then the reason. */
export function rejectedCsv(headers: string[], rejected: Pick<RejectedRow, 'line' | 'reason' | 'cells'>[]): string {
  const lines = [csvLine([...headers, 'Line', 'Reason'])];
  for (const r of rejected) lines.push(csvLine([...headers.map((_, i) => r.cells[i] ?? ''), String(r.line), r.reason]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
