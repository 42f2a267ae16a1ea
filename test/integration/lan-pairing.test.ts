// A tablet on the venue LAN uses the web host only after pairing: real HTTP requests to the host bound to this
// machine's LAN address (so they arrive from a non-loopback address), and the same requests on loopback.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, startHost, type RunningHost } from '../../electron/host/server.js';
import { makeApp, tempDir, type TestApp } from '../helpers.js';

let t: TestApp;
let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  t?.app.close();
});

/** This machine's first non-loopback IPv4 address: what a tablet on the venue Wi-Fi connects to. */
function lanAddress(): string {
  const a = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  if (!a) throw new Error('This test needs a network interface other than loopback.');
  return a.address;
}

function staticDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Uketsuke app</title>');
  return dir;
}

interface Answer { status: number; body: string; headers: http.IncomingHttpHeaders }

function request(address: string, port: number, opts: { path: string; method?: string; cookie?: string; body?: unknown; origin?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `${address}:${port}` };
    if (opts.method !== 'GET') headers['content-type'] = 'application/json';
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.origin) headers.origin = opts.origin;
    // From the LAN address to the LAN address: the host sees a peer that is not loopback.
    const req = http.request({ host: address, port, path: opts.path, method: opts.method ?? 'POST', headers, localAddress: address }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}));
  });
}

async function lanHost(): Promise<{ address: string; port: number; code: (role: 'kiosk' | 'door' | 'desk' | 'organiser' | 'venue') => string }> {
  t = makeApp();
  t.add({ familyName: 'Secret', email: 'secret@example.org' });
  // This laptop is the hub (pairing codes name its addresses and certificate).
  t.app.hubRole.setHubIdentity({ urls: ['https://192.0.2.10:5790'], fingerprint: 'A'.repeat(64) });
  const address = lanAddress();
  host = await startHost({ app: t.app, staticDir: staticDir(), port: 0, host: address });
  return { address, port: host.port, code: (role) => t.app.hub.pairingCode(role).code };
}

describe('browsers on the LAN with a paired credential', () => {
  it('an unpaired tablet is refused with a page that says to ask for a pairing code', async () => {
    const { address, port } = await lanHost();
    const page = await request(address, port, { path: '/desk', method: 'GET' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('pairing code');
    expect(page.body).toContain('ペアリングコード');
    const api = await request(address, port, { path: '/api/searchDelegates', body: { query: 'secret' } });
    expect(api.status).toBe(401);
    expect(api.body).toContain('pairing code');
    expect(api.body).not.toContain('secret@example.org');
    // A made-up cookie is no better.
    expect((await request(address, port, { path: '/api/event', cookie: `${DEVICE_COOKIE}=web-1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` })).status).toBe(401);
    // The pairing page itself is open.
    const pair = await request(address, port, { path: '/pair', method: 'GET' });
    expect(pair.status).toBe(200);
    expect(pair.body).toContain('/pair.js');
    expect((await request(address, port, { path: '/pair.js', method: 'GET' })).body).toContain('location.hash');
  });

  it('pairs with a one-time code into an HttpOnly SameSite=Strict cookie, as the code’s role only, until revoked', async () => {
    const { address, port, code } = await lanHost();
    const kioskCode = code('kiosk');
    const paired = await request(address, port, { path: '/pair', body: { code: kioskCode }, origin: `http://${address}:${port}` });
    expect(paired.status).toBe(200);
    const answer = JSON.parse(paired.body) as { deviceId: string; station: string; next: string };
    expect(answer).toMatchObject({ station: 'kiosk', next: '/kiosk' });
    const setCookie = paired.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=${answer.deviceId}\\.[A-Za-z0-9_-]{40,}; `));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    // Plain HTTP here: not marked Secure (a browser would drop it).
    expect(setCookie).not.toContain('Secure');
    const cookie = setCookie.split(';')[0]!;

    // The paired tablet: screens and the Api, as a kiosk.
    expect((await request(address, port, { path: '/kiosk', method: 'GET', cookie })).status).toBe(200);
    expect((await request(address, port, { path: '/api/event', cookie })).status).toBe(200);
    const exported = await request(address, port, { path: '/api/exportDelegates', cookie, body: { format: 'csv' } });
    expect(exported.status).toBe(403);
    expect(exported.body).not.toContain('secret@example.org');
    // It is listed among the hub's devices, with its role.
    expect(t.app.hub.devices().find((d) => d.deviceId === answer.deviceId)).toMatchObject({ role: 'kiosk', revoked: false });

    // A code works once, and a hub's code is not for a screen.
    expect((await request(address, port, { path: '/pair', body: { code: kioskCode } })).status).toBe(401);
    expect((await request(address, port, { path: '/pair', body: { code: code('venue') } })).status).toBe(400);
    expect((await request(address, port, { path: '/pair', body: { code: 'UKPAIR1.garbage' } })).status).toBe(400);
    expect((await request(address, port, { path: '/pair', body: { code: code('door') }, origin: 'http://evil.example' })).status).toBe(403);

    // An organiser's code gives an organiser's screen.
    const org = await request(address, port, { path: '/pair', body: { code: code('organiser') } });
    const orgCookie = org.headers['set-cookie']![0]!.split(';')[0]!;
    expect((await request(address, port, { path: '/api/exportDelegates', cookie: orgCookie, body: { format: 'csv' } })).status).toBe(200);

    // Revoked (`uketsuke devices --revoke ID`): the cookie stops working at once.
    t.app.hub.revoke(answer.deviceId);
    const after = await request(address, port, { path: '/api/event', cookie });
    expect(after.status).toBe(401);
    expect(after.body).toContain('removed');
    expect((await request(address, port, { path: '/kiosk', method: 'GET', cookie })).status).toBe(401);
  });

  it('on loopback the laptop’s own browser needs no pairing', async () => {
    t = makeApp();
    host = await startHost({ app: t.app, staticDir: staticDir(), port: 0 });
    expect((await request('127.0.0.1', host.port, { path: '/desk', method: 'GET' })).status).toBe(200);
    expect((await request('127.0.0.1', host.port, { path: '/api/exportDelegates', body: { format: 'csv' } })).status).toBe(200);
  });
});
