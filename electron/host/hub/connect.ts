// Wiring a station to its hub over HTTPS, shared by the shells (CLI, web host, Electron backend): pairing with a
// code, and the live sync loop of a paired station.
import { decodePairingCode } from '../../services/sync/pairing-code.js';
import { pairStation, readHubLink, StationSync, type SyncOptions } from '../../services/sync/station-sync.js';
import type { Uketsuke } from '../../services/uketsuke.js';
import type { PairAnswer } from '../../api/sync-protocol.js';
import { ServiceError } from '../../services/core.js';
import { fetchPinnedCertificate, HttpsHubTransport } from './client.js';

export async function pairWithCode(app: Uketsuke, codeText: string, name: string, onProgress?: (loaded: number, total: number) => void): Promise<PairAnswer & { delegates: number }> {
  let code;
  try {
    code = decodePairingCode(codeText);
  } catch (e) {
    throw new ServiceError('bad_input', (e as Error).message);
  }
  if (code.expiresAt < new Date().toISOString()) throw new ServiceError('bad_input', 'This pairing code has expired (codes last ten minutes): ask the hub for a new one.');
  let certPem: string | null = null;
  let lastError: Error | null = null;
  for (const url of code.hub) {
    try {
      certPem = await fetchPinnedCertificate(url, code.fingerprint);
      break;
    } catch (e) {
      lastError = e as Error;
    }
  }
  if (!certPem) throw new ServiceError('conflict', lastError?.message ?? 'Cannot reach the hub.');
  const pem = certPem;
  const result = await pairStation(app.core, (credential) => new HttpsHubTransport(code.hub, pem, code.fingerprint, credential), code, pem, name, onProgress);
  app.event.invalidate();
  return result;
}

/** The live sync of a paired station (null when the file is not paired). */
export function connectStation(app: Uketsuke, opts: SyncOptions = {}): StationSync | null {
  const link = readHubLink(app.core);
  if (!link) return null;
  return app.attachStationSync(new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential), opts);
}
