/** One session as a programme file describes it, times already resolved to instants. */
export interface ProgrammeItem {
  /** Where it came from, for reports: the physical line (spreadsheets) or the calendar/schedule uid. */
  ref: ItemRef;
  /** What identifies it across re-imports of the same source. */
  uid: string;
  title: string;
  titleJa: string | null;
  room: string | null;
  kind: string;
  capacity: number | null;
  startsAt: string;
  endsAt: string;
}

export type ItemRef = { line: number } | { uid: string };

/** Codes the screens translate; `reason` is the English sentence the CLI prints. */
export type RejectCode =
  | 'recurring' | 'all_day' | 'no_start' | 'no_end' | 'end_before_start' | 'bad_time' | 'unknown_zone' | 'no_title'
  | 'bad_capacity' | 'outside_event' | 'duplicate' | 'cancelled' | 'too_long';

export type Rejection = ItemRef & { code: RejectCode; reason: string };

export interface ParsedProgramme {
  format: 'ics' | 'pretalx-json' | 'frab-xml' | 'csv' | 'xlsx';
  items: ProgrammeItem[];
  rejected: Rejection[];
}

export function reject(ref: ItemRef, code: RejectCode, reason: string): Rejection {
  return { ...ref, code, reason };
}

export class UnreadableProgrammeError extends Error {}
