import type { ItemRef, RejectCode, Rejection } from '../../../api/event-setup.js';

export type { ItemRef, RejectCode, Rejection };

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

export interface ParsedProgramme {
  format: 'ics' | 'pretalx-json' | 'frab-xml' | 'csv' | 'xlsx';
  items: ProgrammeItem[];
  rejected: Rejection[];
}

export function reject(ref: ItemRef, code: RejectCode, reason: string): Rejection {
  return { ...ref, code, reason };
}

export class UnreadableProgrammeError extends Error {}
