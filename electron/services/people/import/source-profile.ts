// What a registration system's export looks like to the importer: its signature headers and what each column becomes.
// A type of its own beneath the profile tables (system-profiles.ts) and the recognition that reads them (profiles.ts).
import type { ImportField } from './columns.js';

export interface SourceProfile {
  id: string;
  label: string;
  /** Headers that must all be present (compared as columns.ts compares headers). */
  signature: string[];
  /** Known headers and what they become; null: known and deliberately not imported (a buyer's details, prices). */
  columns: Record<string, ImportField | null>;
  /** The registration code when the file has no per-attendee code column: the order code and this column, "ABC12-1". */
  positionColumn?: string;
  /** The registration code comes from a system that ignores its case (UUIDs, public ids): scans ignore it too. */
  primaryIgnoresCase?: boolean;
  /** Headers whose field yields to one of the event's own questions (connpass's 表示名 to "お名前（名札に印字します）"). */
  yields?: string[];
}
