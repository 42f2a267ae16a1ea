// The hub's TLS identity: a self-signed certificate made once and kept with the hub's event file (meta), so its
// fingerprint — what stations pin from the pairing code — stays the same across restarts.
import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import { generate } from 'selfsigned';
import type { Db } from '../../../db/open.js';
import { DeviceState } from '../../services/replication/device-state.js';
import { normaliseFingerprint } from '../../services/sync/pairing-code.js';

export interface TlsIdentity {
  key: string;
  cert: string;
  fingerprint: string;
}

export async function hubTlsIdentity(db: Db): Promise<TlsIdentity> {
  const device = new DeviceState(db);
  const stored = device.hubTls();
  if (stored) {
    const { key, cert } = stored;
    return { key, cert, fingerprint: fingerprintOf(cert) };
  }
  const made = await generate([{ name: 'commonName', value: `Uketsuke hub ${os.hostname()}` }], { keyType: 'ec', curve: 'P-256', notAfterDate: new Date(Date.now() + 10 * 365 * 86_400_000) });
  device.setHubTls({ key: made.private, cert: made.cert });
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert) };
}

/** One identity for every hub process on a PostgreSQL database: whichever process answers, stations see one certificate. */
export async function pgHubTlsIdentity(pool: import('pg').Pool): Promise<TlsIdentity> {
  const read = async () => (await pool.query('SELECT key, cert FROM hub_tls WHERE id = 1')).rows[0] as { key: string; cert: string } | undefined;
  let row = await read();
  if (!row) {
    const made = await generate([{ name: 'commonName', value: 'Uketsuke organisers hub' }], { keyType: 'ec', curve: 'P-256', notAfterDate: new Date(Date.now() + 10 * 365 * 86_400_000) });
    await pool.query('INSERT INTO hub_tls (id, key, cert) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [made.private, made.cert]);
    row = await read();
  }
  return { key: row!.key, cert: row!.cert, fingerprint: fingerprintOf(row!.cert) };
}

export function fingerprintOf(certPem: string): string {
  return normaliseFingerprint(new X509Certificate(certPem).fingerprint256);
}

/** Addresses stations can reach the hub at: the one it was bound to, or every IPv4 address of the machine. */
export function hubUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0') return [`https://${host}:${port}`];
  const lan = Object.values(os.networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal).map((i) => i!.address);
  return [...lan, '127.0.0.1'].map((a) => `https://${a}:${port}`);
}
