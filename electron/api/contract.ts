// The one typed Api: every shell (Electron preload, web host, CLI, tests) speaks exactly this. Inputs are zod
// schemas because they cross a trust boundary (IPC, HTTP); outputs are plain types. No runtime code but schemas.
import { z } from 'zod';
import { STATION_ROLES, type HubDeviceInfo } from './sync-protocol.js';
import type { BusInfo, ProgrammeImportReport, SessionInfo } from './event-setup.js';

export const VERDICTS = [
  'admitted',
  'readmitted',
  'already_checked_in',
  'not_registered',
  'full',
  'outside_time_window',
  'revoked',
  'unknown',
  'forged',
] as const;
export type VerdictCode = (typeof VERDICTS)[number];

/** Verdicts that let the person through. */
export const ADMITTING: ReadonlySet<VerdictCode> = new Set(['admitted', 'readmitted']);

export const ROLES = ['delegate', 'speaker', 'panellist', 'organiser', 'press', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const CHECKPOINT_KINDS = ['session', 'bus', 'venue', 'meeting'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
export type EntryRule = 'once' | 'once_per_day' | 'reentry';
export type ListRule = 'registered' | 'anyone';

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
}

export interface DelegateHit extends Delegate {
  /** Checked in at the venue entrance (any day). */
  arrived: boolean;
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

export const REPORT_KINDS = ['attendance', 'bus-manifest', 'no-shows', 'meetings', 'origin', 'audit', 'certificates'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGS = ['en', 'ja'] as const;

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

/** The organisers' live figures (see services/reports/dashboard.ts). */
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

export const BADGE_SIZE_NAMES = ['a6', 'cr80', '4x6in', '4x3in', 'a4-sheet'] as const;

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
  size: (typeof BADGE_SIZE_NAMES)[number];
  status: 'queued' | 'printing' | 'done' | 'failed';
  /** The reason in English (logs, CLI); `errorCode` is what screens render. */
  error: string | null;
  errorCode: PrintJobError | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export const IMPORT_FIELD_NAMES = ['familyName', 'givenName', 'fullName', 'familyNameKanji', 'givenNameKanji', 'familyNameKana', 'givenNameKana', 'fullNameKana', 'organisation', 'country', 'region', 'email', 'role', 'externalCode', 'registrations', 'orderCode', 'ticketCode', 'ticketType', 'status'] as const;
export type ImportFieldName = (typeof IMPORT_FIELD_NAMES)[number];

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  headers: string[];
  mapping: (ImportFieldName | null)[];
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

export interface FileDownload {
  fileName: string;
  mime: string;
  base64: string;
}

const id = z.string().min(1).max(100);
// Files travel base64-encoded; 60 MB of base64 is a 45 MB file, far above a 50k-row registration export.
const fileInput = { fileName: z.string().min(1).max(255), base64: z.string().max(60_000_000) };
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional().nullable();

export const walkInSchema = z.object({
  // Latin names, or empty when the kana are given: the core derives them as a passport writes them (コンドウ → Kondo).
  familyName: text(200),
  givenName: text(200),
  familyNameKanji: optionalText(200),
  givenNameKanji: optionalText(200),
  familyNameKana: optionalText(200),
  givenNameKana: optionalText(200),
  organisation: optionalText(200),
  country: optionalText(100),
  region: optionalText(100),
  email: z.string().trim().max(254).email().optional().nullable().or(z.literal('')),
  role: z.enum(ROLES).default('delegate'),
  registrations: z.array(id).max(100).default([]),
});
export type WalkInInput = z.input<typeof walkInSchema>;

/** Editable delegate fields (names in every script, organisation, place, email, role). */
export const delegateEditSchema = walkInSchema.omit({ registrations: true });

/** A report: what, as which file, in which language; certificates optionally for some delegates only. */
const reportInput = z.object({
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(REPORT_LANGS).default('en'),
  delegateIds: z.array(id).max(100_000).optional(),
});

/** Every Api method's input schema. Keys are the method names. */
export const apiInputs = {
  event: z.object({}),
  checkpoints: z.object({}),
  // The desk's country filter: every country a delegate of this event gave, with how many.
  countries: z.object({}),
  searchDelegates: z.object({
    query: z.string().max(200),
    limit: z.number().int().min(1).max(100).default(20),
    /** The desk's filter chips; the ranking is the search's own, only people who pass are kept. */
    filters: z
      .object({ arrived: z.boolean().optional(), role: z.enum(ROLES).optional(), country: z.string().min(1).max(100).optional() })
      .strict()
      .optional(),
  }),
  delegate: z.object({ id }),
  scan: z.object({ checkpointId: id, code: z.string().max(8192) }),
  checkIn: z.object({ delegateId: id, checkpointId: id.optional() }),
  // A supervisor's decision: once a staff PIN is set, the PIN (or a staff badge) comes with it.
  override: z.object({ checkpointId: id, delegateId: id, reason: text(500).min(3), secret: z.string().max(600).optional() }),
  undoScan: z.object({ scanId: id, reason: text(500).min(3) }),
  walkIn: walkInSchema,
  updateDelegate: z.object({ id, fields: delegateEditSchema }),
  // The desk's "Sessions & bus": the sessions, meeting blocks and bus the delegate is registered for, as a whole.
  setRegistrations: z.object({ delegateId: id, targetIds: z.array(id).max(200) }),
  reissueBadge: z.object({ delegateId: id }),
  recentScans: z.object({ checkpointId: id.optional(), limit: z.number().int().min(1).max(500).default(50) }),
  attendance: z.object({}),
  printers: z.object({}),
  printBadge: z.object({ delegateId: id, printer: id, size: z.enum(BADGE_SIZE_NAMES).default('a6'), back: z.boolean().default(false) }),
  printJobs: z.object({ limit: z.number().int().min(1).max(500).default(20) }),
  retryPrint: z.object({ jobId: id }),
  unlock: z.object({ secret: z.string().min(1).max(600) }),
  importPreview: z.object(fileInput),
  importStart: z.object({ ...fileInput, mapping: z.array(z.enum(IMPORT_FIELD_NAMES).nullable()).max(200).optional(), dryRun: z.boolean().default(false) }),
  importStatus: z.object({ jobId: id }),
  exportDelegates: z.object({ format: z.enum(['csv', 'csv-sjis', 'xlsx']) }),
  rejectedRows: z.object({ jobId: id }),
  subjectExport: z.object({ delegateId: id }),
  syncConflicts: z.object({}),
  syncStatus: z.object({}),
  hubDevices: z.object({}),
  pairingCode: z.object({ role: z.enum(STATION_ROLES) }),
  startHub: z.object({}),
  passengers: z.object({ checkpointId: id }),
  joinHub: z.object({ code: z.string().min(10).max(2000), name: text(100).default('') }),
  // The self-service kiosk finds one person by two things they know, never by a fragment (services/people/kiosk-lookup.ts).
  kioskFind: z.object({ name: z.string().max(200), email: z.string().max(254) }),
  // The desk: a badge QR or registration code typed, pasted or wedge-scanned into the search (checkin/identify.ts).
  identifyCode: z.object({ code: z.string().max(8192) }),
  // Registered for the checkpoint's target and not admitted yet (a bus's missing passengers).
  stillExpected: z.object({ checkpointId: id }),
  // Staff sign-in is `unlock`; these end it and say who this client is signed in as (services/trust/).
  signOut: z.object({}),
  session: z.object({}),
  report: reportInput,
  reportStart: reportInput,
  reportStatus: z.object({ jobId: id }),
  dashboard: z.object({}),
  // Event setup (Event screen): every change is a replicated entry.
  programme: z.object({}),
  updateEvent: z.object({
    name: text(200).optional(), nameJa: text(200).nullable().optional(), venue: text(300).optional(), venueJa: text(300).nullable().optional(), timezone: text(64).optional(),
    rehearsal: z.boolean().optional(), startsOn: text(10).optional(), endsOn: text(10).optional(),
  }),
  saveSession: z.object({
    id: id.nullable().optional(), title: text(500), titleJa: text(500).nullable().optional(), room: text(200).nullable().optional(),
    kind: text(40).optional(), startsAt: text(40), endsAt: text(40), capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  }),
  archiveSession: z.object({ id, archived: z.boolean().default(true) }),
  moveSession: z.object({ id, direction: z.enum(['up', 'down']) }),
  saveDay: z.object({ dayNo: z.number().int().min(1).max(366), title: text(200), titleJa: text(200).nullable().optional() }),
  saveBus: z.object({
    id: id.nullable().optional(), label: text(200), site: text(300), departsAt: text(40), boardsAt: text(40).nullable().optional(),
    returnsAt: text(40).nullable().optional(), meetingPoint: text(300).nullable().optional(), capacity: z.number().int().min(1).max(10_000),
  }),
  archiveBus: z.object({ id, archived: z.boolean().default(true) }),
  saveCheckpointRules: z.object({
    id,
    rules: z.object({
      name: text(300).optional(), nameJa: text(300).nullable().optional(), capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
      opensAt: text(40).nullable().optional(), closesAt: text(40).nullable().optional(),
      entryRule: z.enum(['once', 'once_per_day', 'reentry']).optional(), listRule: z.enum(['registered', 'anyone']).optional(),
    }),
  }),
  programmeImport: z.object({ ...fileInput, dryRun: z.boolean().default(false) }),
  // The one way to set or change the staff PIN (logged with who changed it). 4–5 digits are accepted with a warning
  // (they rely on the per-client rate limit); 6+ are advised. Changing it needs the current PIN or a staff badge,
  // unless this client signed in with an organiser badge.
  setStaffPin: z.object({ pin: z.string().regex(/^\d{4,8}$/), current: z.string().max(600).optional() }),
  // First start (no event in the file yet): the demo, in one click. "Create a new event" is newEvent, "Join a hub" joinHub.
  openDemo: z.object({}),
  // Badge branding (Event screen): replicated, drawn on every badge size. `dryRun` checks and answers the warnings
  // (contrast) without saving: the live preview asks it as the organiser types.
  branding: z.object({}),
  setBranding: z.object({
    title: text(200).nullable().optional(), titleJa: text(200).nullable().optional(), sponsor: text(200).nullable().optional(),
    logo: z.object({ fileName: text(300), base64: z.string().max(2_000_000) }).nullable().optional(),
    roles: z.partialRecord(z.enum(ROLES), z.object({ colour: z.string().max(20).optional(), label: text(40).optional(), labelJa: text(40).optional() })).optional(),
    dryRun: z.boolean().default(false),
  }),
  newEvent: z.object({
    name: text(200).min(1), nameJa: text(200).nullable().optional(), venue: text(300).optional(), venueJa: text(300).nullable().optional(), timezone: text(64).min(1),
    startsOn: text(10), endsOn: text(10), rehearsal: z.boolean().optional(),
  }),
} as const;

export type ApiMethod = keyof typeof apiInputs;

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

/** A station's link with its hub, for the status line of every staff screen. */
export interface SyncStatus {
  paired: boolean;
  role: string | null;
  hub: string | null;
  online: boolean;
  lastSyncAt: string | null;
  /** This device's changes the hub has not acknowledged yet. */
  waiting: number;
  lastError: string | null;
  clockSkewMs: number;
  /** This device's clock differs from the hub's by more than two minutes. */
  clockWarning: boolean;
}

/** What offline devices could not prevent, listed once their entries met (see services/sync/conflicts.ts). */
export interface SyncConflicts {
  doubleEntries: {
    targetKey: string;
    day: string | null;
    identityKey: string;
    delegate: Delegate | null;
    scans: { scanId: string; at: string; deviceId: string; deviceName: string; checkpointId: string; checkpointName: string; checkpointNameJa: string | null }[];
  }[];
  overCapacity: { counterKey: string; name: string; nameJa: string | null; admitted: number; capacity: number }[];
  duplicateEmails: { email: string; delegateIds: string[] }[];
}
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

export interface ApiOutputs {
  event: EventInfo;
  checkpoints: Checkpoint[];
  countries: { country: string; delegates: number }[];
  searchDelegates: DelegateHit[];
  delegate: DelegateDetail;
  scan: ScanResult;
  checkIn: ScanResult;
  override: ScanResult;
  undoScan: ScanRecord;
  walkIn: DelegateDetail;
  updateDelegate: DelegateDetail;
  setRegistrations: DelegateDetail;
  reissueBadge: DelegateDetail;
  recentScans: ScanRecord[];
  attendance: AttendanceRow[];
  printers: PrinterInfo[];
  printBadge: PrintJob;
  printJobs: PrintJob[];
  retryPrint: PrintJob;
  unlock: { ok: boolean; retryInMs: number; level?: 'staff' | 'organiser' };
  importPreview: ImportPreview;
  importStart: ImportJob;
  importStatus: ImportJob;
  exportDelegates: FileDownload;
  rejectedRows: FileDownload;
  subjectExport: FileDownload;
  syncConflicts: SyncConflicts;
  syncStatus: SyncStatus;
  hubDevices: HubDeviceInfo[];
  pairingCode: { code: string; hub: string[]; fingerprint: string; expiresAt: string };
  startHub: SyncStatus;
  passengers: PassengerList;
  joinHub: { eventId: string; delegates: number };
  kioskFind: { match: Delegate | null };
  identifyCode: CodeIdentity;
  stillExpected: { missing: Delegate[] };
  signOut: StaffSession;
  session: StaffSession;
  report: FileDownload;
  reportStart: ReportJob;
  reportStatus: ReportJob;
  dashboard: DashboardView;
  programme: Programme;
  updateEvent: EventInfo;
  saveSession: { id: string };
  archiveSession: Programme;
  moveSession: Programme;
  saveDay: EventInfo;
  saveBus: { id: string };
  archiveBus: Programme;
  saveCheckpointRules: Programme;
  programmeImport: ProgrammeImportReport;
  newEvent: { eventId: string; file: string };
  /** `weak`: 4 or 5 digits, which only the rate limit protects (screens say so). */
  setStaffPin: { staffPinSet: boolean; weak: boolean };
  branding: BrandingView;
  setBranding: BrandingView;
  openDemo: { eventId: string };
}

/** What this client may do: its station's role and who is signed in on it. */
export interface StaffSession {
  station: 'desk' | 'door' | 'kiosk' | 'organiser';
  signedIn: 'staff' | 'organiser' | null;
  may: ('kiosk' | 'door' | 'desk' | 'staff' | 'organiser')[];
  /** Whose staff badge signed in (null for the PIN, or nobody). */
  person: { familyName: string; givenName: string; familyNameKanji: string | null; givenNameKanji: string | null } | null;
  /** When the sign-in ends if this station stays unused; null when nobody is signed in. */
  idleSignOutAt: string | null;
  idleMinutes: number;
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

/** The event's programme as the Event screen edits it. */
export interface Programme {
  sessions: SessionInfo[];
  buses: BusInfo[];
  checkpoints: Checkpoint[];
}

/** What a client sees: every method async, whatever carries it. */
export type Api = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> };

/** An error the user caused and can fix; shells show its message (and code) instead of a crash. */
/** What a core message says, for a screen to render in its language (`message` stays English for logs and the CLI). */
export type CoreMessageKey =
  | 'already_paired'
  | 'badge_numbers_used'
  | 'bus_departs_before_boarding'
  | 'bus_needs_name'
  | 'bus_needs_seat'
  | 'bus_returns_before_departure'
  | 'cancelled_no_badge'
  | 'capacity_min'
  | 'checkpoint_closes_before_opens'
  | 'create_event_cli'
  | 'day_needs_title'
  | 'demo_cli'
  | 'duplicate_email'
  | 'end_date_invalid'
  | 'event_ends_before_start'
  | 'event_exists'
  | 'event_needs_name'
  | 'event_too_long'
  | 'file_unreadable'
  | 'hub_cannot_join'
  | 'hub_device_new_event'
  | 'hub_no_event'
  | 'hub_not_running'
  | 'hub_unreachable'
  | 'import_not_finished'
  | 'join_from_cli'
  | 'mapping_columns'
  | 'name_required'
  | 'names_required'
  | 'no_badge_numbers'
  | 'no_bus'
  | 'no_checkpoint'
  | 'no_day'
  | 'no_delegate'
  | 'no_delegate_filter'
  | 'no_entrance'
  | 'no_event'
  | 'no_hub_here'
  | 'no_import'
  | 'no_name_column'
  | 'no_paired_device'
  | 'no_print_job'
  | 'no_scan'
  | 'no_session'
  | 'no_such_printer'
  | 'not_a_datetime'
  | 'not_connected_hub'
  | 'only_checkin_undone'
  | 'other_event_file'
  | 'override_needs_pin'
  | 'paired_cannot_be_hub'
  | 'pairing_code_expired'
  | 'pairing_code_role'
  | 'pairing_code_unreadable'
  | 'pin_change_needs_pin'
  | 'pin_format'
  | 'printed_elsewhere'
  | 'programme_unreadable'
  | 'purge_after_event'
  | 'reissue_limit'
  | 'retry_only_failed'
  | 'scan_already_undone'
  | 'session_ends_before_start'
  | 'session_needs_title'
  | 'session_not_on_day'
  | 'start_date_invalid'
  | 'unknown_targets'
  | 'unknown_timezone';

export interface CoreMessage {
  /** Every key has a string in renderer/src/i18n/en.ts and ja.ts under core (test/unit/core-messages.test.ts). */
  key: CoreMessageKey;
  values: Record<string, string | number>;
}

export interface ApiErrorBody {
  error: { code: 'bad_input' | 'not_found' | 'conflict' | 'forbidden' | 'internal'; message: string; issues?: string[]; say?: CoreMessage };
}
