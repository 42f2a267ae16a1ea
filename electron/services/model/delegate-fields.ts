// What a person is made of before the file gives them an id and a badge: the fields a desk form, an import row or a
// walk-in carries. The ground floor's shape of a delegate (people/delegates.ts cleans and stores it; normalize.ts and
// the search keys read it), so it lives here, below every service that uses it.
import type { Role } from '../../api/contract.js';

export interface DelegateFields {
  familyName: string;
  givenName: string;
  familyNameKanji?: string | null;
  givenNameKanji?: string | null;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  organisation?: string | null;
  country?: string | null;
  region?: string | null;
  email?: string | null;
  role?: Role;
  externalCode?: string | null;
  /** Flag words separated by spaces; undefined on an edit keeps the stored ones. */
  flags?: string;
  ticketType?: string | null;
}
