// The derived search columns of a delegate row (what the desk search indexes, see search/columns.ts, and the sort
// key), computed in one place: the apply path calls it whenever a name, code or badge number changes, so every
// device indexes a person the same way.
import { foldText } from './normalize.js';
import { searchColumnsFor as indexColumnsFor } from './search/columns.js';

export interface SearchSource {
  family_name: string;
  given_name: string;
  family_name_kanji: string | null;
  given_name_kanji: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  organisation: string | null;
  email: string | null;
  external_code: string | null;
  badge_no: number;
}

export function searchColumnsFor(r: SearchSource): { search_text: string; search_keys: string; sort_key: string } {
  return {
    ...indexColumnsFor({
      familyName: r.family_name,
      givenName: r.given_name,
      familyNameKanji: r.family_name_kanji,
      givenNameKanji: r.given_name_kanji,
      familyNameKana: r.family_name_kana,
      givenNameKana: r.given_name_kana,
      organisation: r.organisation,
      email: r.email,
      badgeNo: r.badge_no,
      externalCode: r.external_code,
    }),
    sort_key: foldText(`${r.family_name} ${r.given_name}`),
  };
}
