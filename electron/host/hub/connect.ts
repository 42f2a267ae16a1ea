// Wiring a station to its hub over HTTPS, shared by the shells (CLI, web host, Electron backend): pairing with a
// code, and the live sync loop of a paired station.
import { decodePairingCode } from '../../services/sync/pairing-code.js';
import { pairStation, readHubLink, StationSync, type SyncOptions } from '../../services/sync/station-sync.js';
import type { Uketsuke } from '../../services/uketsuke.js';
import type { PairAnswer } from '../../api/sync-protocol.js';
import { ServiceError } from '../../services/core.js';
import { fetchPinnedCertificate, HttpsHubTransport, HubNotYoursError } from './client.js';

/** The hub's certificate from the first of its addresses that answers, checked against the code's fingerprint. */
async function pinnedCertificate(code: { hub: string[]; fingerprint: string }): Promise<string> {
  let lastError: Error | null = null;
  for (const url of code.hub) {
    try {
      return await fetchPinnedCertificate(url, code.fingerprint);
    } catch (e) {
      lastError = e as Error;
      if (e instanceof HubNotYoursError) break;
    }
  }
  if (lastError instanceof HubNotYoursError) throw new ServiceError('conflict', lastError.message, { key: 'hub_not_yours', values: {} });
  throw new ServiceError('conflict', lastError?.message ?? 'Cannot reach the hub.', { key: 'hub_unreachable', values: { detail: lastError?.message ?? '' } });
}

export async function pairWithCode(app: Uketsuke, codeText: string, name: string, onProgress?: (loaded: number, total: number) => void): Promise<PairAnswer & { delegates: number }> {
  let code;
  try {
    code = decodePairingCode(codeText);
  } catch (e) {
    throw new ServiceError('bad_input', (e as Error).message, { key: 'pairing_code_unreadable', values: { detail: (e as Error).message } });
  }
  if (code.expiresAt < new Date().toISOString()) throw new ServiceError('bad_input', 'This pairing code has expired (codes last ten minutes): ask the hub for a new one.', { key: 'pairing_code_expired', values: {} });
  const pem = await pinnedCertificate(code);
  const result = await pairStation(app.core, (credential) => new HttpsHubTransport(code.hub, pem, code.fingerprint, credential), code, pem, name, onProgress);
  app.event.invalidate();
  return result;
}

/** A venue hub pairs with the organisers' hub (role venue), bringing its event; the link is kept in meta 'upstream'. */
export async function pairUpstream(app: Uketsuke, codeText: string, name: string): Promise<PairAnswer> {
  let code;
  try {
    code = decodePairingCode(codeText);
  } catch (e) {
    throw new ServiceError('bad_input', (e as Error).message, { key: 'pairing_code_unreadable', values: { detail: (e as Error).message } });
  }
  if (code.role !== 'venue') throw new ServiceError('bad_input', `This pairing code is for a ${code.role} station; a venue hub needs a code for the role venue.`, { key: 'pairing_code_role', values: { role: code.role } });
  const certPem = await pinnedCertificate(code);
  const event = app.db.prepare('SELECT id, public_key, private_key FROM event LIMIT 1').get() as { id: string; public_key: string; private_key: string | null };
  const transport = new HttpsHubTransport(code.hub, certPem, code.fingerprint, null);
  const answer = await transport.pair({ secret: code.secret, deviceId: app.core.deviceId, name, event: { id: event.id, publicKey: event.public_key, signingKey: event.private_key } }).finally(() => transport.close());
  const link = { urls: code.hub, fingerprint: code.fingerprint, certPem, credential: answer.credential, role: answer.role, eventId: answer.eventId, pairedAt: new Date().toISOString() };
  app.core.device.setUpstreamLink(link);
  return answer;
}

/** A venue hub's forwarding to its upstream (the organisers' hub), when it has one. */
export function connectUpstream(app: Uketsuke, opts: SyncOptions = {}): StationSync | null {
  const link = app.core.device.upstreamLink();
  if (!link) return null;
  const sync = new StationSync(app.core, new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential), { ...opts, forward: 'all' });
  sync.start();
  return sync;
}

/** The live sync of a paired station (null when the file is not paired). */
export function connectStation(app: Uketsuke, opts: SyncOptions = {}): StationSync | null {
  const link = readHubLink(app.core);
  if (!link) return null;
  return app.hubRole.attachStationSync(new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential), opts);
}
