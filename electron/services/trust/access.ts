// Who may call what. Every Api method names the principals allowed to call it in its descriptor
// (services/methods/); `Uketsuke.dispatch` asks `Trust.authorize` before running any handler, so the rule holds for
// every shell (web host, Electron IPC, CLI).
// A station's role gives it a base set of principals; a staff member signing in on it adds `staff` (PIN or staff
// badge) or `staff` + `organiser` (organiser badge) until they sign out or stay idle too long.
import { STATION_KINDS, type StationKind } from '../../api/vocabulary.js';

export { STATION_KINDS, type StationKind };

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

// The principal sets methods name (electron/services/methods/<wing>.ts); the access matrix is derived from there
// (methods/index.ts, METHOD_ACCESS) and checked against the expected one in test/unit/trust.test.ts.
export const ANYONE: readonly Principal[] = ['kiosk', 'door', 'desk', 'staff', 'organiser'];
export const KIOSK: readonly Principal[] = ['kiosk', 'desk', 'staff'];
export const DOOR: readonly Principal[] = ['door', 'desk', 'staff'];
export const DOOR_OR_KIOSK: readonly Principal[] = ['door', 'kiosk', 'desk', 'staff'];
export const DESK: readonly Principal[] = ['desk', 'staff'];
export const STAFF: readonly Principal[] = ['staff'];
export const ORGANISER: readonly Principal[] = ['organiser'];
