// The contract's venue wing: the link with the hub, what offline devices could not prevent, and who this client is
// signed in as (outputs; inputs are the schemas of electron/services/methods/venue.ts). Part of electron/api/contract.ts.
import type { Delegate } from './people.js';

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
  /** The hub's address answers with another certificate than the pinned one: someone else's machine, not an outage. */
  notYourHub?: boolean;
  /** The hub holds this many more of this station's own entries than its file (a restored file): it cannot sync on. */
  behindOwnHistory?: number;
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
