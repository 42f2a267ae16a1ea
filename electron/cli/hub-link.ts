// The HTTPS link to the hub a paired event file keeps (meta, services/sync/station-sync.ts), for the commands that
// talk to that hub once (`sync`, `devices`); the caller closes the transport.
import type { Uketsuke } from '../services/uketsuke.js';
import type { HttpsHubTransport } from '../host/hub/client.js';

/** The transport to this file's hub, or null when the file is not paired. */
export async function hubTransportOf(app: Uketsuke): Promise<HttpsHubTransport | null> {
  const { readHubLink } = await import('../services/sync/station-sync.js');
  const link = readHubLink(app.core);
  if (!link) return null;
  const { HttpsHubTransport } = await import('../host/hub/client.js');
  return new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential);
}
