// The web host: the same typed Api over HTTP on localhost, plus the renderer's static files. Used by
// `uketsuke web` (browser mode), the Playwright tests, and `npm start` where no Electron binary exists.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { apiInputs, type ApiErrorBody, type ApiMethod } from '../api/contract.js';
import { ServiceError } from '../services/core.js';
import { InputError, type Uketsuke } from '../services/uketsuke.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // html5-qrcode sets inline styles on the elements it creates; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SCREENS = new Set(['/', '/desk', '/door', '/kiosk', '/reports', '/import', '/venue', '/event']);
const MAX_BODY = 256 * 1024;
// Imports carry the file itself (base64): a 50k-row registration export is a few megabytes.
const MAX_FILE_BODY = 64 * 1024 * 1024;
const FILE_METHODS = new Set(['importPreview', 'importStart']);
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.map': 'application/json',
};

export interface HostOptions {
  /** Replaced when the station switches event files (joining a hub); every request reads the current one. */
  app: Uketsuke;
  /** Built renderer (index.html + assets/). */
  staticDir: string;
  port: number;
  host?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  // Ask the OS for its printers now, so the desk's first question already has the answer.
  void opts.app.printing.refreshPrinters();
  const server = http.createServer((req, res) => {
    handle(opts, req, res).catch((err: unknown) => {
      sendJson(res, 500, errorBody('internal', err instanceof Error ? err.message : String(err)));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
        port,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
}

async function handle(opts: HostOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  securityHeaders(res);
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) return handleApi(opts, url, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
  if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
  if (SCREENS.has(url.pathname)) return sendFile(res, path.join(opts.staticDir, 'index.html'), 'no-cache');
  // Static assets: resolved inside staticDir only.
  const file = path.resolve(opts.staticDir, `.${path.posix.normalize(url.pathname)}`);
  if (!file.startsWith(path.resolve(opts.staticDir) + path.sep)) return sendText(res, 404, 'Not found');
  return sendFile(res, file, 'public, max-age=3600');
}

async function handleApi(opts: HostOptions, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = url.pathname.slice('/api/'.length);
  if (req.method !== 'POST') return sendJson(res, 405, errorBody('bad_input', 'Use POST.'));
  // JSON only: a cross-site form or simple request cannot send it without a preflight we never answer.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, errorBody('bad_input', 'Send JSON.'));
  const origin = req.headers.origin;
  if (origin && new URL(origin).host !== req.headers.host) return sendJson(res, 403, errorBody('bad_input', 'Cross-origin requests are refused.'));
  if (!Object.hasOwn(apiInputs, method)) return sendJson(res, 404, errorBody('not_found', `Unknown method: ${method.slice(0, 60)}`));
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, FILE_METHODS.has(method) ? MAX_FILE_BODY : MAX_BODY)) || '{}');
  } catch (e) {
    return sendJson(res, 400, errorBody('bad_input', e instanceof BodyTooLarge ? 'Request too large.' : 'Malformed JSON.'));
  }
  try {
    const out = await opts.app.dispatch(method as ApiMethod, body);
    sendJson(res, 200, out);
  } catch (e) {
    if (e instanceof InputError) return sendJson(res, 400, { error: { code: 'bad_input', message: e.message, issues: e.issues } });
    if (e instanceof ServiceError) return sendJson(res, e.code === 'not_found' ? 404 : e.code === 'conflict' ? 409 : 400, errorBody(e.code, e.message));
    throw e;
  }
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function errorBody(code: ApiErrorBody['error']['code'], message: string): ApiErrorBody {
  return { error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(data);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendFile(res: http.ServerResponse, file: string, cache: string): void {
  fs.readFile(file, (err, data) => {
    if (err) return sendText(res, 404, 'Not found');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
    res.end(data);
  });
}
