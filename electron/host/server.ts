// The web host: the same typed Api over HTTP on localhost, plus the renderer's static files. Used by
// `uketsuke web` (browser mode), the Playwright tests, and `npm start` where no Electron binary exists.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ServiceError } from '../services/core.js';
import type { Uketsuke } from '../services/uketsuke.js';
import { bodyLimitOf, isApiMethod } from '../services/methods/index.js';
import { InputError } from '../services/methods/method.js';
import type { Caller, StationKind } from '../services/trust/access.js';
import { authenticateCaller, DEVICE_COOKIE, DEVICE_STATIONS } from '../services/trust/callers.js';
import { HubAuthError } from '../services/sync/hub.js';
import { decodePairingCode } from '../services/sync/pairing-code.js';
import { BodyTooLarge, errorBody, isJson, originRefusal, readBody, refuseBody, sendJson, STATUS } from './http.js';

export { DEVICE_COOKIE };

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
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export interface HostOptions {
  /** Replaced when the station switches event files (joining a hub); every request reads the current one. */
  app: Uketsuke;
  /** Built renderer (index.html + assets/). */
  staticDir: string;
  port: number;
  host?: string;
  /**
   * What this machine's own browser is: by default the local operator (the desk laptop); `kiosk`, `door` or `desk`
   * for a station running in a browser, whose screens then ask staff to sign in for more.
   */
  station?: StationKind;
  /** Slow-client limits; the defaults suit a venue LAN (tests shorten them). */
  limits?: Partial<HostLimits>;
}

export interface HostLimits {
  /** All headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  maxConnections: number;
}

const DEFAULT_LIMITS: HostLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, maxConnections: 128 };

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  // Ask the OS for its printers now, so the desk's first question already has the answer.
  void opts.app.printing.refreshPrinters();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const allowedHosts = allowedHostNames(opts.host ?? '127.0.0.1');
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts on this interval (30 s by default, which would stretch a short limit).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      handle(opts, allowedHosts, req, res).catch((err: unknown) => {
        sendJson(res, 500, errorBody('internal', err instanceof Error ? err.message : String(err)));
      });
    },
  );
  server.maxConnections = limits.maxConnections;
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

/**
 * The names this host answers to: loopback names and the addresses it was bound to (every interface's address
 * when bound to all). A DNS-rebinding page reaches us under its own name (`evil.example`), so its requests carry
 * that name in Host and are refused before anything is read or answered.
 */
export function allowedHostNames(bound: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  const all = bound === '0.0.0.0' || bound === '::' || bound === '';
  if (!all) names.add(bound.includes(':') ? `[${bound}]` : bound);
  else {
    for (const list of Object.values(os.networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
    }
  }
  return names;
}

/** The host name of a Host header without its port ("[::1]:5780" → "[::1]"), or null when malformed. */
function hostNameOf(host: string | undefined): string | null {
  if (!host) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/.exec(host);
  return m ? m[1]!.toLowerCase() : null;
}

/** A paired browser keeps its credential for the event's days (and is revoked like any device). */
const DEVICE_COOKIE_MAX_AGE_S = 14 * 24 * 3600;
/** Where a browser paired for a role starts. */
const FIRST_SCREEN: Record<StationKind, string> = { kiosk: '/kiosk', door: '/door', desk: '/desk', organiser: '/desk' };

/** Who is calling (services/trust/callers.ts): the local operator on loopback, else a station paired with the hub. */
export function callerOf(opts: HostOptions, req: http.IncomingMessage): Caller | { refused: string } {
  return authenticateCaller(
    { station: opts.station, authenticate: (credential) => opts.app.hub.authenticate(credential) },
    { remoteAddress: req.socket.remoteAddress, authorization: req.headers.authorization, cookie: req.headers.cookie },
  );
}

async function handle(opts: HostOptions, allowedHosts: Set<string>, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  securityHeaders(res);
  const hostName = hostNameOf(req.headers.host);
  if (!hostName || !allowedHosts.has(hostName)) return sendJson(res, 421, errorBody('forbidden', 'Unknown host name: use the address Uketsuke printed.'));
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) return handleApi(opts, url, req, res);
  if (url.pathname === '/pair' && req.method === 'POST') return handlePair(opts, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
  if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
  if (url.pathname === '/pair') return sendHtml(res, 200, PAIR_PAGE);
  if (url.pathname === '/pair.js') return sendBody(res, 200, 'text/javascript; charset=utf-8', PAIR_SCRIPT, 'no-cache');
  // Source maps would hand out the renderer's source: the build may make them, the host never serves them.
  if (url.pathname.endsWith('.map')) return sendText(res, 404, 'Not found');
  if (SCREENS.has(url.pathname)) {
    // A tablet on the LAN that was never paired gets a page saying what to do, not a screen that cannot load.
    const caller = callerOf(opts, req);
    if ('refused' in caller) return sendHtml(res, 401, notPairedPage(caller.refused));
    return sendFile(res, path.join(opts.staticDir, 'index.html'), 'no-cache');
  }
  // Static assets: resolved inside staticDir only.
  const file = path.resolve(opts.staticDir, `.${path.posix.normalize(url.pathname)}`);
  if (!file.startsWith(path.resolve(opts.staticDir) + path.sep)) return sendText(res, 404, 'Not found');
  return sendFile(res, file, 'public, max-age=3600');
}

async function handleApi(opts: HostOptions, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = url.pathname.slice('/api/'.length);
  if (req.method !== 'POST') return sendJson(res, 405, errorBody('bad_input', 'Use POST.'));
  if (!isJson(req)) return sendJson(res, 415, errorBody('bad_input', 'Send JSON.'));
  const refusal = originRefusal(req);
  if (refusal) return sendJson(res, refusal.status, refusal.body);
  if (!isApiMethod(method)) return sendJson(res, 404, errorBody('not_found', `Unknown method: ${method.slice(0, 60)}`));
  const caller = callerOf(opts, req);
  if ('refused' in caller) return sendJson(res, 401, errorBody('forbidden', `${caller.refused} Ask an organiser for a pairing code and open it at /pair on this device.`));
  const limit = bodyLimitOf(method);
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, limit)) || '{}');
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuseBody(req, res, errorBody('bad_input', `Request too large: at most ${Math.round(limit / 1024)} KB for ${method}.`));
    return sendJson(res, 400, errorBody('bad_input', 'Malformed JSON.'));
  }
  try {
    const out = await opts.app.dispatch(method, body, caller);
    sendJson(res, 200, out);
  } catch (e) {
    if (e instanceof InputError) return sendJson(res, 400, { error: { code: 'bad_input', message: e.message, issues: e.issues } });
    if (e instanceof ServiceError) return sendJson(res, STATUS[e.code].web, { error: { ...errorBody(e.code, e.message).error, ...(e.say ? { say: e.say } : {}) } });
    throw e;
  }
}

/**
 * A browser on the LAN pairs: it posts the one-time code (UKPAIR1…, from "Pair a station" or `uketsuke
 * pairing-code`), this host's hub exchanges it for a device credential of the code's role, and the answer sets it as
 * an HttpOnly, SameSite=Strict cookie (Secure over HTTPS). The code is single-use and expires after ten minutes;
 * the device is listed by `uketsuke devices` and revoked with `--revoke`.
 */
async function handlePair(opts: HostOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!isJson(req)) return sendJson(res, 415, errorBody('bad_input', 'Send JSON.'));
  const refusal = originRefusal(req);
  if (refusal) return sendJson(res, refusal.status, refusal.body);
  let code: unknown;
  try {
    code = (JSON.parse((await readBody(req, 8 * 1024)) || '{}') as { code?: unknown }).code;
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuseBody(req, res, errorBody('bad_input', 'Request too large.'));
    return sendJson(res, 400, errorBody('bad_input', 'Malformed JSON.'));
  }
  if (typeof code !== 'string' || code.length > 2000) return sendJson(res, 400, errorBody('bad_input', 'Send the pairing code as {"code": "UKPAIR1…"}.'));
  let secret: string;
  let role: string;
  try {
    ({ secret, role } = decodePairingCode(code));
  } catch (e) {
    return sendJson(res, 400, errorBody('bad_input', e instanceof Error ? e.message : String(e)));
  }
  const station = DEVICE_STATIONS[role as keyof typeof DEVICE_STATIONS];
  if (!station || role === 'venue') return sendJson(res, 400, errorBody('bad_input', 'This pairing code is for a venue hub, not for a screen: ask for a desk, door, kiosk or organiser code.'));
  const deviceId = `web-${randomBytes(8).toString('hex')}`;
  try {
    const paired = opts.app.hub.pair({ secret, deviceId, name: `Browser at ${(req.socket.remoteAddress ?? '?').replace(/^::ffff:/, '')}`.slice(0, 100) });
    const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
    res.setHeader('Set-Cookie', `${DEVICE_COOKIE}=${paired.credential}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${DEVICE_COOKIE_MAX_AGE_S}${secure ? '; Secure' : ''}`);
    sendJson(res, 200, { deviceId, role, station, next: FIRST_SCREEN[station] });
  } catch (e) {
    if (e instanceof HubAuthError) return sendJson(res, 401, errorBody('forbidden', e.message));
    if (e instanceof ServiceError) return sendJson(res, STATUS[e.code].web, errorBody(e.code, e.message));
    throw e;
  }
}

const PAGE_STYLE = 'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1f2e;background:#f6f5f1;line-height:1.5}h1{font-size:1.4rem}p.ja{color:#4a5068}.err{color:#b3261e}';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What an unpaired browser on the LAN sees instead of a screen (English and Japanese). */
function notPairedPage(reason: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Uketsuke: pair this device</title><style>${PAGE_STYLE}</style>
<h1>This device is not paired with the desk laptop</h1>
<p class="err" data-testid="refusal">${escapeHtml(reason)}</p>
<p>Ask an organiser for a pairing code (Venue sync → pair a station, or <code>uketsuke pairing-code --role kiosk</code>), then scan its QR or open the link it gives: <code>/pair#UKPAIR1…</code>.</p>
<p class="ja" lang="ja">この端末はまだ受付PCとペアリングされていません。主催者にペアリングコードを依頼し、QRコードを読み取るか、表示されたリンク（/pair#UKPAIR1…）を開いてください。</p></html>`;
}

const PAIR_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Uketsuke: pair this device</title><style>${PAGE_STYLE}</style>
<h1>Pair this device <span lang="ja">／ 端末のペアリング</span></h1>
<p id="state" data-testid="pair-state">Pairing…</p>
<form id="form" hidden><label>Pairing code / ペアリングコード<br><input id="code" autocomplete="off" size="40"></label> <button>Pair / ペアリング</button></form>
<script src="/pair.js"></script></html>`;

// The code travels in the URL's fragment, which browsers never send to a server or put in a Referer; the page takes
// it out of the address bar before anything else.
const PAIR_SCRIPT = `(() => {
  const state = document.getElementById('state');
  const form = document.getElementById('form');
  const pair = async (code) => {
    state.textContent = 'Pairing… / ペアリング中…';
    const res = await fetch('/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }), credentials: 'same-origin' });
    const body = await res.json().catch(() => ({}));
    if (res.ok) { state.textContent = 'Paired as ' + body.station + ' / ペアリングしました'; location.replace(body.next); return; }
    state.textContent = (body.error && body.error.message) || ('Pairing failed (' + res.status + ')');
    state.className = 'err';
    form.hidden = false;
  };
  const code = decodeURIComponent(location.hash.slice(1));
  history.replaceState(null, '', '/pair');
  form.addEventListener('submit', (e) => { e.preventDefault(); void pair(document.getElementById('code').value.trim()); });
  if (code) void pair(code); else { state.textContent = 'Enter or scan the pairing code. / ペアリングコードを入力してください。'; form.hidden = false; }
})();
`;

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  sendBody(res, status, 'text/html; charset=utf-8', html, 'no-store');
}

function sendBody(res: http.ServerResponse, status: number, type: string, body: string, cache: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(body);
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
