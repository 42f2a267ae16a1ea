// The sync protocol between stations and a hub: request bodies are zod schemas (they cross the venue network),
// answers are plain types. Entries themselves are checked one by one by the replica (services/replication/entries.ts).
import { z } from 'zod';

import { STATION_ROLES, SIGNING_ROLES, type StationRole } from './vocabulary.js';

export { STATION_ROLES, SIGNING_ROLES, type StationRole };

const vector = z.record(z.string().max(64), z.number().int().min(0));
const deviceId = z.string().regex(/^[a-z0-9][a-z0-9-]{3,31}$/);

export const pairRequest = z.object({
  secret: z.string().min(8).max(64),
  deviceId,
  name: z.string().max(100).default(''),
  /** A station pairing again after its first pairing was cut off proves it is that station with the credential it got. */
  credential: z.string().max(200).optional(),
  /** A venue hub pairing upstream brings its event: the organisers' hub learns its id and keys. */
  event: z.object({ id: z.string().min(1).max(200), publicKey: z.string().max(200), signingKey: z.string().max(400).nullable() }).optional(),
});
export type PairRequest = z.input<typeof pairRequest>;
export const pushRequest = z.object({ entries: z.array(z.unknown()).max(20_000) });
export const pullRequest = z.object({ vector, waitMs: z.number().int().min(0).max(30_000).default(0), limit: z.number().int().min(1).max(20_000).default(5000) });

export type VectorClock = z.infer<typeof vector>;

export interface PairAnswer {
  deviceId: string;
  role: StationRole;
  credential: string;
  eventId: string;
  hubDeviceId: string;
  /** Only for roles that print badges. */
  signingKey: string | null;
  badgeBlock: { first: number; last: number };
  /** Entries the hub holds: what a new station has to load. */
  entries: number;
}

export interface PushAnswer {
  applied: number;
  duplicates: number;
  rejected: { index: number; problem: string }[];
  vector: VectorClock;
  hubTime: number;
}

export interface PullAnswer {
  entries: unknown[];
  vector: VectorClock;
  /** More entries are waiting beyond this answer's limit. */
  more: boolean;
  hubTime: number;
}

export interface HubDeviceInfo {
  deviceId: string;
  role: StationRole | 'hub';
  name: string;
  pairedAt: string | null;
  lastSeen: string | null;
  /** Entries of the hub this device has not pulled yet. */
  waiting: number;
  clockSkewMs: number;
  revoked: boolean;
}
