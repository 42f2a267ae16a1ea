// Event setup over the Api: the programme as screens show it and what a programme import reports. Types only.

export type ItemRef = { line: number } | { uid: string };

/** Codes the screens translate; `reason` is the English sentence the CLI prints. */
export type RejectCode =
  | 'recurring' | 'all_day' | 'no_start' | 'no_end' | 'end_before_start' | 'bad_time' | 'unknown_zone' | 'no_title'
  | 'bad_capacity' | 'outside_event' | 'duplicate' | 'cancelled' | 'too_long';

export type Rejection = ItemRef & { code: RejectCode; reason: string };

export interface SessionInfo {
  id: string;
  uid: string | null;
  dayNo: number;
  kind: string;
  title: string;
  titleJa: string | null;
  room: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  archived: boolean;
  checkpointId: string | null;
  /** The organisers' order within the day (Event screen, up/down); null: by start time. */
  sortOrder: number | null;
}

export interface BusInfo {
  id: string;
  label: string;
  site: string;
  departsAt: string;
  returnsAt: string | null;
  meetingPoint: string | null;
  capacity: number;
  archived: boolean;
  checkpointId: string | null;
  boardsAt: string | null;
}

export interface ProgrammeChange {
  ref: ItemRef;
  sessionId: string;
  title: string;
  change: 'created' | 'updated';
  fields: string[];
}

export interface ProgrammeWarning {
  ref: ItemRef;
  code: 'overlap';
  message: string;
}

export interface ProgrammeImportReport {
  format: 'ics' | 'pretalx-json' | 'frab-xml' | 'csv' | 'xlsx';
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  warnings: ProgrammeWarning[];
  changes: ProgrammeChange[];
}
