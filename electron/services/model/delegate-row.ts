// A delegate as the table holds it and as the Api shows it: the one mapping between the two (the search columns, the
// passenger list and every screen go through it). No imports beyond types, so the apply path can use it.
import type { Delegate, Role } from '../../api/contract.js';

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
  };
}
