// The contract's event wing: the event, its days, checkpoints, programme and badge branding, as every shell sees them
// (outputs; inputs are the schemas of electron/services/methods/event.ts). Part of electron/api/contract.ts.
import type { CheckpointKind, EntryRule, ListRule, Role } from './vocabulary.js';
import type { BusInfo, SessionInfo } from './event-setup.js';

export interface EventDay {
  dayNo: number;
  date: string;
  title: string;
  titleJa: string | null;
}

export interface EventInfo {
  id: string;
  name: string;
  nameJa: string | null;
  venue: string;
  venueJa: string | null;
  timezone: string;
  startsOn: string;
  endsOn: string;
  rehearsal: boolean;
  /** The doors admit people the registration file lists as waitlisted, pending or unpaid. */
  admitWaitlisted: boolean;
  days: EventDay[];
  deviceId: string;
  delegateCount: number;
  /** Stations lock with a staff PIN once one is set (`uketsuke pin`). */
  staffPinSet: boolean;
  /**
   * The shapes of the delegates' registration codes, most common first: `A` stands for a letter, `9` for a digit,
   * any other character for itself ("AAAA-9999-999999"). A door or kiosk takes typed keys of such a shape for a scan
   * whatever their timing. Shapes only, never codes.
   */
  codeShapes: string[];
}

export interface Checkpoint {
  id: string;
  kind: CheckpointKind;
  name: string;
  nameJa: string | null;
  targetId: string | null;
  capacity: number | null;
  opensAt: string | null;
  closesAt: string | null;
  entryRule: EntryRule;
  listRule: ListRule;
  /** People currently counted against capacity (today, for once-a-day checkpoints). */
  admitted: number;
  registered: number | null;
}

/** The event's programme as the Event screen edits it. */
export interface Programme {
  sessions: SessionInfo[];
  buses: BusInfo[];
  checkpoints: Checkpoint[];
}

/** How a role looks on a badge: the band's colour (white words on it) and its words in English and Japanese. */
export interface RoleBrand {
  colour: string;
  label: string;
  labelJa: string;
}

/** Badge branding, the same on every station: drawn on every badge size. Empty titles fall back to the event's names. */
export interface Branding {
  title: string | null;
  titleJa: string | null;
  sponsor: string | null;
  /** A PNG, or an SVG drawn as vectors (width and height are then its proportions), checked when set. */
  logo: { mime: 'image/png' | 'image/svg+xml'; base64: string; width: number; height: number } | null;
  roles: Record<Role, RoleBrand>;
}

/** Why a logo was refused; the screen says it in its language with `values`. */
export type LogoProblem = 'svg_unsafe' | 'svg_invalid' | 'svg_no_size' | 'not_an_image' | 'too_many_bytes' | 'too_many_pixels' | 'unreadable';

export interface BrandingView {
  branding: Branding;
  /** Role colours whose white words would be hard to read (WCAG AA asks 4.5:1 for text). */
  warnings: { code: 'low_contrast'; role: Role; ratio: number }[];
  /** Set when the logo was refused: nothing of this change was saved. */
  refused: { code: LogoProblem | 'bad_colour'; values: Record<string, string | number> } | null;
  /** Whether this answer was saved (false for a dry run or a refusal). */
  saved: boolean;
  limits: { logoBytes: number; logoPixels: number; logoSide: number; svgBytes: number };
}
