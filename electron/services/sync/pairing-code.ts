// The one-time pairing code a hub shows (as a QR, or to copy): the hub's addresses, the fingerprint of its TLS
// certificate (so the station pins it: no one on the venue Wi-Fi can stand in for the hub), a secret valid ten
// minutes, and the role the station will have. Plain ASCII so a keyboard-wedge scanner can type it.
import { z } from 'zod';
import { STATION_ROLES, type StationRole } from '../../api/sync-protocol.js';

const PREFIX = 'UKPAIR1.';

const content = z.object({
  h: z.array(z.string().url().max(200)).min(1).max(8),
  f: z.string().regex(/^[0-9A-F]{64}$/),
  s: z.string().min(8).max(64),
  r: z.enum(STATION_ROLES),
  e: z.string().max(40),
});

export interface PairingCode {
  hub: string[];
  fingerprint: string;
  secret: string;
  role: StationRole;
  expiresAt: string;
}

export function encodePairingCode(c: PairingCode): string {
  const json = JSON.stringify({ h: c.hub, f: c.fingerprint, s: c.secret, r: c.role, e: c.expiresAt });
  return PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

export function decodePairingCode(code: string): PairingCode {
  const trimmed = code.trim();
  if (!trimmed.startsWith(PREFIX)) throw new Error('This is not an Uketsuke pairing code (it starts with UKPAIR1.).');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(trimmed.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw new Error('The pairing code is damaged: scan or copy it again.');
  }
  const c = content.safeParse(parsed);
  if (!c.success) throw new Error('The pairing code is damaged: scan or copy it again.');
  return { hub: c.data.h, fingerprint: c.data.f, secret: c.data.s, role: c.data.r, expiresAt: c.data.e };
}

/** Certificate fingerprints compared in one form: upper-case hex, no colons. */
export function normaliseFingerprint(f: string): string {
  return f.replace(/:/g, '').toUpperCase();
}
