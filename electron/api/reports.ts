// The contract's reports wing: live counts, report jobs and the files they answer with (outputs; inputs are the schemas
// of electron/services/methods/reports.ts). Part of electron/api/contract.ts.
import type { CheckpointKind, ReportFormat, ReportKind } from './vocabulary.js';

export interface AttendanceRow {
  checkpointId: string;
  name: string;
  nameJa: string | null;
  kind: CheckpointKind;
  capacity: number | null;
  registered: number | null;
  admitted: number;
  denied: number;
}

export interface FileDownload {
  fileName: string;
  mime: string;
  base64: string;
}

/** A report being built off the scanning thread; `file` once done (a finished job is forgotten once read). */
export interface ReportJob {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  file: FileDownload | null;
  error: string | null;
}

/** The organisers' live figures (see services/dashboard/dashboard.ts). */
export interface DashboardView {
  at: string;
  /** The event-local date now. */
  today: string;
  /** Active delegates. */
  registered: number;
  arrivedToday: number;
  /** People who came through the entrance on any day. */
  arrived: number;
  /** Registered minus admitted, for the sessions and buses already over. */
  noShowsSoFar: number;
  buses: { boarded: number; registered: number };
  devices: { active: number; known: number };
  /** Arrivals at the entrance per 15 minutes, per event day. */
  arrivals: { date: string; buckets: { at: string; n: number }[] }[];
  sessions: { targetKey: string; kind: CheckpointKind; name: string; nameJa: string | null; registered: number | null; admitted: number; capacity: number | null }[];
  origin: { group: 'eu' | 'jp' | 'asean' | 'africa' | 'other' | 'unknown'; registered: number; arrived: number }[];
}
