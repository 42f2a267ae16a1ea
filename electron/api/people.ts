// The contract's people wing: delegates, what the desk sees of one, what a typed code is, and imports (outputs; inputs
// are the schemas of electron/services/methods/people.ts and import.ts). Part of electron/api/contract.ts.
import type { CheckpointKind, DelegateFlag, ImportFieldName, Role } from './vocabulary.js';
import type { ScanRecord } from './checkin.js';
import type { CoreMessage } from './messages.js';

export interface Delegate {
  id: string;
  badgeNo: number;
  badgeIssue: number;
  familyName: string;
  givenName: string;
  familyNameKanji: string | null;
  givenNameKanji: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  organisation: string | null;
  country: string | null;
  region: string | null;
  email: string | null;
  role: Role;
  externalCode: string | null;
  status: 'active' | 'cancelled';
  /** What the import left for the desk to settle ("reading guessed", "role word unknown"…); empty when nothing. */
  flags: DelegateFlag[];
  /** What the registration file said was bought (an unknown role word is kept here). */
  ticketType: string | null;
}

export interface DelegateHit extends Delegate {
  /** Checked in at the venue entrance (any day). */
  arrived: boolean;
}

/**
 * What a code typed into the desk search is: a person (by their badge QR or registration code), a badge that no
 * longer admits (reissued or cancelled: the person is still shown to staff), a valid badge of a person this device
 * does not know yet, a damaged or foreign code, or no code at all (then the search's hits are the answer).
 */
export type CodeIdentity =
  | { kind: 'person'; delegate: Delegate; via: 'badge' | 'registration_code' }
  | { kind: 'revoked'; delegate: Delegate; presentedIssue: number; currentIssue: number }
  | { kind: 'cancelled'; delegate: Delegate }
  | { kind: 'signed_unknown'; badgeNo: number }
  | { kind: 'invalid'; problem: 'malformed' | 'other_event' | 'bad_signature' | 'unreadable' }
  | { kind: 'none' };

export interface RegistrationState {
  checkpointId: string;
  checkpointName: string;
  checkpointNameJa: string | null;
  kind: CheckpointKind;
  registered: boolean;
  admittedAt: string | null;
}

export interface DelegateDetail {
  delegate: Delegate;
  token: string | null;
  registrations: RegistrationState[];
  /** The sessions, buses and meetings (their ids) the delegate is registered for, open ones not counted. */
  targets: string[];
  scans: ScanRecord[];
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  headers: string[];
  mapping: (ImportFieldName | null)[];
  /** What the file's columns were recognised as (the mapping, unless a mapping saved for this source replaced it). */
  recognised: (ImportFieldName | null)[];
  /** The mapping is the one saved by hand for files with these headers. */
  savedMapping: boolean;
  /** Why each column maps as it does: by the system's profile, the header's words, the classifier or the values. */
  reasons: { column: number; field: ImportFieldName | null; by: 'profile' | 'header' | 'classifier' | 'values' | 'none'; header: string; detail: string; valueKind?: 'email' | 'emailPlaceholder' | 'url' | 'kana' | 'kanjiName' | 'status' | 'code' }[];
  /** The registration system the file was recognised as coming from (e.g. "pretix — order positions (German)"), or null. */
  source: { id: string; label: string } | null;
  sample: string[][];
  rows: number;
}

export interface ImportReportView {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reason: string; code: string; params: Record<string, string | number>; cells: string[] }[];
  /** Each flag a row was imported with, by line (the desk's "needs attention" list holds the same people). */
  flagged: { line: number; flag: DelegateFlag; value: string }[];
  /** Rows imported with a note: a session named with a slip ("did you mean …") or not in the event. */
  notes?: { line: number; reason: string; code: string; params: Record<string, string> }[];
  total: number;
  dryRun: boolean;
  encoding: string;
  headers: string[];
}

export interface ImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report: ImportReportView | null;
  error: string | null;
  /** The error as a key and values, for the screen to say in its language (null when the core has no key for it). */
  say: CoreMessage | null;
}
