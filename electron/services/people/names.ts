// How a person's name reads on paper: the same rule as the screens (renderer/src/format.ts displayName) and the
// badge, so a Japanese delegate is 髙橋 美咲 with TAKAHASHI Misaki under it everywhere.
import type { DelegateRow } from '../model/delegate-row.js';
import { passportRomaji } from '../model/normalize.js';

/** The name columns of a delegate row (see delegate-row.ts). */
export type NameFields = Pick<DelegateRow, 'family_name' | 'given_name' | 'family_name_kanji' | 'given_name_kanji' | 'family_name_kana' | 'given_name_kana'>;

export interface PersonName {
  /** Kanji for Japanese delegates; the Latin name for everyone else. */
  primary: string;
  /** The romanised name under the kanji; null for everyone else. */
  secondary: string | null;
}

function latin(name: string, kana: string | null): string {
  if (name.trim()) return name;
  return kana ? passportRomaji(kana) : '';
}

/**
 * A walk-in or an edit: Latin names as typed, or derived from the kana when left empty (as an import does). Null when
 * a family or a given name has neither.
 */
export function withLatinNames<T extends { familyName: string; givenName: string; familyNameKana?: string | null; givenNameKana?: string | null }>(f: T): T | null {
  const familyName = latin(f.familyName, f.familyNameKana ?? null).trim();
  const givenName = latin(f.givenName, f.givenNameKana ?? null).trim();
  return familyName && givenName ? { ...f, familyName, givenName } : null;
}

/** The name in Latin letters, from the kana reading when none was given (コンドウ → Kondo). */
export function latinName(d: NameFields): { family: string; given: string } {
  return { family: latin(d.family_name, d.family_name_kana), given: latin(d.given_name, d.given_name_kana) };
}

/**
 * `familyFirst` is the form of lists sorted by family name (manifests, no-show lists): "LINDQVIST Åsa", as the
 * romanised Japanese name already reads; otherwise the screens' form, "Åsa Lindqvist".
 */
export function personName(d: NameFields, opts: { familyFirst?: boolean } = {}): PersonName {
  const { family, given } = latinName(d);
  const romanised = `${family.toLocaleUpperCase('en')} ${given}`.trim();
  if (d.family_name_kanji || d.given_name_kanji) {
    return { primary: `${d.family_name_kanji ?? family} ${d.given_name_kanji ?? given}`.trim(), secondary: romanised };
  }
  return { primary: opts.familyFirst ? romanised : `${given} ${family}`.trim(), secondary: null };
}
