// Applies delegate entries: fields last-writer-wins per field, badge issue the maximum, badge numbers a set (a
// delegate imported on two offline desks holds both numbers; the earliest by clock prints), cancellation a field.
import type { Db } from '../../../../db/open.js';
import { searchColumnsFor } from '../../model/search-columns.js';
import { delegateFields, PERSONAL_FIELDS, type DelegateColumns, type Entry } from '../entries.js';
import { mergeFields, readClocks, writeClocks } from './field-clocks.js';
import type { Admissions } from './admissions.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;
const FIELDS = [...Object.keys(delegateFields.shape), 'status'] as const;
type Columns = DelegateColumns & { status: 'active' | 'cancelled' };

/** What a purge leaves of a person: the role and country stay for the reports. */
export const PURGED: Partial<DelegateColumns> = {
  family_name: 'Purged', given_name: '', family_name_kanji: null, given_name_kanji: null, family_name_kana: null,
  given_name_kana: null, organisation: null, region: null, email: null, external_code: null,
};

interface Row extends Columns {
  id: string;
  badge_no: number;
  badge_issue: number;
  field_hlc: string;
  hlc: string;
  created_at: string;
  updated_at: string;
}

export class DelegateApplier {
  private readonly s;
  /** The merge UPDATE per set of columns written: compiled once, not per row. */
  private readonly updates = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db, private readonly admissions: Admissions, private readonly purgeHlc: () => string) {
    this.s = {
      row: db.prepare('SELECT * FROM delegate WHERE id = ?'),
      placeholder: db.prepare(`INSERT INTO delegate (id, event_id, badge_no, badge_issue, family_name, given_name, role, status, search_text, sort_key, field_hlc, hlc, created_at, updated_at)
        VALUES (?, coalesce((SELECT id FROM event LIMIT 1), ''), 0, 1, '', '', 'delegate', 'active', '', '', '{}', '', '', '')`),
      badgeHolder: db.prepare('SELECT delegate_id, hlc FROM badge WHERE badge_no = ?'),
      putBadge: db.prepare('INSERT INTO badge (badge_no, delegate_id, hlc) VALUES (?, ?, ?) ON CONFLICT(badge_no) DO UPDATE SET delegate_id = excluded.delegate_id, hlc = excluded.hlc'),
      firstBadge: db.prepare('SELECT badge_no FROM badge WHERE delegate_id = ? ORDER BY hlc, badge_no LIMIT 1'),
      setBadgeNo: db.prepare('UPDATE delegate SET badge_no = ? WHERE id = ?'),
      setSearch: db.prepare('UPDATE delegate SET search_text = @search_text, search_keys = @search_keys, sort_key = @sort_key WHERE id = @id'),
      // A delegate created by this entry: one insert with its badge number, search columns and clocks.
      insert: db.prepare(`INSERT INTO delegate (id, event_id, badge_no, badge_issue, family_name, given_name, family_name_kanji, given_name_kanji,
        family_name_kana, given_name_kana, organisation, country, region, email, role, external_code, status, flags, ticket_type, search_text, search_keys, sort_key,
        field_hlc, hlc, created_at, updated_at)
        VALUES (@id, coalesce((SELECT id FROM event LIMIT 1), ''), @badge_no, 1, @family_name, @given_name, @family_name_kanji, @given_name_kanji,
        @family_name_kana, @given_name_kana, @organisation, @country, @region, @email, @role, @external_code, @status, @flags, @ticket_type, @search_text, @search_keys,
        @sort_key, @field_hlc, @hlc, @created_at, @updated_at)`),
      issue: db.prepare('UPDATE delegate SET badge_issue = max(badge_issue, ?) WHERE id = ?'),
      scansOfBadge: db.prepare(`SELECT DISTINCT target_key, admission_day, identity_key FROM scan WHERE badge_no = ?
        AND identity_key IS NOT ? AND verdict IN ('admitted','readmitted')`),
      claimScans: db.prepare('UPDATE scan SET delegate_id = ?, identity_key = ? WHERE badge_no = ? AND identity_key IS NOT ?'),
    };
  }

  upsert(e: E<'delegate.upserted'>): void {
    const created = this.merge(e.payload.id, e.payload.fields, e.hlc, e.payload.at, e.payload.badgeNo ?? 0);
    if (e.payload.badgeNo) this.addBadge(e.payload.badgeNo, e.payload.id, e.hlc, created);
  }

  cancelled(e: E<'delegate.cancelled'>): void {
    this.merge(e.payload.id, { status: e.payload.cancelled ? 'cancelled' : 'active' }, e.hlc, e.payload.at);
  }

  reissued(e: E<'badge.reissued'>): void {
    this.ensure(e.payload.delegateId);
    this.s.issue.run(e.payload.issue, e.payload.delegateId);
  }

  /** A purge is a write of every personal field of every delegate at the purge's clock. */
  purge(hlc: string): void {
    const ids = this.db.prepare('SELECT id FROM delegate').pluck().all() as string[];
    for (const id of ids) this.merge(id, PURGED, hlc, null);
  }

  private ensure(id: string): Row {
    let row = this.s.row.get(id) as Row | undefined;
    if (!row) {
      // An edit can arrive before the delegate it edits: hold it in a row the creation fills in.
      this.s.placeholder.run(id);
      row = this.s.row.get(id) as Row;
    }
    return row;
  }

  /**
   * `at` null: a purge, which changes fields but is not an edit (hlc and updated_at follow edits only). Answers
   * whether the row was created here, already holding `badgeNo` (an import's new delegate: one insert, no updates).
   */
  private merge(id: string, fields: Partial<Columns>, hlc: string, at: string | null, badgeNo = 0): boolean {
    const found = this.s.row.get(id) as Row | undefined;
    if (!found && at !== null) return this.create(id, fields, hlc, at, badgeNo);
    const row = found ?? this.ensure(id);
    const merged = mergeFields<Columns>(readClocks(row.field_hlc, FIELDS), fields, hlc);
    // Writes older than a purge lose to it, whichever arrived first.
    // With no purge ('') this sets nothing: no write is older than the empty clock.
    const erased = mergeFields<Columns>(merged.clocks, PURGED, this.purgeHlc());
    Object.assign(merged.set, erased.set);
    merged.clocks = erased.clocks;
    const next: Row = { ...row, ...merged.set };
    const cols = Object.keys(merged.set) as (keyof Columns)[];
    const search = searchColumnsFor(next);
    // Stryker disable next-line EqualityOperator: equivalent — an equal clock is the same entry applied again, with the same values
    const newer = at !== null && hlc > row.hlc;
    this.updateOf(cols).run({
        ...Object.fromEntries(cols.map((c) => [c, next[c]])),
        ...search,
        field_hlc: writeClocks(merged.clocks, FIELDS),
        hlc: newer ? hlc : row.hlc,
        // Stryker disable next-line ConditionalExpression: equivalent — `newer` already implies at !== null (the check is for the type)
        updated_at: newer && at !== null ? at : row.updated_at,
        // Stryker disable next-line EqualityOperator: equivalent — on equal times either side is the same value
        created_at: at === null || (row.created_at && row.created_at < at) ? row.created_at : at,
        id,
      });
    return false;
  }

  private updateOf(cols: readonly string[]): ReturnType<Db['prepare']> {
    const key = cols.join(',');
    let st = this.updates.get(key);
    if (!st) {
      st = this.db.prepare(`UPDATE delegate SET ${cols.map((c) => `${c} = @${c}, `).join('')} search_text = @search_text, search_keys = @search_keys, sort_key = @sort_key,
        field_hlc = @field_hlc, hlc = @hlc, updated_at = @updated_at, created_at = @created_at WHERE id = @id`);
      this.updates.set(key, st);
    }
    return st;
  }

  /**
   * The first write of a delegate: the same row merge() would leave from an empty placeholder (the same clocks, the
   * same purge rule, the same search columns), written by one insert that already holds the badge number.
   */
  private create(id: string, fields: Partial<Columns>, hlc: string, at: string, badgeNo: number): boolean {
    const merged = mergeFields<Columns>({}, fields, hlc);
    const erased = mergeFields<Columns>(merged.clocks, PURGED, this.purgeHlc());
    // A badge number is the row's only if no one holds it yet (else addBadge decides, as for any other delegate).
    const free = badgeNo > 0 && this.s.badgeHolder.get(badgeNo) === undefined;
    const next: Row = {
      id, badge_no: free ? badgeNo : 0, badge_issue: 1, family_name: '', given_name: '', family_name_kanji: null, given_name_kanji: null,
      family_name_kana: null, given_name_kana: null, organisation: null, country: null, region: null, email: null, role: 'delegate',
      external_code: null, status: 'active', flags: '', ticket_type: null, ...merged.set, ...erased.set,
      field_hlc: writeClocks(erased.clocks, FIELDS), hlc, created_at: at, updated_at: at,
    };
    this.s.insert.run({ ...next, ...searchColumnsFor(next) });
    return free;
  }

  private addBadge(badgeNo: number, delegateId: string, hlc: string, created = false): void {
    if (created) {
      // A new delegate inserted with this free number: their first badge, nothing to refresh.
      this.s.putBadge.run(badgeNo, delegateId, hlc);
      this.claimScans(badgeNo, delegateId);
      return;
    }
    const holder = this.s.badgeHolder.get(badgeNo) as { delegate_id: string; hlc: string } | undefined;
    // Two holders of one number cannot happen with per-device blocks; if it does, the earlier claim keeps it everywhere.
    // Stryker disable next-line EqualityOperator: equivalent — an equal clock is the same entry applied again
    if (!holder || hlc < holder.hlc) {
      this.s.putBadge.run(badgeNo, delegateId, hlc);
      // Stryker disable next-line ConditionalExpression: equivalent — refreshing the same delegate twice (it is refreshed below) changes nothing
      if (holder && holder.delegate_id !== delegateId) this.refreshBadgeNo(holder.delegate_id);
    } else {
      // Stryker disable next-line ConditionalExpression: `true` is equivalent — the holder claiming again finds no scans left to claim (a scan takes the holder when it arrives)
      if (holder.delegate_id !== delegateId) return;
    }
    this.refreshBadgeNo(delegateId);
    this.claimScans(badgeNo, delegateId);
  }

  private refreshBadgeNo(delegateId: string): void {
    const no = (this.s.firstBadge.get(delegateId) as { badge_no: number } | undefined)?.badge_no ?? 0;
    const row = this.s.row.get(delegateId) as Row | undefined;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent — the check only saves rewriting a row with the values it holds
    if (!row || row.badge_no === no) return;
    this.s.setBadgeNo.run(no, delegateId);
    this.s.setSearch.run({ ...searchColumnsFor({ ...row, badge_no: no }), id: delegateId });
  }

  /** Scans of a badge made before this device knew its holder now count for that person. */
  private claimScans(badgeNo: number, delegateId: string): void {
    const keys = this.s.scansOfBadge.all(badgeNo, delegateId) as { target_key: string; admission_day: string; identity_key: string | null }[];
    this.s.claimScans.run(delegateId, delegateId, badgeNo, delegateId);
    for (const k of keys) {
      // Stryker disable next-line ConditionalExpression: equivalent — no scan has a null identity key, so recomputing it finds nothing to change
      if (k.identity_key) this.admissions.recompute(k.target_key, k.identity_key, k.admission_day);
      this.admissions.recompute(k.target_key, delegateId, k.admission_day);
    }
  }
}

export function personalFieldsRemoved(fields: Partial<DelegateColumns>): Partial<DelegateColumns> {
  const out = { ...fields };
  for (const f of PERSONAL_FIELDS) delete out[f];
  return out;
}
