// The event's words as constants: verdicts, roles, checkpoint kinds and rules, badge sizes, station roles and kinds,
// report kinds. Constants only (no zod, no imports but other constants), so the renderer may import this one back-end
// module at runtime (test/unit/architecture.test.ts) and no screen copies a list. The contract's types and schemas
// (electron/api/contract.ts and its wing files) build on these.

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
/**
 * What an import could not settle about a person (issue 24): they are imported, and the import report, the desk card
 * and the desk's "needs attention" filter show the flag until a clerk settles it.
 */
export const DELEGATE_FLAGS = ['reading_missing', 'reading_guessed', 'email_invalid', 'role_unknown', 'possible_duplicate', 'waitlisted'] as const;
export type DelegateFlag = (typeof DELEGATE_FLAGS)[number];

export type VerdictCode = (typeof VERDICTS)[number];

/** Verdicts that let the person through. */
export const ADMITTING: ReadonlySet<VerdictCode> = new Set(['admitted', 'readmitted']);

/**
 * Verdicts a supervisor may admit anyway ("Admit anyway" at the door), when the code named a person: the rules
 * said no, the person is who they are. A forged, revoked or unknown code is never overridden.
 */
export const OVERRIDABLE: ReadonlySet<VerdictCode> = new Set(['not_registered', 'full', 'outside_time_window', 'already_checked_in']);

export const ROLES = ['delegate', 'speaker', 'panellist', 'organiser', 'press', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const CHECKPOINT_KINDS = ['session', 'bus', 'venue', 'meeting'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
/** In the order the Event screen offers them. */
export const ENTRY_RULES = ['reentry', 'once', 'once_per_day'] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];
export const LIST_RULES = ['anyone', 'registered'] as const;
export type ListRule = (typeof LIST_RULES)[number];

export const BADGE_SIZE_NAMES = ['a6', 'cr80', '4x6in', '4x3in', 'a4-sheet'] as const;
export type BadgeSizeName = (typeof BADGE_SIZE_NAMES)[number];
/** The sizes a station prints one badge on (the A4 sheet of six is for the CLI's batch printing). */
export const STATION_BADGE_SIZES = ['a6', 'cr80', '4x6in', '4x3in'] as const satisfies readonly BadgeSizeName[];

/** What a device is paired with the hub as (the sync protocol's roles). */
export const STATION_ROLES = ['desk', 'door', 'kiosk', 'venue', 'organiser'] as const;
export type StationRole = (typeof STATION_ROLES)[number];
/** The roles a station is paired for from the Venue screen (a venue hub and an organiser laptop pair otherwise). */
export const PAIRABLE_STATION_ROLES = ['desk', 'door', 'kiosk'] as const satisfies readonly StationRole[];
/** Roles that issue badges and so receive the event's signing key; doors verify with the public key only. */
export const SIGNING_ROLES: ReadonlySet<StationRole> = new Set(['desk', 'kiosk', 'venue', 'organiser']);

/** What a client of the Api is: its screens and what it may do follow from it (services/trust/). */
export const STATION_KINDS = ['desk', 'door', 'kiosk', 'organiser'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const REPORT_KINDS = ['attendance', 'bus-manifest', 'no-shows', 'meetings', 'origin', 'audit', 'certificates'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGS = ['en', 'ja'] as const;

export const IMPORT_FIELD_NAMES = ['familyName', 'givenName', 'fullName', 'familyNameKanji', 'givenNameKanji', 'familyNameKana', 'givenNameKana', 'fullNameKana', 'organisation', 'country', 'region', 'email', 'role', 'externalCode', 'registrations', 'orderCode', 'ticketCode', 'ticketType', 'status'] as const;
export type ImportFieldName = (typeof IMPORT_FIELD_NAMES)[number];
