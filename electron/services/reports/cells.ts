// How a person appears in a report: a kanji name with its romanised form under it in PDF tables, and the name
// columns of every spreadsheet.
import type { Cell } from './doc.js';
import type { Person } from './facts.js';
import { latinName, personName } from '../people/names.js';

/** A name cell in the family-first form of sorted lists; a badge not synced yet shows its number. */
export function nameCell(p: Person | null, who: string, fallback: string): Cell {
  if (!p) return who.startsWith('badge:') ? `${fallback} (${who.slice(6)})` : fallback;
  const n = personName(p, { familyFirst: true });
  return n.secondary ? { lines: [n.primary, n.secondary] } : n.primary;
}

/** Family, given (Latin) and the kanji name: the name columns of every spreadsheet. */
export function personColumns(p: Person | null): [string | null, string | null, string | null] {
  if (!p) return [null, null, null];
  const l = latinName(p);
  const n = personName(p);
  return [l.family, l.given, n.secondary ? n.primary : null];
}
