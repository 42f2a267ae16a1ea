// The ways one name is written in Latin letters, reduced to keys that agree when the spellings do:
// - romaji keys: Hepburn, Kunrei-shiki and Nihon-shiki onto one spelling, long vowels (ou/oo/oh/ō/ô) once, and the
//   voiced/unvoiced readings of a kanji after the first (崎 saki/zaki, 田 ta/da, 川 kawa/gawa) alike;
// - spoken keys: what a name sounds like to someone writing it down by ear (qv/qu, z/s, silent h, ph/f, c/k/s,
//   doubled letters once), plus the anglicised forms of Irish names;
// - slip tokens: a deletion neighbourhood that finds a name of five or more letters typed with one letter missing,
//   doubled, swapped or wrong.
// Pure functions: the same code builds the index and reads the query, so both sides always agree.
import * as wanakana from 'wanakana';
import { collapseLongVowels, foldText } from '../normalize.js';

/** Apostrophes as keyboards, phones and word processors type them (’ ‘ ʼ ʻ ` ´ ′ and the full-width one). */
export const APOSTROPHES_RE = /['’‘ʼʻ`´′＇]/gu;

const isVowel = (c: string | undefined): boolean => c !== undefined && 'aeiou'.includes(c);

// Latin letters without a decomposition (as in normalize.ts foldText, which this must agree with on Latin text).
const LATIN_FOLDS: Record<string, string> = { ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h' };
const LATIN_FOLD_RE = /[ßłđðøæœþıħ]/g;

/**
 * Folded like the desk folds (accents off, lower case, ß → ss) and reduced to a–z: "Dell'Acqua" → "dellacqua",
 * "Ó Briain" → "obriain". Only what Latin text needs, as it runs for every word of every name written.
 */
export function letters(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(LATIN_FOLD_RE, (c) => LATIN_FOLDS[c] ?? c)
    .replace(/[^a-z]/g, '');
}

// Consonant onsets of a Japanese mora in any romanisation, longest first so "sh" wins over "s".
const ONSETS = ['sh', 'ch', 'ts', 'ky', 'gy', 'sy', 'zy', 'jy', 'ty', 'dy', 'ny', 'hy', 'by', 'py', 'my', 'ry', 'j', 'k', 'g', 's', 'z', 't', 'd', 'n', 'h', 'b', 'p', 'm', 'r', 'y', 'w', 'f', 'v'];

/**
 * Whether a–z letters read as Japanese morae (takahashi, syôta → syota, kondoh, homma). Romaji keys apply only to
 * such words: "si"→"shi" is right for 清水 but would only blur European names.
 */
export function isRomaji(s: string): boolean {
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const next = s[i + 1];
    if (isVowel(c)) {
      // A long o written oh (Ohno, Kondoh).
      i += c === 'o' && next === 'h' && !isVowel(s[i + 2]) ? 2 : 1;
      continue;
    }
    // ん: n before a consonant or at the end; m before a labial in older Hepburn (Homma, Namba).
    if ((c === 'n' && !isVowel(next) && next !== 'y') || (c === 'm' && next !== undefined && 'bmp'.includes(next))) {
      i++;
      continue;
    }
    // っ: a doubled consonant, or t before ch (matcha).
    if ((c === next && 'kgsztdhbpfcjr'.includes(c)) || (c === 't' && next === 'c' && s[i + 2] === 'h')) {
      i++;
      continue;
    }
    const onset = ONSETS.find((o) => s.startsWith(o, i) && isVowel(s[i + o.length]));
    if (!onset) return false;
    i += onset.length; // the vowel is read on the next turn
  }
  return s.length > 0;
}

/**
 * One spelling for every romanisation of a Japanese reading: Kunrei-shiki morae (si, ti, tu, hu, zi, sya),
 * long vowels once, and every consonant after the first unvoiced — rendaku voices the first mora of the second
 * kanji (山崎 yamasaki/yamazaki), and the register cannot say which kanji a mora belongs to.
 */
export function romajiKey(s: string): string {
  let t = s
    .replace(/oh(?![aeiou])/g, 'o')
    .replace(/m(?=[bmp])/g, 'n')
    .replace(/shi/g, 'si')
    .replace(/sh/g, 'sy')
    .replace(/chi/g, 'ti')
    .replace(/ch/g, 'ty')
    .replace(/tsu/g, 'tu')
    .replace(/fu/g, 'hu')
    .replace(/jy/g, 'zy')
    .replace(/ji/g, 'zi')
    .replace(/j/g, 'zy')
    // Nihon-shiki ぢ づ and their Hepburn spellings are じ ず to the ear.
    .replace(/di/g, 'zi')
    .replace(/du/g, 'zu')
    .replace(/dy/g, 'zy')
    .replace(/wo/g, 'o')
    .replace(/ou/g, 'o')
    .replace(/ei/g, 'e')
    .replace(/([aeiou])\1+/g, '$1');
  t = t.charAt(0) + t.slice(1).replace(/g/g, 'k').replace(/z/g, 's').replace(/d/g, 't').replace(/[bp]/g, 'h');
  return t.replace(/([a-z])\1+/g, '$1');
}

/**
 * A name as it sounds, for spellings by ear: Lindquist/Lindqvist, Sofia/Zofia, Gunter/Günther, Fisher/Fischer,
 * Kuchera/Kučera, Gonsalves/Gonçalves, Mateo/Matteo, Dellaqua/Dell'Acqua, Mcx/Macx. Takes the name as written
 * (ç is an s, not a k).
 */
export function spokenKey(raw: string): string {
  return spokenKeyOf(letters(raw.toLowerCase().replace(/ç/g, 's')));
}

function spokenKeyOf(plain: string): string {
  return plain
    .replace(/^mc/, 'mac')
    .replace(/ph/g, 'f')
    .replace(/cq/g, 'q')
    .replace(/q[uv](?=[aeiouy])/g, 'kv')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    // ou as French and West African names say it (Youssef/Yusef, Moussa/Musa, Louis/Luis).
    .replace(/ou/g, 'u')
    // A silent h: after a consonant (th, sch, bh, gh…) or after a vowel when no vowel follows (Köhler, Mensah).
    .replace(/([^aeiouy])h/g, '$1')
    .replace(/([aeiouy])h(?![aeiouy])/g, '$1')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/([a-z])\1+/g, '$1');
}

/** The keys of one word: its spoken key, and its romaji key when the word reads as Japanese. */
export function keysOf(raw: string): string[] {
  return wordIndex(raw).keys;
}

interface WordIndex {
  plain: string;
  spoken: string;
  keys: string[];
  /** Keys and slip tokens: what the index holds for this word. */
  tokens: string[];
}

// Names repeat (Müller, Takahashi, Maria…): a bounded memo makes a large import pay for each spelling once.
const WORD_MEMO_MAX = 20_000;
const wordMemo = new Map<string, WordIndex>();

function wordIndex(raw: string): WordIndex {
  const memo = wordMemo.get(raw);
  if (memo) return memo;
  const plain = letters(raw);
  const spoken = plain && spokenKeyOf(raw.includes('ç') ? letters(raw.replace(/ç/g, 's')) : plain);
  const keys = plain ? [spoken] : [];
  if (plain && isRomaji(plain)) {
    const r = romajiKey(plain);
    if (r !== spoken) keys.push(r);
  }
  const tokens = [...keys, ...slipTokens(plain)];
  const spelled = umlautSpelled(raw);
  if (spelled !== raw) tokens.push(...slipTokens(letters(spelled)));
  const entry = { plain, spoken, keys, tokens };
  if (wordMemo.size >= WORD_MEMO_MAX) wordMemo.clear();
  wordMemo.set(raw, entry);
  return entry;
}

// Irish names and the forms they were anglicised to, by the Irish form's spoken key (which already equates the
// lenited forms: Bhriain and Briain, Phádraig and Pádraig sound alike once h is silent). Only the spellings people
// actually write for these names; a translation such as Seán → John is a different name to the desk.
const IRISH: Record<string, readonly string[]> = {
  briain: ['brien', 'brian', 'bryan'],
  conchuir: ['connor', 'conor'],
  conchobhair: ['connor', 'conor'],
  suilleabhain: ['sullivan'],
  ceallaigh: ['kelly'],
  neill: ['neill', 'neil'],
  domhnaill: ['donnell'],
  murchu: ['murphy'],
  mathuna: ['mahony', 'mahoney'],
  riain: ['ryan'],
  seaghdha: ['shea'],
  dubhghaill: ['doyle'],
  loingsigh: ['lynch'],
  cinneide: ['kennedy'],
  tuathail: ['toole'],
  maille: ['malley'],
  carthaigh: ['carthy'],
  gallchobhair: ['gallagher'],
  dochartaigh: ['doherty'],
  conaill: ['connell'],
  giollaphadraig: ['kilpatrick', 'gilpatrick', 'fitzpatrick'],
  gearailt: ['fitzgerald'],
  padraig: ['patrick'],
  sean: ['shaun', 'shawn'],
  siobhan: ['shivaun', 'shevaun', 'chevonne'],
  niamh: ['neve', 'neeve'],
  aoife: ['eefa', 'eva'],
  eoghan: ['owen', 'eoin'],
  caoimhe: ['keeva'],
  seamus: ['shamus'],
  tadhg: ['teague'],
  ciaran: ['kieran'],
  diarmuid: ['dermot'],
  grainne: ['grania'],
  ruairi: ['rory'],
  meadhbh: ['maeve'],
  sadhbh: ['sive'],
  oisin: ['osheen'],
};
const IRISH_BY_KEY = new Map(Object.entries(IRISH).map(([ga, en]) => [spokenKey(ga), en]));
// Ó/Ní/Uí become O' in English, Mac/Nic Mac or Mc (spokenKey already reads Mc as Mac).
const O_PARTICLES = new Set(['o', 'ni', 'ui', 'ua']);
const MAC_PARTICLES = new Set(['mac', 'nic', 'mhic', 'mag']);

/** Spoken keys of the anglicised forms of an Irish name given as its words: Ó Briain → brien, obrien, obrian… */
function irishKeys(words: readonly WordIndex[]): string[] {
  // Lenited ph (Phádraig) is an f to the ear but still the name Pádraig; bh, mh… lose their h in the spoken key.
  const irish = (w: WordIndex) => IRISH_BY_KEY.get(w.spoken) ?? (w.plain.startsWith('ph') ? IRISH_BY_KEY.get(spokenKeyOf(`p${w.plain.slice(2)}`)) : undefined);
  const out: string[] = [];
  const add = (en: readonly string[], particle: string | undefined) => {
    for (const e of en) {
      out.push(spokenKey(e));
      if (particle && O_PARTICLES.has(particle)) out.push(spokenKey(`o${e}`));
      if (particle && MAC_PARTICLES.has(particle)) out.push(spokenKey(`mac${e}`));
    }
  };
  // Names of several words anglicised as one (Mac Giolla Phádraig → Kilpatrick), not word by word (not Patrick).
  for (let i = 1; i < words.length - 1; i++) {
    const en = IRISH_BY_KEY.get(spokenKeyOf(words.slice(i).map((w) => w.plain).join('')));
    if (!en) continue;
    add(en, undefined);
    return out;
  }
  words.forEach((w, i) => {
    const en = irish(w);
    if (en) add(en, i > 0 ? words[i - 1]!.plain : undefined);
  });
  return out;
}

/**
 * A typed Irish form (Súilleabháin, Ó Súilleabháin run together, Pádraig) as the spoken keys of its anglicised
 * forms, for people registered under the English spelling (O'Sullivan, Patrick).
 */
export function irishAliasKeys(plain: string): string[] {
  const w = (p: string): WordIndex => ({ plain: p, spoken: spokenKeyOf(p), keys: [], tokens: [] });
  const particle = [...O_PARTICLES, ...MAC_PARTICLES, 'mc'].find((p) => plain.startsWith(p) && IRISH_BY_KEY.has(spokenKeyOf(plain.slice(p.length))));
  return irishKeys(particle ? [w(particle === 'mc' ? 'mac' : particle), w(plain.slice(particle.length))] : [w(plain)]);
}

/** Names of five letters or more forgive one slip; shorter ones would match too many other names. */
const SLIP_MIN_NAME = 5;
// Beyond this a "name" is several run together (schoenbergerwittelsbachvon…): its words forgive slips one by one,
// and the index and the query stay small.
const SLIP_MAX_NAME = 24;

/** A name's length for that rule: a long vowel spelled out does not make Katō (katou) a five-letter name. */
function slipLength(s: string): number {
  return isRomaji(s) ? collapseLongVowels(s).length : s.length;
}

/**
 * Slip tokens of a name: itself and each one-letter deletion with its position. Matching positions make the
 * neighbourhood exact — a letter missing, doubled, swapped or wrong, never two changes that happen to share a
 * deletion (satou/saito). They start with a digit, which no key does, so a key prefix never reaches them.
 */
export function slipTokens(name: string): string[] {
  if (slipLength(name) < SLIP_MIN_NAME || name.length > SLIP_MAX_NAME) return [];
  const out = [`0${name}`];
  for (let i = 0; i < name.length; i++) out.push(`0${i}${name.slice(0, i)}${name.slice(i + 1)}`);
  return out;
}

/** What a typed word must share with a name's slip tokens to be one slip away from it. */
export function slipQueryTokens(q: string): string[] {
  if (slipLength(q) < SLIP_MIN_NAME - 1 || q.length > SLIP_MAX_NAME + 1) return [];
  const out = new Set([`0${q}`]);
  for (let i = 0; i <= q.length; i++) out.add(`0${i}${q}`); // a letter missing at i
  for (let i = 0; i < q.length; i++) {
    const without = q.slice(0, i) + q.slice(i + 1);
    out.add(`0${without}`); // a letter too many
    out.add(`0${i}${without}`); // a wrong letter at i
    if (i + 1 < q.length) out.add(`0${q.slice(0, i)}${q[i + 1]}${q[i]}${q.slice(i + 2)}`); // two letters swapped
  }
  return [...out];
}

/** A name's words as written (lower case, accents kept): "Mac Giolla Phádraig" → mac, giolla, phádraig. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES_RE, ' ')
    .split(/[\s\-‐‑–—.·・=＝]+/u)
    .filter(Boolean);
}

/** German umlauts spelled out (Müller → mueller): both spellings are typed. */
function umlautSpelled(s: string): string {
  return /[äöü]/.test(s) ? s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue') : s;
}

/**
 * The fuzzy index of one person: the keys of every word of their names and of the names run together, their
 * anglicised forms, and the slip tokens of each spelling. `names` are Latin names and romanised readings.
 */
export function fuzzyTokens(names: readonly string[]): string[] {
  const tokens = new Set<string>();
  const addWord = (raw: string) => {
    for (const t of wordIndex(raw).tokens) tokens.add(t);
  };
  for (const name of names) {
    const words = nameWords(name);
    if (words.length === 0) continue;
    for (const w of words) addWord(w);
    if (words.length > 1) addWord(words.join(''));
    for (const k of irishKeys(words.map(wordIndex))) tokens.add(k);
  }
  return [...tokens];
}

/** A typed word in the letters the keys are made of: kana romanised, apostrophes and hyphens dropped. */
export function typedWord(word: string): string | null {
  const w = word.normalize('NFKC').toLowerCase().replace(APOSTROPHES_RE, '').replace(/[-‐‑.]/g, '');
  if (/^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(w)) return wanakana.toRomaji(w).replace(/[^a-z]/g, '');
  const f = foldText(w);
  return /^[a-z]+$/.test(f) ? w : null;
}
