import { flagsOf } from '../model/delegate-row.js';
import type { DelegateFlag } from '../../api/vocabulary.js';
import type { Delegate, DelegateHit, Role } from '../../api/contract.js';
import { newId, ServiceError, type Core } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import { MAX_ISSUE } from '../model/badge-token.js';
import { codeKey } from '../model/code-key.js';
import { commonShapes } from '../model/code-shapes.js';
import { delegateIdFor } from '../model/delegate-id.js';
import { collapseLongVowels, foldText } from '../model/normalize.js';
import type { DelegateColumns, ExternalCode } from '../replication/entries.js';
import type { BadgeNumbers } from './badge-numbers.js';
import { DeskSearch, type FindOptions } from './search/desk-search.js';

export type { DelegateFields } from '../model/delegate-fields.js';
import type { DelegateFields } from '../model/delegate-fields.js';

export { toDelegate, type DelegateRow } from '../model/delegate-row.js';
import { toDelegate, type DelegateRow } from '../model/delegate-row.js';

/**
 * Characters nobody types into a name: C0/C1 controls (NUL hides a formula from a neutraliser: "\u0000=1+1"),
 * zero-width and bidirectional overrides (which reorder what the desk sees). Line breaks and tabs become spaces.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
export function stripControls(s: string, keepLineBreaks = false): string {
  const visible = s.replace(INVISIBLE, '');
  if (keepLineBreaks) return visible.replace(/[\t\v\f\u2028\u2029]/g, ' ');
  return visible.replace(/[\t\n\v\f\r\u2028\u2029]+/g, ' ');
}
/** An organisation may be written on two lines (as on a letterhead); a name never is. */
const nfc = (s: string | null | undefined, keepLineBreaks = false): string | null => {
  if (s == null) return null;
  const clean = stripControls(s, keepLineBreaks).normalize('NFC').trim();
  return clean === '' ? null : clean;
};

const SELECT_DELEGATE = `SELECT id, badge_no, badge_issue, family_name, given_name, family_name_kanji, given_name_kanji,
  family_name_kana, given_name_kana, organisation, country, region, email, role, external_code, status, flags, ticket_type FROM delegate`;

/** Delegates: who they are, how the desk finds them, and their badge numbers. */
/** The desk's filters on a search (all optional): arrived at the venue or not yet, a role, a country as stored. */
export interface SearchFilters {
  arrived?: boolean;
  role?: Role;
  country?: string;
  /** Only people an import flagged (reading guessed, role word unknown…) and not cancelled: "needs attention". */
  attention?: boolean;
}

/** How far down the ranking a filtered search reads (a filter that almost nobody passes stops here). */
const MAX_FILTER_WINDOW = 20_000;

export class Delegates {
  private readonly byId;
  private readonly byBadgeNo;
  private readonly byExternalCode;
  private readonly finder;
  private readonly byIds;
  private readonly emailTaken;
  private readonly byEmail;
  private readonly registered;
  private readonly allCodes;
  private readonly byCodeKey;
  private readonly codesOf;
  /** Code shapes as of `dataVersion` (another connection's write changes it; our own writes drop the memo). */
  private shapes: { dataVersion: number; value: string[] } | null = null;

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly badgeNumbers: BadgeNumbers,
  ) {
    const { db } = core;
    this.byId = db.prepare(`${SELECT_DELEGATE} WHERE id = ?`);
    // Every number a delegate holds identifies them (one registration imported on two offline desks holds two).
    this.byBadgeNo = db.prepare(`${SELECT_DELEGATE} WHERE id = (SELECT delegate_id FROM badge WHERE badge_no = ?)`);
    this.byExternalCode = db.prepare(`${SELECT_DELEGATE} WHERE external_code = ? LIMIT 1`);
    this.emailTaken = db.prepare('SELECT 1 FROM delegate WHERE email = ? COLLATE NOCASE LIMIT 1');
    this.byEmail = db.prepare(`${SELECT_DELEGATE} WHERE email = ? COLLATE NOCASE ORDER BY created_at LIMIT 1`);
    this.registered = db.prepare('SELECT 1 FROM registration WHERE delegate_id = ? AND target_id = ?');
    // A code held by two people (one order, two tickets) names neither: at most two rows tell that apart.
    this.byCodeKey = db.prepare(`SELECT DISTINCT delegate_id FROM delegate_code WHERE active = 1
      AND ((code_key = @exact AND ci = 0) OR (code_key = @upper AND ci = 1)) LIMIT 2`).pluck();
    this.codesOf = db.prepare('SELECT code, ci, kind FROM delegate_code WHERE delegate_id = ? AND active = 1 ORDER BY code_key');
    this.allCodes = db.prepare("SELECT external_code FROM delegate WHERE external_code IS NOT NULL AND status = 'active'").pluck();
    // Codes change by our own writes and by entries from other devices: both come through the replica.
    core.replica.onApplied((types) => {
      if (types.has('delegate.upserted') || types.has('delegate.cancelled') || types.has('privacy.purged')) this.shapes = null;
    });
    this.finder = new DeskSearch(db, core.device);
    this.byIds = db.prepare(`${SELECT_DELEGATE} WHERE id IN (SELECT value FROM json_each(?))`);
  }

  get(id: string): DelegateRow {
    const row = this.byId.get(id) as DelegateRow | undefined;
    if (!row) throw new ServiceError('not_found', `No delegate with id ${id}.`, { key: 'no_delegate', values: { key: id } });
    return row;
  }

  findByBadgeNo(badgeNo: number): DelegateRow | undefined {
    return this.byBadgeNo.get(badgeNo) as DelegateRow | undefined;
  }

  /**
   * The delegate a code names: their registration code, or one of the codes of the system they registered with
   * (order codes case-insensitively). A code shared by several people (an order code of a two-ticket order) is no one's.
   */
  findByExternalCode(code: string): DelegateRow | undefined {
    const direct = this.byExternalCode.get(code) as DelegateRow | undefined;
    if (direct) return direct;
    const exact = code.normalize('NFKC').trim();
    const ids = this.byCodeKey.all({ exact, upper: exact.toUpperCase() }) as string[];
    return ids.length === 1 ? (this.byId.get(ids[0]) as DelegateRow | undefined) : undefined;
  }

  /** The codes a delegate holds besides their registration code. */
  externalCodes(id: string): ExternalCode[] {
    return (this.codesOf.all(id) as { code: string; ci: number; kind: ExternalCode['kind'] }[]).map((r) => ({ code: r.code, ci: r.ci === 1, kind: r.kind }));
  }

  /** Gives a delegate more codes (kept as well as the earlier ones); one log entry, only for codes they lack. */
  addCodes(id: string, codes: readonly ExternalCode[]): void {
    const held = new Set(this.externalCodes(id).map(codeKey));
    const add: ExternalCode[] = [];
    for (const c of codes) {
      const key = codeKey(c);
      if (!key || held.has(key)) continue;
      held.add(key);
      add.push({ ...c, code: c.code.normalize('NFKC').trim() });
    }
    if (add.length) this.core.commit('delegate.codes', { delegateId: id, add, remove: [] });
  }

  findByIdOrEmail(key: string): DelegateRow | undefined {
    return (this.byId.get(key) ?? this.byEmail.get(key)) as DelegateRow | undefined;
  }

  /**
   * Adds a delegate; call inside a transaction. A registration seen on two devices gets the same id (from its code
   * or email), so importing one file on two offline desks does not make two people.
   */
  insert(fields: DelegateFields, opts: { id?: string } = {}): DelegateRow {
    const rec = this.clean(fields);
    if (rec.email && this.emailTaken.get(rec.email))
      throw new ServiceError('conflict', `A delegate with the email ${rec.email} is already registered.`, { key: 'duplicate_email', values: { email: rec.email ?? '' } });
    if (!hasName(rec)) throw new ServiceError('bad_input', 'A delegate needs a name.', { key: 'name_required', values: {} });
    let id = opts.id ?? (rec.external_code || rec.email ? delegateIdFor(this.event.id(), rec) : newId('d'));
    // The derived id is taken here by someone whose code or email has since changed: this is another person.
    if (!opts.id && this.byId.get(id)) id = newId('d');
    this.core.commit('delegate.upserted', { id, badgeNo: this.badgeNumbers.next(), fields: rec, at: this.core.nowIso() });
    return this.get(id);
  }

  /** Changes a delegate's details (last writer wins per field); badge number, issue and check-ins stay. */
  update(id: string, fields: DelegateFields): DelegateRow {
    const before = this.get(id);
    const rec = this.clean({ ...fields, role: fields.role ?? before.role, externalCode: fields.externalCode ?? before.external_code, flags: fields.flags ?? before.flags, ticketType: fields.ticketType === undefined ? before.ticket_type : fields.ticketType });
    if (!hasName(rec)) throw new ServiceError('bad_input', 'A delegate needs a name.', { key: 'name_required', values: {} });
    const other = rec.email ? (this.byEmail.get(rec.email) as DelegateRow | undefined) : undefined;
    if (other && other.id !== id) throw new ServiceError('conflict', `A delegate with the email ${rec.email} is already registered.`, { key: 'duplicate_email', values: { email: rec.email ?? '' } });
    // Only what changed travels: another desk's edit of another field of this person stays.
    const changed = Object.fromEntries(Object.entries(rec).filter(([k, v]) => before[k as keyof DelegateRow] !== v)) as Partial<DelegateColumns>;
    if (Object.keys(changed).length) this.core.commit('delegate.upserted', { id, fields: changed, at: this.core.nowIso() });
    return this.get(id);
  }

  /**
   * Settles flags the desk has dealt with: a clerk confirming a guessed reading on the card (one key), or saving the
   * person's details (a reading, an address and a role then stand as the clerk left them). Call inside a transaction.
   */
  settleFlags(id: string, settled: readonly DelegateFlag[]): DelegateRow {
    const before = this.get(id);
    const flags = flagsOf(before.flags).filter((f) => !settled.includes(f)).join(' ');
    if (flags !== before.flags) this.core.commit('delegate.upserted', { id, fields: { flags }, at: this.core.nowIso() });
    return this.get(id);
  }

  /** Cancels a registration (or restores it): the badge is then refused everywhere with the reason "cancelled". */
  setCancelled(id: string, cancelled: boolean): DelegateRow {
    this.get(id);
    this.core.commit('delegate.cancelled', { id, cancelled, at: this.core.nowIso() });
    return this.get(id);
  }

  private clean(fields: DelegateFields): DelegateColumns {
    return {
      family_name: nfc(fields.familyName) ?? '',
      given_name: nfc(fields.givenName) ?? '',
      family_name_kanji: nfc(fields.familyNameKanji),
      given_name_kanji: nfc(fields.givenNameKanji),
      family_name_kana: nfc(fields.familyNameKana),
      given_name_kana: nfc(fields.givenNameKana),
      organisation: nfc(fields.organisation, true),
      country: nfc(fields.country),
      region: nfc(fields.region),
      email: nfc(fields.email)?.toLowerCase() ?? null,
      role: fields.role ?? ('delegate' as Role),
      external_code: nfc(fields.externalCode),
      flags: fields.flags ?? '',
      ticket_type: nfc(fields.ticketType),
    };
  }

  /**
   * The shapes of the registration codes (see EventInfo.codeShapes). Reading every code costs tens of ms at 50,000
   * delegates and every screen asks for the event often, so the answer is kept until the codes can have changed.
   */
  codeShapes(): string[] {
    const dataVersion = this.core.db.pragma('data_version', { simple: true }) as number;
    if (this.shapes?.dataVersion !== dataVersion) this.shapes = { dataVersion, value: commonShapes(this.allCodes.iterate() as Iterable<string>) };
    return this.shapes.value;
  }

  /** Signs a delegate up for sessions, buses or meetings (by target id); one log entry for the lot. */
  register(delegateId: string, targetIds: readonly string[]): void {
    const add = [...new Set(targetIds)].filter((t) => !this.registered.get(delegateId, t));
    if (add.length) this.core.commit('registration.changed', { delegateId, add, remove: [] });
  }

  /** Takes a delegate off sessions, buses or meetings. */
  unregister(delegateId: string, targetIds: readonly string[]): void {
    const remove = [...new Set(targetIds)].filter((t) => this.registered.get(delegateId, t));
    if (remove.length) this.core.commit('registration.changed', { delegateId, add: [], remove });
  }

  /**
   * Makes the delegate's registrations among `universe` (the sessions and buses a picker showed) exactly `wanted`:
   * one entry adding and removing what differs; registrations outside the universe (meetings) are left alone.
   */
  setRegistrations(delegateId: string, wanted: readonly string[], universe: ReadonlySet<string>): void {
    const want = new Set(wanted);
    const add = [...want].filter((t) => !this.registered.get(delegateId, t));
    const remove = [...universe].filter((t) => !want.has(t) && this.registered.get(delegateId, t));
    if (add.length || remove.length) this.core.commit('registration.changed', { delegateId, add, remove });
  }

  isRegistered(delegateId: string, targetId: string): boolean {
    return this.registered.get(delegateId, targetId) !== undefined;
  }

  /** Bulk writes: stop indexing row by row (see the migration's triggers); rebuildSearchIndex() ends it. */
  deferSearchIndex(): void {
    this.core.device.deferSearchIndex();
  }

  /** Rebuilds the search indexes from the delegate table and resumes row-by-row indexing. */
  rebuildSearchIndex(): void {
    this.finder.rebuild();
  }

  searchIndexDeferred(): boolean {
    return this.core.device.searchIndexDeferred();
  }

  /** Reprint: the next issue number; the older badge then scans as revoked. */
  reissue(id: string): DelegateRow {
    return this.core.tx(() => {
      const row = this.get(id);
      if (row.badge_issue >= MAX_ISSUE) throw new ServiceError('conflict', 'This badge has been reprinted too many times; register the person again.', { key: 'reissue_limit', values: {} });
      this.core.commit('badge.reissued', { delegateId: id, issue: row.badge_issue + 1 });
      return this.get(id);
    });
  }

  tokenFor(row: DelegateRow): string | null {
    if (row.status !== 'active') return null;
    return this.event.tokens().issue({ badgeNo: row.badge_no, issue: row.badge_issue });
  }

  /** The desk search (services/people/search): exact and prefix matches first, then the forgiving ones. */
  /** Every country given, with how many delegates gave it (the desk's country filter lists them all). */
  countries(): { country: string; delegates: number }[] {
    return this.core.db
      .prepare("SELECT country, count(*) AS delegates FROM delegate WHERE country IS NOT NULL AND trim(country) <> '' GROUP BY country ORDER BY country")
      .all() as { country: string; delegates: number }[];
  }

  search(query: string, limit: number, opts: FindOptions = {}, filters: SearchFilters = {}): DelegateHit[] {
    const filtered = filters.arrived !== undefined || filters.role !== undefined || filters.country !== undefined || filters.attention !== undefined;
    if (!filtered) return this.hits(this.finder.find(query, limit, opts));
    // Filters keep the search's order: the same ranking, read further down until enough pass (or nobody is left).
    const country = filters.country?.trim().toLowerCase();
    const pass = (h: DelegateHit) =>
      (filters.arrived === undefined || h.arrived === filters.arrived) &&
      (filters.role === undefined || h.role === filters.role) &&
      (country === undefined || (h.country ?? '').trim().toLowerCase() === country) &&
      (filters.attention === undefined || (h.flags.length > 0 && h.status === 'active') === filters.attention);
    for (let window = limit * 5; ; window *= 5) {
      const ids = this.finder.find(query, Math.min(window, MAX_FILTER_WINDOW), opts);
      const hits = this.hits(ids).filter(pass);
      if (hits.length >= limit || ids.length < window || window >= MAX_FILTER_WINDOW) return hits.slice(0, limit);
    }
  }

  private hits(ids: string[]): DelegateHit[] {
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

/** A name in any script: a kanji name whose reading the dictionary lacks is still a person (flagged reading_missing). */
function hasName(r: DelegateColumns): boolean {
  return !!(r.family_name || r.given_name || r.family_name_kanji || r.given_name_kanji || r.family_name_kana || r.given_name_kana);
}
