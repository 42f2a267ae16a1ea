// The contract's printing wing: printers and badge print jobs (outputs; inputs are the schemas of
// electron/services/methods/printing.ts). Part of electron/api/contract.ts.
import type { BadgeSizeName } from './vocabulary.js';
import type { Delegate } from './people.js';

export interface PrinterInfo {
  id: string;
  name: string;
  kind: 'cups' | 'electron' | 'folder';
}

/** Why a print job failed, rendered by each screen in its language (services/printing/job-error.ts). */
export interface PrintJobError {
  code: 'interrupted' | 'timeout' | 'printer_stopped' | 'job_lost' | 'file_missing' | 'printer_gone' | 'other';
  values: Record<string, string>;
}

export interface PrintJob {
  id: string;
  delegateId: string;
  /** As given, Latin order: for logs and the CLI. Screens show `person` through the one name rule. */
  delegateName: string;
  person: Pick<Delegate, 'familyName' | 'givenName' | 'familyNameKanji' | 'givenNameKanji'>;
  badgeIssue: number;
  printer: string;
  size: BadgeSizeName;
  status: 'queued' | 'printing' | 'done' | 'failed';
  /** The reason in English (logs, CLI); `errorCode` is what screens render. */
  error: string | null;
  errorCode: PrintJobError | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}
