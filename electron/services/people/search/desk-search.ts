// The desk search over the event file: exact and prefix matches first, then the forgiving ones.
//
// 1. exact — the folded query as a substring (FTS5 trigram, 3+ characters), a word prefix (FTS5 words, 1–2
//    characters) or, for one letter, the family names from that letter (sort index);
// 2. spelling — every word has a key in common with a word of the name, or is the start of one (Kunrei-shiki,
//    macrons, voicing, spellings by ear, anglicised Irish names);
// 3. one slip — every word is a key, or one letter away from a name word of five letters or more.
// Each level only fills the places the previous left, so a forgiving match never displaces an exact one; within a
// level, people come in name order (cancelled people last, except among word prefixes, as before).
import type { Db } from '../../../../db/open.js';
import type { DeviceState } from '../../replication/device-state.js';
import { collapseLongVowels, foldText } from '../../model/normalize.js';
import { searchKeysFor, type FuzzySource } from '../../model/search/columns.js';
import { APOSTROPHES_RE, irishAliasKeys, keysOf, letters, slipQueryTokens, typedWord } from '../../model/search/spelling.js';

export interface FindOptions {
  /** false: exact and prefix matches only (selecting whom to print badges for is not the place to guess). */
  forgiving?: boolean;
}

interface ForgivingPlan {
  /** FTS5 query over delegate_keys for the spelling level. */
  spelling: string;
  /** The same with slip tokens, or null when no word is long enough to forgive a slip. */
  slip: string | null;
  /** The first word of one or two letters, as the start of a word ("o brien"), or '' (as the exact level does). */
  short: string;
}

/**
 * Broad queries (two letters, a common syllable, a prefecture) match thousands of people, and sorting them all to
 * show the first twenty meant reading every matching row (~15 ms for "ta" at 100,000 delegates, ~85 ms for "ej").
 * When one name in WALK_FROM or more matches (counted, not read), the name index is walked in order instead, keeping
 * the rows in the match set, and stops at the twentieth. Reading a matching row costs about 40 times what passing an
 * index entry does, so even when the matches all sort last (髙橋: every Takahashi under T) the walk costs no more
 * than the sort would; usually it stops after a few hundred entries. The same people in the same order either way.
 */
class Ranked {
  private readonly count;
  private readonly size;
  private readonly walk;
  private readonly sorted;

  constructor(db: Db, table: 'delegate_fts' | 'delegate_words' | 'delegate_keys', param: string, where: string, activeFirst: boolean) {
    const matches = `SELECT rowid FROM ${table} WHERE ${table} MATCH @${param}`;
    this.count = db.prepare(`SELECT count(*) FROM (${matches} LIMIT @many)`).pluck();
    // About the number of delegates (rowids grow; people are never deleted, only purged), read off the table's last page.
    this.size = db.prepare('SELECT coalesce(max(rowid), 0) FROM delegate').pluck();
    // Active people first: the walk keeps them only, and leaves a list short of cancelled people to the sort.
    this.walk = db.prepare(`SELECT d.id FROM delegate d INDEXED BY delegate_sort WHERE d.rowid IN (${matches})
      ${activeFirst ? "AND d.status = 'active'" : ''} AND ${where} ORDER BY d.sort_key LIMIT @limit`).pluck();
    // Joins rather than rowid IN (…): SQLite then reads the matches straight off the index, without a temporary list.
    this.sorted = db.prepare(`SELECT d.id FROM ${table} m JOIN delegate d ON d.rowid = m.rowid WHERE ${table} MATCH @${param} AND ${where}
      ORDER BY ${activeFirst ? 'd.status, ' : ''}d.sort_key LIMIT @limit`).pluck();
  }

  /** `broad`: the query may match many (short words); otherwise counting would only repeat the search. */
  ids(params: Record<string, string>, limit: number, broad: boolean): string[] {
    const many = broad ? Math.max(WALK_MIN, Math.ceil((this.size.get() as number) / WALK_FROM)) : 0;
    if (broad && (this.count.get({ ...params, many }) as number) >= many) {
      const walked = this.walk.all({ ...params, limit }) as string[];
      if (walked.length >= limit) return walked;
    }
    return this.sorted.all({ ...params, limit }) as string[];
  }
}

// Keys this long or longer also match as the start of a longer key (typing in progress: "yamasa" → Yamazaki).
const KEY_PREFIX_MIN = 4;

/** One match in this many names makes walking the name index cheaper than sorting the matches (see Ranked)… */
const WALK_FROM = 30;
/** …and never for fewer matches than this (a small event sorts everything in no time). */
const WALK_MIN = 200;
/** Trigram queries whose words are all this short or shorter are counted first: they may match thousands. */
const BROAD_WORD_MAX = 4;

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

export class DeskSearch {
  private readonly all;
  private readonly initial;
  private readonly trigram;
  private readonly prefix;
  private readonly keys;

  constructor(
    private readonly db: Db,
    private readonly device: DeviceState,
  ) {
    this.all = db.prepare('SELECT id FROM delegate INDEXED BY delegate_sort ORDER BY sort_key LIMIT ?');
    // One Latin letter: the phone-book answer, family names from that letter, straight off the sort index.
    this.initial = db.prepare('SELECT id FROM delegate WHERE sort_key >= @q AND sort_key < @q || char(1114111) ORDER BY sort_key LIMIT @limit');
    // No ESCAPE clause: it would stop SQLite using the trigram index for LIKE.
    this.trigram = new Ranked(db, 'delegate_fts', 'match', "(@short = '' OR d.search_text LIKE '% ' || @short || '%')", true);
    this.prefix = new Ranked(db, 'delegate_words', 'match', '1', false);
    this.keys = new Ranked(db, 'delegate_keys', 'keys', "(@short = '' OR d.search_text LIKE '% ' || @short || '%')", true);
  }

  /** Ids of the people a desk query means, best first: exact and prefix matches, then by spelling, then one slip. */
  find(query: string, limit: number, opts: FindOptions = {}): string[] {
    const found = this.exact(query, limit);
    if (opts.forgiving === false || found.length >= limit) return found;
    const plan = forgivingPlan(query);
    if (!plan) return found;
    const seen = new Set(found);
    for (const keys of [plan.spelling, plan.slip]) {
      if (keys === null || found.length >= limit) continue;
      // Fetch as many more as were already found: those may come again and are skipped.
      // Broad queries fill the places at the exact level; these are sorted as they are.
      const ids = this.keys.ids({ keys, short: plan.short }, limit - found.length + seen.size, false);
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        found.push(id);
        if (found.length >= limit) break;
      }
    }
    return found;
  }

  private exact(query: string, limit: number): string[] {
    // O'Brien, O’Brien and OBrien alike: the index holds every name without its apostrophes too (not emails).
    const folded = foldText(query.split(/\s+/).map((w) => (w.includes('@') ? w : w.replace(APOSTROPHES_RE, ''))).join(' '));
    const ids = (rows: unknown[]) => (rows as { id: string }[]).map((r) => r.id);
    if (!folded) return ids(this.all.all(limit));
    const words = folded.split(' ');
    const long = words.filter((w) => [...w].length >= 3);
    const short = words.filter((w) => [...w].length < 3);
    if (words.length === 1 && /^[a-z0-9]$/.test(folded)) return ids(this.initial.all({ q: folded, limit }));
    if (long.length === 0) {
      // Only letters and digits make tokens; a lone "-" or "@" typed first matches nothing yet.
      const tokens = words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
      return tokens.length ? this.prefix.ids({ match: tokens.map((w) => `"${w}"*`).join(' AND ') }, limit, true) : [];
    }
    const match = long
      .map((w) => {
        const alt = collapseLongVowels(w);
        return alt !== w && [...alt].length >= 3 ? `(${quote(w)} OR ${quote(alt)})` : quote(w);
      })
      .join(' AND ');
    // Words of five letters or more are selective ("takahashi": ~1,500 of 100,000), shorter ones may not be ("tak").
    return this.trigram.ids({ match, short: short[0] ?? '' }, limit, long.every((w) => [...w].length <= BROAD_WORD_MAX));
  }

  /**
   * Rebuilds the three search indexes from the delegate table (after a bulk import, or a file upgraded to the
   * keys) and resumes indexing row by row. Keys are recomputed only for a file that was written without them.
   */
  rebuild(): void {
    const { db, device } = this;
    db.transaction(() => {
      if (device.searchKeysStale()) {
        // Row-by-row index triggers are off while the keys are rewritten; the rebuild below indexes them.
        device.deferSearchIndex();
        const update = db.prepare('UPDATE delegate SET search_keys = ? WHERE rowid = ?');
        const rows = db
          .prepare('SELECT rowid, family_name AS familyName, given_name AS givenName, family_name_kana AS familyNameKana, given_name_kana AS givenNameKana FROM delegate')
          .all() as (FuzzySource & { rowid: number })[];
        for (const r of rows) update.run(searchKeysFor(r), r.rowid);
        device.searchKeysWritten();
      }
      device.deferSearchIndex();
    }).immediate();
    // One index per transaction, the log checkpointed between them: rebuilt in one, the three left a log bigger than
    // the data (570 MB beside 442 MB at 100k). Indexing stays deferred until the last is done, so a crash in between
    // rebuilds them all at the next open.
    for (const table of ['delegate_fts', 'delegate_words', 'delegate_keys'] as const) {
      db.transaction(() => {
        db.exec(`INSERT INTO ${table}(${table}) VALUES ('rebuild')`);
        if (table === 'delegate_keys') device.resumeSearchIndex();
      }).immediate();
      if (!db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
}

/**
 * The forgiving levels for a query, or null when it has nothing to forgive: a word that is not a name in Latin
 * letters or kana (digits, an email, kanji) is only ever matched exactly. Several words also count as one, for a
 * name registered as one word and typed as two (ben ali → Benali).
 */
export function forgivingPlan(query: string): ForgivingPlan | null {
  const spelling: string[] = [];
  const slip: string[] = [];
  const plains: string[] = [];
  let short = '';
  let slips = false;
  for (const raw of query.trim().split(/\s+/)) {
    if (!raw) continue;
    const word = typedWord(raw);
    if (word === null) return null;
    const plain = letters(word);
    if (plain.length === 0) continue;
    plains.push(plain);
    if (plain.length < 3) {
      short ||= plain;
      continue;
    }
    const [keyTerms, slipTerms] = termsFor(word, plain);
    if (slipTerms.length) slips = true;
    spelling.push(`(${keyTerms.join(' OR ')})`);
    slip.push(`(${[...keyTerms, ...slipTerms].join(' OR ')})`);
  }
  if (spelling.length === 0) return null;
  if (plains.length > 1) {
    const joined = plains.join('');
    const [keyTerms, slipTerms] = termsFor(joined, joined);
    if (slipTerms.length) slips = true;
    spelling.splice(0, spelling.length, `(${spelling.join(' AND ')}) OR ${keyTerms.join(' OR ')}`);
    slip.splice(0, slip.length, `(${slip.join(' AND ')}) OR ${[...keyTerms, ...slipTerms].join(' OR ')}`);
  }
  return { spelling: spelling.join(' AND '), slip: slips ? slip.join(' AND ') : null, short };
}

/** FTS5 terms for one typed word: its keys (as a start when long enough) and its slip tokens. */
function termsFor(word: string, plain: string): [keys: string[], slips: string[]] {
  const keys = [...new Set([...keysOf(word), ...irishAliasKeys(plain)])].map((k) => (k.length >= KEY_PREFIX_MIN ? `"${k}"*` : `"${k}"`));
  return [keys, slipQueryTokens(plain).map((t) => `"${t}"`)];
}
