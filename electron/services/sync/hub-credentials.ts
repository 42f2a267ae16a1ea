// The hub's pairing and credential rules, whatever holds its log: the venue hub's SQLite file (hub.ts) and the
// organisers' PostgreSQL (pg-hub.ts) both make pairing codes, issue credentials, check them and refuse a station
// that speaks for another device here, so the two hubs cannot drift in what they accept or in what they say.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGNING_ROLES, type StationRole } from '../../api/sync-protocol.js';
import { encodePairingCode } from './pairing-code.js';
import { HubAuthError, HubForbiddenError, type AuthenticatedDevice } from './hub-service.js';

/** A pairing code is good for ten minutes. */
export const PAIRING_TTL_MS = 10 * 60 * 1000;

/** `deviceId.secret`, as a station presents it. */
const CREDENTIAL = /^([a-z0-9][a-z0-9-]{3,31})\.([A-Za-z0-9_-]{20,100})$/;

/** Hubs keep only the hash of a pairing secret or a credential: a copied hub file or database pairs nobody. */
export const secretHash = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface PairingCode {
  code: string;
  hub: string[];
  fingerprint: string;
  expiresAt: string;
}

/** A new one-time pairing code for `role` at this hub, and the secret's hash to store. */
export function newPairingCode(hub: { urls: string[]; fingerprint: string }, role: StationRole, nowMs: number): { answer: PairingCode; secretHash: string } {
  const secret = randomBytes(12).toString('base64url');
  const expiresAt = new Date(nowMs + PAIRING_TTL_MS).toISOString();
  const code = encodePairingCode({ hub: hub.urls, fingerprint: hub.fingerprint, secret, role, expiresAt });
  return { answer: { code, hub: hub.urls, fingerprint: hub.fingerprint, expiresAt }, secretHash: secretHash(secret) };
}

/** A paired device's credential (given to it once) and the hash the hub keeps. */
export function newCredential(deviceId: string): { credential: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { credential: `${deviceId}.${secret}`, hash: secretHash(secret) };
}

/** The device a credential names and its secret's hash, or the refusal a station without one gets. */
export function readCredential(credential: string | undefined): { deviceId: string; given: Buffer } {
  const m = CREDENTIAL.exec(credential ?? '');
  if (!m) throw new HubAuthError('This device is not paired with the hub: pair it with a pairing code.');
  return { deviceId: m[1]!, given: Buffer.from(secretHash(m[2]!), 'hex') };
}

/** Whether a presented credential is the one whose hash the hub keeps (in constant time). */
export function credentialMatches(given: Buffer, storedHash: string): boolean {
  return timingSafeEqual(given, Buffer.from(storedHash, 'hex'));
}

/** A credential the hub holds no match for, or one of a removed device: the refusal says what to do. */
export function checkCredential<T extends { revoked_at: unknown }>(row: T | undefined): asserts row is T {
  if (!row) throw new HubAuthError('The hub does not know this device (it was re-paired or the hub was replaced): pair it again.');
  if (row.revoked_at) throw new HubAuthError('This device was removed from the event by the organisers: it cannot sync any more.');
}

/** A station speaks for itself; a venue hub forwards its stations' entries too. Null when allowed, else the problem. */
export function pushRefusal(device: AuthenticatedDevice, entryDevice: unknown): string | null {
  return entryDevice === device.device_id || device.role === 'venue' ? null : `entry of device ${String(entryDevice)} pushed by ${device.device_id}`;
}

/** Only roles that issue badges receive the event's signing key at pairing. */
export function signingKeyFor(role: StationRole, key: string | null): string | null {
  return SIGNING_ROLES.has(role) ? key : null;
}

/** Who may read the hub's device list (every id, role and name): organiser stations and a venue hub only. */
const DEVICE_LIST_ROLES: ReadonlySet<StationRole> = new Set(['organiser', 'venue']);

/** Refuses a paired door, desk or kiosk the device list: ids and names are what a takeover would start from. */
export function checkDeviceListAccess(device: AuthenticatedDevice | undefined): void {
  if (device && !DEVICE_LIST_ROLES.has(device.role)) throw new HubForbiddenError('Only organisers see the list of devices.');
}

/**
 * Pairing never takes over a device id the hub already knows: a paired (or removed) device's id, or one that wrote
 * entries. The one exception is the same station pairing again after its first pairing was cut off: it proves it
 * with the credential the hub gave it then. Null when the id may be paired, else the refusal.
 */
export function pairIdRefusal(known: { credential_hash: string; revoked_at: unknown } | undefined, wroteEntries: boolean, presented: string | undefined): string | null {
  if (known?.revoked_at) return 'This device was removed from the event by the organisers: pair a new event file.';
  if (known) {
    const m = CREDENTIAL.exec(presented ?? '');
    if (m && credentialMatches(Buffer.from(secretHash(m[2]!), 'hex'), known.credential_hash)) return null;
    return 'Another device with this id is already paired with the hub: pair a new event file.';
  }
  return wroteEntries ? 'This device id is already in the event\'s log: pair a new event file.' : null;
}
