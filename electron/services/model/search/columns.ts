// What the search index holds for one delegate, computed from their fields wherever a delegate is written.
// Changing what searchKeysFor returns changes the index: add a migration that sets meta 'search_keys_stale' and
// 'fts_deferred' (as 003 does) so files already written get the new keys when next opened.
import { kanaToRomaji, searchTextFor, type SearchableDelegate } from '../normalize.js';
import { fuzzyTokens } from './spelling.js';

export type FuzzySource = Pick<SearchableDelegate, 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana'>;

export interface SearchColumns {
  /** Every way the name, organisation, email and codes are typed, for exact and prefix matches (FTS5 trigram + words). */
  search_text: string;
  /** Spelling keys and slip tokens of the names (FTS5 delegate_keys), for the forgiving matches. */
  search_keys: string;
}

// Readings repeat even more than names (サトウ, ヨウコ): romanise each once per batch of this size.
const ROMAJI_MEMO_MAX = 20_000;
const romajiMemo = new Map<string, string>();

function romaji(kana: string): string {
  let r = romajiMemo.get(kana);
  if (r === undefined) {
    if (romajiMemo.size >= ROMAJI_MEMO_MAX) romajiMemo.clear();
    r = kanaToRomaji(kana);
    romajiMemo.set(kana, r);
  }
  return r;
}

/** The fuzzy index of a delegate: the Latin names and the kana readings in romaji. */
export function searchKeysFor(d: FuzzySource): string {
  const key = `${d.familyName}\u0000${d.givenName}\u0000${d.familyNameKana ?? ''}\u0000${d.givenNameKana ?? ''}`;
  let keys = keysMemo.get(key);
  if (keys === undefined) {
    if (keysMemo.size >= ROMAJI_MEMO_MAX) keysMemo.clear();
    keys = spellingKeys(d);
    keysMemo.set(key, keys);
  }
  return keys;
}

// The same names give the same keys: computed once per distinct name (an import repeats names by the thousand).
const keysMemo = new Map<string, string>();

function spellingKeys(d: FuzzySource): string {
  const names = [d.familyName, d.givenName];
  for (const kana of [d.familyNameKana, d.givenNameKana]) if (kana) names.push(romaji(kana));
  return fuzzyTokens(names).join(' ');
}

export function searchColumnsFor(d: SearchableDelegate): SearchColumns {
  return { search_text: searchTextFor(d), search_keys: searchKeysFor(d) };
}
