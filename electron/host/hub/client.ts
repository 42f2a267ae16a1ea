// A station's HTTPS transport to its hub, pinned to the certificate fingerprint from the pairing code: the venue
// Wi-Fi cannot stand in for the hub, read delegates' data or inject scans. Several hub addresses are tried in turn.
import https from 'node:https';
import tls from 'node:tls';
import type { HubDeviceInfo, PairAnswer, PairRequest, PullAnswer, PushAnswer, VectorClock } from '../../api/sync-protocol.js';
import { normaliseFingerprint } from '../../services/sync/pairing-code.js';
import type { HubTransport } from '../../services/sync/station-sync.js';

export class HubUnreachableError extends Error {}
export class HubRefusedError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The server answering at the hub's address shows another certificate than the one pinned at pairing: not an outage
 * (retrying fast would not help) but someone else's machine. `notYourHub` is what the station's sync reads.
 */
export class HubNotYoursError extends HubRefusedError {
  readonly notYourHub = true;
  constructor(url: string) {
    super(495, `This is not your hub: the server at ${url} shows another certificate than the one this station was paired with. Do not pair with it; tell the organisers.`);
  }
}

/** Fetches the hub's certificate and checks it against the pinned fingerprint before anything is sent. */
export function fetchPinnedCertificate(url: string, fingerprint: string, timeoutMs = 5000): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: u.hostname, port: Number(u.port || 443), rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const cert = socket.getPeerX509Certificate();
      socket.end();
      if (!cert) return reject(new HubUnreachableError(`${url} sent no certificate.`));
      if (normaliseFingerprint(cert.fingerprint256) !== normaliseFingerprint(fingerprint)) {
        return reject(new HubNotYoursError(url));
      }
      resolve(cert.toString());
    });
    socket.on('timeout', () => socket.destroy(new HubUnreachableError(`No answer from ${url}.`)));
    socket.on('error', (e) => reject(e instanceof HubUnreachableError ? e : new HubUnreachableError(`Cannot reach the hub at ${url}: ${e.message}`)));
  });
}

export class HttpsHubTransport implements HubTransport {
  private readonly agent: https.Agent;
  private preferred = 0;

  constructor(
    private readonly urls: string[],
    certPem: string,
    fingerprint: string,
    private readonly credential: string | null,
  ) {
    const pinned = normaliseFingerprint(fingerprint);
    this.agent = new https.Agent({
      keepAlive: true,
      ca: certPem,
      // The certificate is the hub's own, whatever address it is reached at: identity is the fingerprint.
      checkServerIdentity: (host, cert) => (normaliseFingerprint(cert.fingerprint256) === pinned ? undefined : new HubNotYoursError(host)),
    });
  }

  pair(req: PairRequest): Promise<PairAnswer> {
    return this.request('POST', '/sync/v1/pair', req, 15_000);
  }

  push(entries: unknown[]): Promise<PushAnswer> {
    return this.request('POST', '/sync/v1/push', { entries }, 60_000);
  }

  pull(vector: VectorClock, waitMs: number, limit: number): Promise<PullAnswer> {
    return this.request('POST', '/sync/v1/pull', { vector, waitMs, limit }, waitMs + 30_000);
  }

  devices(): Promise<HubDeviceInfo[]> {
    return this.request('GET', '/sync/v1/devices', null, 15_000);
  }

  close(): void {
    this.agent.destroy();
  }

  private async request<T>(method: string, path: string, body: unknown, timeoutMs: number): Promise<T> {
    let last: Error = new HubUnreachableError('No hub address.');
    for (let i = 0; i < this.urls.length; i++) {
      const index = (this.preferred + i) % this.urls.length;
      try {
        const answer = await this.once<T>(this.urls[index]!, method, path, body, timeoutMs);
        this.preferred = index;
        return answer;
      } catch (e) {
        if (e instanceof HubRefusedError) throw e;
        last = e as Error;
      }
    }
    throw last;
  }

  private once<T>(base: string, method: string, path: string, body: unknown, timeoutMs: number): Promise<T> {
    const text = body === null ? '' : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(new URL(path, base), {
        method,
        agent: this.agent,
        timeout: timeoutMs,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          'X-Uketsuke-Time': String(Date.now()),
          ...(this.credential ? { Authorization: `Bearer ${this.credential}` } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return reject(new HubUnreachableError(`The hub at ${base} answered something that is not JSON.`));
          }
          if (res.statusCode === 200) return resolve(json as T);
          const message = (json as { error?: { message?: string } }).error?.message ?? `HTTP ${res.statusCode}`;
          reject(res.statusCode && res.statusCode < 500 ? new HubRefusedError(res.statusCode, message) : new HubUnreachableError(message));
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new HubUnreachableError(`The hub at ${base} did not answer in time.`)));
      req.on('error', (e) => reject(e instanceof HubUnreachableError || e instanceof HubRefusedError ? e : isNotYours(e) ? new HubNotYoursError(base) : new HubUnreachableError(`Cannot reach the hub at ${base}: ${e.message}`)));
      req.end(text);
    });
  }
}

/**
 * The pinned certificate is the only authority the agent trusts, so any certificate verification failure means another
 * certificate than the pinned one (the identity check's own error carries its marker).
 */
const NOT_PINNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

function isNotYours(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  return (e as { notYourHub?: unknown }).notYourHub === true || NOT_PINNED.has(String((e as { code?: unknown }).code));
}
