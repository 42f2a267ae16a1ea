// What a hub does, whatever holds its log: the venue hub keeps it in the event's SQLite file (hub.ts), the
// organisers' hub in PostgreSQL for many events (pg-hub.ts). The HTTPS server speaks to this interface only.
import type { HubDeviceInfo, PairAnswer, PairRequest, PullAnswer, PushAnswer, StationRole, VectorClock } from '../../api/sync-protocol.js';

export interface AuthenticatedDevice {
  device_id: string;
  role: StationRole;
  /** The event this device is enrolled in (one per device). */
  event_id?: string;
}

export interface HubService {
  pair(req: PairRequest): PairAnswer | Promise<PairAnswer>;
  authenticate(credential: string | undefined): AuthenticatedDevice | Promise<AuthenticatedDevice>;
  push(device: AuthenticatedDevice, entries: unknown[], deviceTime: number | null): Promise<PushAnswer>;
  pull(device: AuthenticatedDevice, vector: VectorClock, waitMs: number, limit: number, deviceTime: number | null): Promise<PullAnswer>;
  devices(device?: AuthenticatedDevice): HubDeviceInfo[] | Promise<HubDeviceInfo[]>;
}

/** Why a request was refused, in words a steward can act on; the transport maps it to 401. */
export class HubAuthError extends Error {}

/** A paired device asking for what its role may not see (the device list is for organisers); the transport maps it to 403. */
export class HubForbiddenError extends Error {}
