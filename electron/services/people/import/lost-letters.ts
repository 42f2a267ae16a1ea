// Letters a file lost before it reached us: Japanese Excel saving a CSV in Shift_JIS writes `?` for every letter
// Shift_JIS cannot hold (Jürgen Müller → J?rgen M?ller), and a broken decode leaves U+FFFD. Such a name is imported
// with a flag on its row, and never overwrites a stored name that still has the letters.
import type { DelegateFields } from '../delegates.js';

const NAME_FIELDS = ['familyName', 'givenName', 'familyNameKanji', 'givenNameKanji', 'familyNameKana', 'givenNameKana', 'organisation'] as const;
type NameField = (typeof NAME_FIELDS)[number];

/** Encodings that can hold every letter: a `?` in their names is one the person typed. */
const FULL_ENCODINGS = new Set(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'xlsx']);

/** A `?` inside or at the edge of a word (not a question at the end of a sentence), or U+FFFD anywhere. */
const LOST = /\uFFFD|\p{L}\?|\?\p{L}/u;

export function holdsLostLetters(value: string | null | undefined, encoding: string): boolean {
  if (!value) return false;
  if (value.includes('\uFFFD')) return true;
  return !FULL_ENCODINGS.has(encoding) && LOST.test(value);
}

/** The name fields of a row that lost letters in a file of this encoding. */
export function lostLetterFields(fields: DelegateFields, encoding: string): NameField[] {
  return NAME_FIELDS.filter((f) => holdsLostLetters(fields[f], encoding));
}

/** Whether `lost` (with `?`/U+FFFD for each lost letter) is `stored` as the file could hold it. */
export function sameButLost(lost: string, stored: string | null): boolean {
  if (!stored) return false;
  const chars = [...lost];
  const full = [...stored];
  return chars.length === full.length && chars.every((c, i) => c === full[i] || c === '?' || c === '\uFFFD');
}
