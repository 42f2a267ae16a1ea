import type { Delegate, DelegateHit, Role } from '../../api/contract.js';
import { MAX_BADGE_NO, MAX_ISSUE } from '../badges/token.js';
import { newId, ServiceError, type Core } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import { foldText } from './normalize.js';
import { searchColumnsFor } from './search/columns.js';
import { DeskSearch, type FindOptions } from './search/desk-search.js';

export interface DelegateFields {
  familyName: string;
  givenName: string;
  familyNameKanji?: string | null;
  givenNameKanji?: string | null;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  organisation?: string | null;
  country?: string | null;
  region?: string | null;
  email?: string | null;
  role?: Role;
  externalCode?: string | null;
}

export interface DelegateRow {
  id: string;
  badge_no: number;
  badge_issue: number;
  family_name: string;
  given_name: string;
  family_name_kanji: string | null;
  given_name_kanji: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  organisation: string | null;
  country: string | null;
  region: string | null;
  email: string | null;
  role: Role;
  external_code: string | null;
  status: 'active' | 'cancelled';
}

export function toDelegate(r: DelegateRow): Delegate {
  return {
    id: r.id,
    badgeNo: r.badge_no,
    badgeIssue: r.badge_issue,
    familyName: r.family_name,
    givenName: r.given_name,
    familyNameKanji: r.family_name_kanji,
    givenNameKanji: r.given_name_kanji,
    familyNameKana: r.family_name_kana,
    givenNameKana: r.given_name_kana,
    organisation: r.organisation,
    country: r.country,
    region: r.region,
    email: r.email,
    role: r.role,
    externalCode: r.external_code,
    status: r.status,
  };
}

const nfc = (s: string | null | undefined): string | null => (s == null || s.trim() === '' ? null : s.normalize('NFC').trim());

const SELECT_DELEGATE = `SELECT id, badge_no, badge_issue, family_name, given_name, family_name_kanji, given_name_kanji,
  family_name_kana, given_name_kana, organisation, country, region, email, role, external_code, status FROM delegate`;

/** Delegates: who they are, how the desk finds them, and their badge numbers. */
export class Delegates {
  private readonly byId;
  private readonly byBadgeNo;
  private readonly byExternalCode;
  private readonly insertStmt;
  private readonly finder;
  private readonly byIds;
  private readonly emailTaken;
  private readonly byEmail;
  private readonly maxBadgeNo;
  private readonly addRegistration;
  private readonly registered;

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
  ) {
    const { db } = core;
    this.byId = db.prepare(`${SELECT_DELEGATE} WHERE id = ?`);
    this.byBadgeNo = db.prepare(`${SELECT_DELEGATE} WHERE badge_no = ?`);
    this.byExternalCode = db.prepare(`${SELECT_DELEGATE} WHERE external_code = ? LIMIT 1`);
    this.emailTaken = db.prepare('SELECT 1 FROM delegate WHERE email = ? COLLATE NOCASE');
    this.byEmail = db.prepare(`${SELECT_DELEGATE} WHERE email = ? COLLATE NOCASE`);
    this.maxBadgeNo = db.prepare('SELECT coalesce(max(badge_no), 0) + 1 AS n FROM delegate');
    this.addRegistration = db.prepare('INSERT OR IGNORE INTO registration (delegate_id, target_id) VALUES (?, ?)');
    this.registered = db.prepare('SELECT 1 FROM registration WHERE delegate_id = ? AND target_id = ?');
    this.insertStmt = db.prepare(`INSERT INTO delegate (id, event_id, badge_no, badge_issue, family_name, given_name, family_name_kanji,
      given_name_kanji, family_name_kana, given_name_kana, organisation, country, region, email, role, external_code, status,
      search_text, search_keys, sort_key, hlc, created_at, updated_at)
      VALUES (@id, @event_id, @badge_no, 1, @family_name, @given_name, @family_name_kanji, @given_name_kanji, @family_name_kana,
      @given_name_kana, @organisation, @country, @region, @email, @role, @external_code, 'active', @search_text, @search_keys, @sort_key, @hlc, @now, @now)`);
    this.finder = new DeskSearch(db);
    this.byIds = db.prepare(`${SELECT_DELEGATE} WHERE id IN (SELECT value FROM json_each(?))`);
  }

  get(id: string): DelegateRow {
    const row = this.byId.get(id) as DelegateRow | undefined;
    if (!row) throw new ServiceError('not_found', `No delegate with id ${id}.`);
    return row;
  }

  findByBadgeNo(badgeNo: number): DelegateRow | undefined {
    return this.byBadgeNo.get(badgeNo) as DelegateRow | undefined;
  }

  findByExternalCode(code: string): DelegateRow | undefined {
    return this.byExternalCode.get(code) as DelegateRow | undefined;
  }

  findByIdOrEmail(key: string): DelegateRow | undefined {
    return (this.byId.get(key) ?? this.byEmail.get(key)) as DelegateRow | undefined;
  }

  nextBadgeNo(): number {
    const { n } = this.maxBadgeNo.get() as { n: number };
    if (n > MAX_BADGE_NO) throw new ServiceError('conflict', 'No badge numbers left for this event.');
    return n;
  }

  /** Adds a delegate; call inside a transaction (it logs the change). */
  insert(fields: DelegateFields, opts: { id?: string; badgeNo?: number } = {}): DelegateRow {
    const id = opts.id ?? newId('d');
    const badgeNo = opts.badgeNo ?? this.nextBadgeNo();
    const rec = { id, event_id: this.event.id(), badge_no: badgeNo, ...this.clean(fields) };
    if (rec.email && this.emailTaken.get(rec.email))
      throw new ServiceError('conflict', `A delegate with the email ${rec.email} is already registered.`);
    if (!rec.family_name && !rec.given_name) throw new ServiceError('bad_input', 'A delegate needs a name.');
    const hlc = this.core.clock.tick();
    this.insertStmt.run({ ...rec, ...this.searchColumns(rec), hlc, now: this.core.nowIso() });
    this.core.log.append('delegate.upserted', { ...rec, badge_issue: 1 }, hlc);
    return this.get(id);
  }

  /** Changes a delegate's details (last writer wins by clock); badge number, issue and check-ins stay. */
  update(id: string, fields: DelegateFields): DelegateRow {
    const before = this.get(id);
    const rec = this.clean({ ...fields, role: fields.role ?? before.role, externalCode: fields.externalCode ?? before.external_code });
    if (!rec.family_name && !rec.given_name) throw new ServiceError('bad_input', 'A delegate needs a name.');
    const other = rec.email ? (this.byEmail.get(rec.email) as DelegateRow | undefined) : undefined;
    if (other && other.id !== id) throw new ServiceError('conflict', `A delegate with the email ${rec.email} is already registered.`);
    const hlc = this.core.clock.tick();
    this.core.db
      .prepare(`UPDATE delegate SET family_name = @family_name, given_name = @given_name, family_name_kanji = @family_name_kanji,
        given_name_kanji = @given_name_kanji, family_name_kana = @family_name_kana, given_name_kana = @given_name_kana,
        organisation = @organisation, country = @country, region = @region, email = @email, role = @role,
        external_code = @external_code, search_text = @search_text, search_keys = @search_keys, sort_key = @sort_key, hlc = @hlc, updated_at = @now WHERE id = @id`)
      .run({ ...rec, ...this.searchColumns({ ...rec, badge_no: before.badge_no }), hlc, now: this.core.nowIso(), id });
    this.core.log.append('delegate.upserted', { id, ...rec, badge_no: before.badge_no }, hlc);
    return this.get(id);
  }

  private clean(fields: DelegateFields) {
    return {
      family_name: nfc(fields.familyName) ?? '',
      given_name: nfc(fields.givenName) ?? '',
      family_name_kanji: nfc(fields.familyNameKanji),
      given_name_kanji: nfc(fields.givenNameKanji),
      family_name_kana: nfc(fields.familyNameKana),
      given_name_kana: nfc(fields.givenNameKana),
      organisation: nfc(fields.organisation),
      country: nfc(fields.country),
      region: nfc(fields.region),
      email: nfc(fields.email)?.toLowerCase() ?? null,
      role: fields.role ?? ('delegate' as Role),
      external_code: nfc(fields.externalCode),
    };
  }

  private searchColumns(rec: ReturnType<Delegates['clean']> & { badge_no: number }) {
    return {
      ...searchColumnsFor({
        familyName: rec.family_name,
        givenName: rec.given_name,
        familyNameKanji: rec.family_name_kanji,
        givenNameKanji: rec.given_name_kanji,
        familyNameKana: rec.family_name_kana,
        givenNameKana: rec.given_name_kana,
        organisation: rec.organisation,
        email: rec.email,
        badgeNo: rec.badge_no,
        externalCode: rec.external_code,
      }),
      sort_key: foldText(`${rec.family_name} ${rec.given_name}`),
    };
  }

  /** Signs a delegate up for sessions, buses or meetings (by target id); one log entry for the lot. */
  register(delegateId: string, targetIds: readonly string[]): void {
    const added = targetIds.filter((t) => this.addRegistration.run(delegateId, t).changes > 0);
    if (added.length) this.core.log.append('registration.added', { delegateId, targetIds: added });
  }

  isRegistered(delegateId: string, targetId: string): boolean {
    return this.registered.get(delegateId, targetId) !== undefined;
  }

  /** Bulk writes: stop indexing row by row (see the migration's triggers); rebuildSearchIndex() ends it. */
  deferSearchIndex(): void {
    this.core.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('fts_deferred', '1')").run();
  }

  /** Rebuilds the search indexes from the delegate table and resumes row-by-row indexing. */
  rebuildSearchIndex(): void {
    this.finder.rebuild();
  }

  searchIndexDeferred(): boolean {
    return this.core.db.prepare("SELECT 1 FROM meta WHERE key = 'fts_deferred'").get() !== undefined;
  }

  /** Reprint: the next issue number; the older badge then scans as revoked. */
  reissue(id: string): DelegateRow {
    return this.core.tx(() => {
      const row = this.get(id);
      if (row.badge_issue >= MAX_ISSUE) throw new ServiceError('conflict', 'This badge has been reprinted too many times; register the person again.');
      const hlc = this.core.clock.tick();
      this.core.db.prepare('UPDATE delegate SET badge_issue = badge_issue + 1, hlc = ?, updated_at = ? WHERE id = ?').run(hlc, this.core.nowIso(), id);
      this.core.log.append('badge.reissued', { delegateId: id, issue: row.badge_issue + 1 }, hlc);
      return this.get(id);
    });
  }

  tokenFor(row: DelegateRow): string | null {
    if (row.status !== 'active') return null;
    return this.event.tokens().issue({ badgeNo: row.badge_no, issue: row.badge_issue });
  }

  /** The desk search (services/people/search): exact and prefix matches first, then the forgiving ones. */
  search(query: string, limit: number, opts: FindOptions = {}): DelegateHit[] {
    const ids = this.finder.find(query, limit, opts);
    const byId = new Map((this.byIds.all(JSON.stringify(ids)) as DelegateRow[]).map((r) => [r.id, r]));
    const rows = ids.map((id) => byId.get(id)).filter((r): r is DelegateRow => r !== undefined);
    const arrived = this.arrivedSet(ids);
    return rows.map((r) => ({ ...toDelegate(r), arrived: arrived.has(r.id) }));
  }

  private arrivedSet(ids: string[]): Set<string> {
    if (ids.length === 0) return new Set();
    let venue: string;
    try {
      venue = this.event.venueCheckpoint().id;
    } catch {
      return new Set();
    }
    const placeholders = ids.map(() => '?').join(',');
    const rows = this.core.db
      .prepare(`SELECT DISTINCT delegate_id AS id FROM admission WHERE target_key = ? AND delegate_id IN (${placeholders})`)
      .all(venue, ...ids) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }
}
