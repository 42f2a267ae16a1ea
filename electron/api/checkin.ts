// The contract's check-in wing: a scan's verdict, the scan log, a bus's passengers (outputs; inputs are the schemas of
// electron/services/methods/checkin.ts). Part of electron/api/contract.ts.
import type { VerdictCode } from './vocabulary.js';
import type { Delegate } from './people.js';

export interface PreviousAdmission {
  at: string;
  checkpointId: string;
  checkpointName: string;
  checkpointNameJa: string | null;
}

export interface ScanResult {
  scanId: string;
  verdict: VerdictCode;
  /** A sentence in English for logs and the CLI; screens compose their own from the code and fields. */
  reason: string;
  at: string;
  delegate: Delegate | null;
  previous: PreviousAdmission | null;
  checkpoint: { id: string; name: string; nameJa: string | null; capacity: number | null; admitted: number };
  overridden: boolean;
  /** A supervisor may admit this person anyway (the code named a person and the verdict is one of OVERRIDABLE). */
  overridable: boolean;
  /** A wording more precise than the verdict's: `foreign_ticket`, an `unknown` that is another system's ticket URL. */
  detail?: 'foreign_ticket';
}

export interface ScanRecord {
  id: string;
  checkpointId: string;
  checkpointName: string;
  checkpointNameJa: string | null;
  delegateId: string | null;
  delegateName: string | null;
  /** The name fields, so each screen shows the name by the one rule (kanji for Japanese delegates). */
  person: Pick<Delegate, 'familyName' | 'givenName' | 'familyNameKanji' | 'givenNameKanji'> | null;
  verdict: VerdictCode;
  reason: string;
  at: string;
  overrideReason: string | null;
  undoneAt: string | null;
}

export interface Passenger {
  delegateId: string;
  familyName: string;
  givenName: string;
  familyNameKanji: string | null;
  givenNameKanji: string | null;
  organisation: string | null;
  badgeNo: number;
  /** When they first boarded (any device), or null while missing. */
  boardedAt: string | null;
}

export interface PassengerList {
  checkpointId: string;
  boarded: Passenger[];
  missing: Passenger[];
}
