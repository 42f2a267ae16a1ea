// Who may call what. Every Api method names the principals allowed to call it; `Uketsuke.dispatch` asks
// `Trust.authorize` before running any handler, so the rule holds for every shell (web host, Electron IPC, CLI).
// A station's role gives it a base set of principals; a staff member signing in on it adds `staff` (PIN or staff
// badge) or `staff` + `organiser` (organiser badge) until they sign out or stay idle too long.
import type { ApiMethod } from '../../api/contract.js';

export const STATION_KINDS = ['desk', 'door', 'kiosk', 'organiser'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** What a caller may act as. */
export type Principal = 'kiosk' | 'door' | 'desk' | 'staff' | 'organiser';
export type StaffLevel = 'staff' | 'organiser';

export interface Caller {
  /** Who is knocking: a lockout and a sign-in belong to one client, never to everyone. */
  clientId: string;
  station: StationKind;
}

/**
 * The desk laptop's own window (Electron, or the browser on loopback) and the CLI: the person at the keyboard
 * already holds the event file, so they are trusted as desk and organiser.
 */
export const LOCAL_OPERATOR: Caller = Object.freeze({ clientId: 'local', station: 'organiser' });

const STATION_GRANTS: Record<StationKind, readonly Principal[]> = {
  kiosk: ['kiosk'],
  door: ['door'],
  // A registration desk also checks people in and scans like a door or kiosk would.
  desk: ['desk', 'kiosk', 'door'],
  organiser: ['desk', 'kiosk', 'door', 'staff', 'organiser'],
};

const SIGNED_IN_GRANTS: Record<StaffLevel, readonly Principal[]> = {
  staff: ['staff'],
  organiser: ['staff', 'organiser'],
};

export function grantsOf(station: StationKind, signedIn: StaffLevel | null): Set<Principal> {
  return new Set([...STATION_GRANTS[station], ...(signedIn ? SIGNED_IN_GRANTS[signedIn] : [])]);
}

const ANYONE: readonly Principal[] = ['kiosk', 'door', 'desk', 'staff', 'organiser'];
const KIOSK: readonly Principal[] = ['kiosk', 'desk', 'staff'];
const DOOR: readonly Principal[] = ['door', 'desk', 'staff'];
const DOOR_OR_KIOSK: readonly Principal[] = ['door', 'kiosk', 'desk', 'staff'];
const DESK: readonly Principal[] = ['desk', 'staff'];
const STAFF: readonly Principal[] = ['staff'];
const ORGANISER: readonly Principal[] = ['organiser'];

/**
 * Methods a later branch adds without a line here are staff-only: safe by default, and the contract test
 * (test/unit/trust.test.ts) fails until someone decides.
 */
export const DEFAULT_ACCESS: readonly Principal[] = STAFF;

export const METHOD_ACCESS: Partial<Record<ApiMethod, readonly Principal[]>> = {
  event: ANYONE,
  checkpoints: ANYONE,
  syncStatus: ANYONE,
  unlock: ANYONE,
  signOut: ANYONE,
  session: ANYONE,
  // The kiosk finds and checks in the person in front of it (hits carry no badge token) and prints their badge.
  searchDelegates: KIOSK,
  checkIn: KIOSK,
  printBadge: KIOSK,
  printers: KIOSK,
  printJobs: KIOSK,
  retryPrint: KIOSK,
  scan: DOOR_OR_KIOSK,
  // "Admit anyway": a door may ask, the handler wants the PIN or a staff badge with it once a PIN is set.
  override: DOOR,
  recentScans: DOOR,
  passengers: DOOR,
  stillExpected: DOOR,
  // Name + email (or a code): finds one person only, never a list.
  kioskFind: KIOSK,
  // The delegate card carries the badge token: never for a kiosk or a door.
  delegate: DESK,
  // A badge QR or registration code in the desk search: opens the person, like the delegate card.
  identifyCode: DESK,
  // The desk's country filter.
  countries: DESK,
  attendance: DESK,
  syncConflicts: DESK,
  hubDevices: DESK,
  // Live counts only, no names.
  dashboard: DESK,
  undoScan: STAFF,
  walkIn: STAFF,
  updateDelegate: STAFF,
  setRegistrations: STAFF,
  reissueBadge: STAFF,
  importPreview: ORGANISER,
  importStart: ORGANISER,
  importStatus: ORGANISER,
  rejectedRows: ORGANISER,
  exportDelegates: ORGANISER,
  subjectExport: ORGANISER,
  // Manifests and certificates carry names: the organisers'.
  report: ORGANISER,
  reportStart: ORGANISER,
  reportStatus: ORGANISER,
  pairingCode: ORGANISER,
  startHub: ORGANISER,
  joinHub: ORGANISER,
  // Event setup: the programme is read by every staff screen; changing it is the organisers'.
  programme: DESK,
  updateEvent: ORGANISER,
  saveSession: ORGANISER,
  archiveSession: ORGANISER,
  moveSession: ORGANISER,
  saveDay: ORGANISER,
  saveBus: ORGANISER,
  archiveBus: ORGANISER,
  saveCheckpointRules: ORGANISER,
  programmeImport: ORGANISER,
  newEvent: ORGANISER,
  // Branding is read by the Event screen only; it is on every badge anyway.
  // The first-start choice: a station with no event yet is the organiser's own machine.
  openDemo: ORGANISER,
  branding: ORGANISER,
  setBranding: ORGANISER,
  setStaffPin: ORGANISER,
};

export function accessOf(method: string): readonly Principal[] {
  return (METHOD_ACCESS as Record<string, readonly Principal[] | undefined>)[method] ?? DEFAULT_ACCESS;
}
