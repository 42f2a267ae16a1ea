// A delegate as the table holds it and as the Api shows it: the one mapping between the two (the search columns, the
// passenger list and every screen go through it). No imports beyond types, so the apply path can use it.
import type { Delegate, Role } from '../../api/contract.js';
import { DELEGATE_FLAGS, type DelegateFlag } from '../../api/vocabulary.js';

export interface DelegateRow {
  id: string;
  badge_no: number;
  badge_issue: number;
  family_name: string;
  given_name: string;
  family_name_kanji: string | null;
  given_name_kanji: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  organisation: string | null;
  country: string | null;
  region: string | null;
  email: string | null;
  role: Role;
  external_code: string | null;
  status: 'active' | 'cancelled';
  /** Flag words separated by spaces ('' none). */
  flags: string;
  ticket_type: string | null;
}

const KNOWN_FLAGS: ReadonlySet<string> = new Set(DELEGATE_FLAGS);

/** The flags a row holds, known words only (a newer desk's flag is not shown by an older one). */
export function flagsOf(flags: string | null | undefined): DelegateFlag[] {
  return (flags ?? '').split(' ').filter((f): f is DelegateFlag => KNOWN_FLAGS.has(f));
}

export function toDelegate(r: DelegateRow): Delegate {
  return {
    id: r.id,
    badgeNo: r.badge_no,
    badgeIssue: r.badge_issue,
    familyName: r.family_name,
    givenName: r.given_name,
    familyNameKanji: r.family_name_kanji,
    givenNameKanji: r.given_name_kanji,
    familyNameKana: r.family_name_kana,
    givenNameKana: r.given_name_kana,
    organisation: r.organisation,
    country: r.country,
    region: r.region,
    email: r.email,
    role: r.role,
    externalCode: r.external_code,
    status: r.status,
    flags: flagsOf(r.flags),
    ticketType: r.ticket_type ?? null,
  };
}
