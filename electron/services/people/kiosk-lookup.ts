// The self-service kiosk stands in a public hall: whoever types there must not learn who else is registered, who has
// arrived, or where they work. So the kiosk never searches. It asks for two things together — a name and the email
// the person registered with — and answers with that one person or with nothing, the same nothing whichever of the
// two was wrong (telling "email known, name wrong" apart would confirm that an address is registered).
// A name is any of the person's own names in any script, so two-character names (髙橋, 林, Li, Ng) work as well as
// long ones; the email is what makes the answer safe, not the name's length.
import type { Delegate } from '../../api/contract.js';
import type { Core } from '../core.js';
import { toDelegate, type DelegateRow, type Delegates } from './delegates.js';
import { collapseLongVowels, foldText, kanaToRomaji } from '../model/normalize.js';

export type KioskNames = Pick<Delegate, 'familyName' | 'givenName' | 'familyNameKanji' | 'givenNameKanji' | 'familyNameKana' | 'givenNameKana'>;

/** Spaces, hyphens, apostrophes and dots do not tell names apart: "Ó Briain" = "obriain", "髙橋 美咲" = "高橋美咲". */
const compact = (s: string): string => s.replace(/[\s\-'’‘.·・=＝]/gu, '');

/** Umlauts typed spelled out (Müller → mueller), as at the desk. */
const spelledUmlauts = (s: string): string => s.normalize('NFC').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');

function forms(s: string | null | undefined): string[] {
  if (!s || !s.trim()) return [];
  const out = new Set<string>();
  for (const v of [foldText(s), foldText(spelledUmlauts(s))]) {
    const c = compact(v);
    if (!c) continue;
    out.add(c);
    out.add(collapseLongVowels(c));
  }
  return [...out];
}

/** Every way the person's own name may be typed, each part and each part's whole (family+given either way round). */
function nameForms(d: KioskNames): Set<string> {
  const parts: [string | null, string | null][] = [
    [d.familyName, d.givenName],
    [d.familyNameKanji, d.givenNameKanji],
    [d.familyNameKana, d.givenNameKana],
    [d.familyNameKana ? kanaToRomaji(d.familyNameKana) : null, d.givenNameKana ? kanaToRomaji(d.givenNameKana) : null],
  ];
  const all = new Set<string>();
  for (const [family, given] of parts) {
    for (const f of [...forms(family), ...forms(given)]) all.add(f);
    if (family && given) for (const f of [...forms(`${family}${given}`), ...forms(`${given}${family}`)]) all.add(f);
  }
  return all;
}

/**
 * Is this typed name the person's? Every word typed must be one of their names (whole, not a fragment), or the
 * whole of what was typed must be their full name written without spaces. A fragment ("tak") is nobody's name.
 */
export function nameMatches(typed: string, d: KioskNames): boolean {
  const words = foldText(typed).split(' ').map(compact).filter(Boolean);
  if (words.length === 0) return false;
  const own = nameForms(d);
  const isOwn = (w: string) => own.has(w) || own.has(collapseLongVowels(w));
  return words.every(isOwn) || isOwn(words.join(''));
}

/** An email as the person may type it at a touch keyboard: full-width letters, capitals, spaces around it. */
export function normaliseEmail(typed: string): string {
  return typed.normalize('NFKC').trim().toLowerCase();
}

export class KioskLookup {
  private readonly byEmail;

  constructor(
    core: Core,
    private readonly delegates: Delegates,
  ) {
    // Every active person with that email: two registrations may share one (a sync conflict), and the name decides.
    this.byEmail = core.db.prepare("SELECT id FROM delegate WHERE email = ? COLLATE NOCASE AND status = 'active'").pluck();
  }

  /** The one person with this name and email, or null (also when two people would fit: the desk sorts that out). */
  find(name: string, email: string): Delegate | null {
    const e = normaliseEmail(email);
    if (!e.includes('@') || !name.trim()) return null;
    const ids = this.byEmail.all(e) as string[];
    const rows: DelegateRow[] = ids.map((id) => this.delegates.get(id)).filter((r) => nameMatches(name, toDelegate(r)));
    return rows.length === 1 ? toDelegate(rows[0]!) : null;
  }
}
