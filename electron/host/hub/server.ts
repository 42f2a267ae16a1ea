// The hub over HTTPS: a thin adapter over services/sync/hub.ts. Every request but pairing carries a device
// credential; bodies are size-limited and validated; slow or oversized requests are cut off with an answer. Body
// reading, JSON answers and the ServiceError → status table are shared with the web host (host/http.ts).
import https from 'node:https';
import type http from 'node:http';
import { z } from 'zod';
import { pairRequest, pullRequest, pushRequest } from '../../api/sync-protocol.js';
import { ServiceError } from '../../services/core.js';
import { HubAuthError, HubForbiddenError, type HubService } from '../../services/sync/hub-service.js';
import { hubUrls, type TlsIdentity } from './tls.js';
import { BodyTooLarge, readBody, refuseBody, sendJson, STATUS } from '../http.js';

const MAX_PUSH_BODY = 32 * 1024 * 1024;
const MAX_BODY = 64 * 1024;

export interface RunningHub {
  urls: string[];
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function startHubServer(opts: { hub: HubService; tls: TlsIdentity; port: number; host?: string }): Promise<RunningHub> {
  const host = opts.host ?? '127.0.0.1';
  const server = https.createServer({ key: opts.tls.key, cert: opts.tls.cert, minVersion: 'TLSv1.2' }, (req, res) => {
    route(opts.hub, req).then(
      (body) => sendJson(res, 200, body),
      (e: unknown) => {
        if (e instanceof BodyTooLarge) return refuseBody(req, res, { error: { message: e.message } });
        if (e instanceof HttpError) return sendJson(res, e.status, { error: { message: e.message } });
        if (e instanceof HubAuthError) return sendJson(res, 401, { error: { message: e.message } });
        if (e instanceof HubForbiddenError) return sendJson(res, 403, { error: { message: e.message } });
        if (e instanceof ServiceError) return sendJson(res, STATUS[e.code].hub, { error: { message: e.message } });
        sendJson(res, 500, { error: { message: e instanceof Error ? e.message : String(e) } });
      },
    );
  });
  // A long poll waits up to 30 s; nothing else should take long. Slow senders are cut off.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 35_000;
  server.maxConnections = 500;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        urls: hubUrls(host, port),
        port,
        fingerprint: opts.tls.fingerprint,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

async function route(hub: HubService, req: http.IncomingMessage): Promise<unknown> {
  const url = new URL(req.url ?? '/', 'https://hub');
  const deviceTime = Number(req.headers['x-uketsuke-time']);
  const time = Number.isFinite(deviceTime) && deviceTime > 0 ? deviceTime : null;
  if (req.method === 'GET' && url.pathname === '/sync/v1/health') return { ok: true };
  // The device list is read with GET; everything else is a POST. Any other method is refused before anything else.
  if (req.method !== (url.pathname === '/sync/v1/devices' ? 'GET' : 'POST')) throw new HttpError(405, 'Method not allowed.');
  if (url.pathname === '/sync/v1/pair') {
    const body = parse(pairRequest, await readJson(req, MAX_BODY));
    return hub.pair(body);
  }
  // Authenticate before reading a body: an unpaired device cannot make the hub read megabytes.
  const device = await hub.authenticate(bearer(req));
  switch (url.pathname) {
    case '/sync/v1/push':
      return hub.push(device, parse(pushRequest, await readJson(req, MAX_PUSH_BODY)).entries, time);
    case '/sync/v1/pull': {
      const body = parse(pullRequest, await readJson(req, MAX_BODY));
      return hub.pull(device, body.vector, body.waitMs, body.limit, time);
    }
    case '/sync/v1/devices':
      return hub.devices(device);
    default:
      throw new HttpError(404, 'No such route.');
  }
}

function bearer(req: http.IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new HttpError(400, `Invalid request: ${r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The body as JSON (BodyTooLarge past `max`: answered 413, then the connection is closed). */
async function readJson(req: http.IncomingMessage, max: number): Promise<unknown> {
  const text = await readBody(req, max);
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
}
