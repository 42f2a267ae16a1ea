// What both HTTP hosts share (the web host, host/server.ts, and the hub, host/hub/server.ts): reading a body within
// its limit, JSON answers, refusing an oversized body, the Origin check, and one table from a ServiceError to an HTTP
// status. Caller authentication is services/trust/callers.ts; each host keeps only its routes.
import type http from 'node:http';
import type { ApiErrorBody } from '../api/contract.js';
import type { ServiceError } from '../services/core.js';

/**
 * A refused call's status by its code, per host. They differ on purpose, for the stations already deployed: a sync
 * client treats any 4xx as the hub's refusal (host/hub/client.ts), and the hub has always answered input and
 * permission refusals with 409 (a bad device credential is 401, an unreadable request body 400).
 */
export const STATUS: Record<ServiceError['code'], { web: number; hub: number }> = {
  bad_input: { web: 400, hub: 409 },
  not_found: { web: 404, hub: 404 },
  conflict: { web: 409, hub: 409 },
  forbidden: { web: 403, hub: 409 },
};

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request too large (limit ${limit} bytes).`);
  }
}

/** The body as text; rejects BodyTooLarge past `limit` bytes, declared or sent (the caller answers 413). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Stop reading but keep the socket: the caller answers 413 before closing it.
        req.pause();
        reject(new BodyTooLarge(limit));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function errorBody(code: ApiErrorBody['error']['code'], message: string): ApiErrorBody {
  return { error: { code, message } };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(data), 'Cache-Control': 'no-store' });
  res.end(data);
}

/** 413 with the reason, then the connection is closed: the rest of the body is never read. */
export function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): void {
  if (res.headersSent) return;
  const data = JSON.stringify(body);
  res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(data, () => req.socket.destroy());
}

/**
 * A browser's Origin, if sent, must be this host: a cross-site page cannot call the Api. Answers the refusal
 * (status and message) or null when the request may go on. "null" (sandboxed frames, file:) is not us either.
 */
export function originRefusal(req: http.IncomingMessage): { status: number; body: ApiErrorBody } | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (!host) return { status: 400, body: errorBody('bad_input', 'Malformed Origin header.') };
  if (host !== req.headers.host) return { status: 403, body: errorBody('forbidden', 'Cross-origin requests are refused.') };
  return null;
}

/** JSON only: a cross-site form or simple request cannot send it without a preflight we never answer. */
export function isJson(req: http.IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/json');
}
