// Normalising names for search, so that the desk finds people however their name is typed:
// diacritics ignored (Müller ← muller, mueller), Japanese by kanji, kana or romaji (髙橋 ← 高橋, タカハシ, takahashi),
// long vowels either way (kondou, kondo, kondoh), full-width and half-width alike.
import * as wanakana from 'wanakana';
import type { DelegateFields } from './delegate-fields.js';

/** A character class of the keys of a fold table (one regular expression, built once). */
function anyKeyOf(table: Record<string, string>): RegExp {
  // Stryker disable next-line StringLiteral: equivalent — a character added to the class is replaced by itself (`?? c`)
  const chars = Object.keys(table).join('');
  return new RegExp(`[${chars}]`, 'gu');
}

// Variant kanji found in registers but rarely typed: fold to the form a keyboard gives.
const KANJI_VARIANTS: Record<string, string> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 邊: '辺', 邉: '辺', 濵: '浜', 濱: '浜', 齋: '斎', 齊: '斎', 斉: '斎',
  澤: '沢', 櫻: '桜', 廣: '広', 德: '徳', 眞: '真', 國: '国', 藏: '蔵', 龍: '竜', 𠮷: '吉', 槗: '橋', 﨣: '橋',
};
const KANJI_VARIANT_RE = anyKeyOf(KANJI_VARIANTS);

// Latin letters that carry no combining mark in Unicode and so survive NFKD.
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h',
};
const LATIN_FOLD_RE = anyKeyOf(LATIN_FOLDS);

// Only Latin combining marks (U+0300–U+036F): stripping every \p{M} would turn が into か.
const LATIN_MARKS_RE = /[\u0300-\u036f]/g;

/** Lower case, NFKC, Latin accents off, variant kanji folded, katakana as hiragana. */
export function foldText(s: string): string {
  let t = s.normalize('NFKC').toLowerCase();
  t = t.replace(KANJI_VARIANT_RE, (c) => KANJI_VARIANTS[c] ?? c);
  // German umlauts are typed as ae/oe/ue as often as a/o/u: keep the spelled-out form as a variant elsewhere.
  t = t.normalize('NFKD').replace(LATIN_MARKS_RE, '').normalize('NFC');
  t = t.replace(LATIN_FOLD_RE, (c) => LATIN_FOLDS[c] ?? c);
  t = toHiraganaOnly(t);
  return t.replace(/\s+/g, ' ').trim();
}

/** Katakana → hiragana without romanising Latin letters (wanakana.toHiragana would turn "ono" into おの). */
function toHiraganaOnly(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Spelled-out umlauts: Müller → mueller. */
function umlautSpelled(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue');
}

/** One romanisation of long vowels for both sides: kondou/kondoh/kondo → kondo, oono/ohno/ono → ono. */
export function collapseLongVowels(s: string): string {
  return s
    .replace(/ou/g, 'o')
    .replace(/oh(?![aeiouy])/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/oo/g, 'o')
    .replace(/ei(?=[^aeiou]|$)/g, 'e')
    .replace(/aa/g, 'a')
    .replace(/ii/g, 'i');
}

/** Without spaces, hyphens, apostrophes and dots: "Ó Briain" → "obriain", "Müller-Łukasiewicz" → "mullerlukasiewicz". */
function compact(s: string): string {
  return s.replace(/[\s\-'’‘.·・=＝]/gu, '');
}

export function kanaToRomaji(kana: string): string {
  return wanakana.toRomaji(toHiraganaOnly(kana.normalize('NFKC')));
}

/** A name in Latin letters from its kana reading, as Japanese passports write it: コンドウ → Kondo, オオノ → Ono. */
export function passportRomaji(kana: string): string {
  return kana
    .trim()
    .split(/[\s\u3000]+/)
    .map((part) => {
      const r = kanaToRomaji(part).replace(/ou/g, 'o').replace(/uu/g, 'u').replace(/oo/g, 'o');
      return r.charAt(0).toUpperCase() + r.slice(1);
    })
    .join(' ');
}

export type SearchableDelegate = Pick<DelegateFields, 'familyName' | 'givenName' | 'familyNameKanji' | 'givenNameKanji' | 'familyNameKana' | 'givenNameKana' | 'organisation' | 'email' | 'externalCode'> & { badgeNo: number };

/**
 * The text the search index holds for one delegate: every way a person at the desk may type them, as words
 * separated by spaces (a leading space lets a short query match a word start with LIKE '% q%').
 */
export function searchTextFor(d: SearchableDelegate): string {
  const words = new Set<string>(nameWords(d));
  const add = (s: string | null | undefined) => {
    if (!s) return;
    for (const w of foldedWords(s)) words.add(w);
  };
  add(d.organisation);
  if (d.email) words.add(d.email.toLowerCase());
  words.add(String(d.badgeNo));
  if (d.externalCode) words.add(foldText(d.externalCode));
  return ` ${[...words].join(' ')}`;
}

// Names and organisations repeat across an import (thousands of Satō, one organisation per dozens of people):
// each is folded once per this many distinct values, which is most of an import's search-column cost.
const WORDS_MEMO_MAX = 20_000;
const nameMemo = new Map<string, readonly string[]>();
const foldMemo = new Map<string, readonly string[]>();

function remember<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= WORDS_MEMO_MAX) memo.clear();
    v = make();
    memo.set(key, v);
  }
  return v;
}

/** A value folded, and its compact form when that differs. */
function foldedWords(s: string): readonly string[] {
  return remember(foldMemo, s, () => {
    const f = foldText(s);
    if (!f) return [];
    const c = compact(f);
    return c !== f ? [f, c] : [f];
  });
}

/** The words of a delegate's names in every script, in index order. */
function nameWords(d: SearchableDelegate): readonly string[] {
  const key = [d.familyName, d.givenName, d.familyNameKanji, d.givenNameKanji, d.familyNameKana, d.givenNameKana].map((x) => x ?? '').join('\u0000');
  return remember(nameMemo, key, () => {
    const words = new Set<string>();
    const add = (s: string | null | undefined) => {
      if (!s) return;
      for (const w of foldedWords(s)) words.add(w);
    };
    // Each part once: a multi-word query matches word by word, so "family given" combinations add nothing but index size.
    add(d.familyName);
    add(d.givenName);
    for (const n of [d.familyName, d.givenName]) {
      const spelled = umlautSpelled(n);
      // Stryker disable next-line MethodExpression: equivalent — without an umlaut the spelled-out form folds to the words already added
      if (spelled !== n.toLowerCase()) add(spelled);
    }
    add(d.familyNameKanji);
    add(d.givenNameKanji);
    if (d.familyNameKanji || d.givenNameKanji) add(`${d.familyNameKanji ?? ''}${d.givenNameKanji ?? ''}`);
    add(d.familyNameKana);
    add(d.givenNameKana);
    if (d.familyNameKana || d.givenNameKana) add(`${d.familyNameKana ?? ''}${d.givenNameKana ?? ''}`);
    for (const kana of [d.familyNameKana, d.givenNameKana]) {
      if (!kana) continue;
      const romaji = kanaToRomaji(kana);
      add(romaji);
      words.add(collapseLongVowels(romaji));
    }
    // Latin names of Japanese delegates are often given with long vowels spelled in any of three ways.
    for (const n of [d.familyName, d.givenName]) words.add(collapseLongVowels(foldText(n)));
    return [...words];
  });
}
