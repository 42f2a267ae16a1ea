// The web host tried as an attacker would: DNS rebinding, odd Origins, huge and slow bodies, too many connections,
// source maps, and a LAN peer without a paired credential.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedHostNames, callerOf, startHost, type RunningHost } from '../../electron/host/server.js';
import { LOCAL_OPERATOR, type Caller } from '../../electron/services/trust/access.js';
import { decodePairingCode } from '../../electron/services/sync/pairing-code.js';
import { makeApp, tempDir, type TestApp } from '../helpers.js';

let t: TestApp;
let host: RunningHost;
afterEach(async () => {
  await host?.close();
  t?.app.close();
});

function staticDir(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"sources":["secret.ts"]}');
  return dir;
}

async function start(limits = {}): Promise<void> {
  t = makeApp();
  t.add({ familyName: 'Secret', email: 'secret@example.org' });
  host = await startHost({ app: t.app, staticDir: staticDir(), port: 0, limits });
}

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : (opts.body ?? '{}'));
  });
}

describe('web host', () => {
  it('refuses a DNS-rebinding page: its Host is not one of ours, even with a matching Origin', async () => {
    await start();
    const evil = `evil.example:${host.port}`;
    const r = await request({ path: '/api/exportDelegates', headers: { host: evil, origin: `http://${evil}` }, body: '{"format":"csv"}' });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('secret@example.org');
    expect((await request({ path: '/desk', method: 'GET', headers: { host: evil } })).status).toBe(421);
    // Our own names still work.
    for (const name of ['127.0.0.1', 'localhost']) {
      const ok = await request({ path: '/api/event', headers: { host: `${name}:${host.port}`, origin: `http://${name}:${host.port}` } });
      expect(ok.status).toBe(200);
    }
  });

  it('allows the bound address and every interface address when bound to all', () => {
    expect(allowedHostNames('192.168.1.20').has('192.168.1.20')).toBe(true);
    expect(allowedHostNames('192.168.1.20').has('evil.example')).toBe(false);
    expect(allowedHostNames('0.0.0.0').has('127.0.0.1')).toBe(true);
  });

  it('answers a malformed Origin with 400, not 500', async () => {
    await start();
    for (const origin of ['null', 'http://[', 'not a url']) {
      const r = await request({ path: '/api/event', headers: { origin } });
      expect(r.status, origin).toBe(400);
      expect(JSON.parse(r.body).error.message).toMatch(/Origin/);
    }
  });

  it('answers an oversized body with 413 and a message (declared or streamed)', async () => {
    await start();
    const big = JSON.stringify({ query: 'x'.repeat(300 * 1024) });
    const declared = await request({ path: '/api/searchDelegates', body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/too large/);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: '/api/searchDelegates', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(big.slice(0, 200 * 1024));
      req.write(big.slice(200 * 1024));
    });
    expect(streamed).toBe(413);
  });

  it('closes a connection whose body never finishes, and caps connections', async () => {
    await start({ headersTimeoutMs: 200, requestTimeoutMs: 400, maxConnections: 2 });
    const slow = net.connect(host.port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let data = '';
      slow.on('data', (d: Buffer) => (data += d.toString()));
      slow.on('close', () => resolve(data));
    });
    slow.write(`POST /api/event HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    expect(await closed).toMatch(/^HTTP\/1.1 408|^$/);
    // Two idle connections fill the cap; the third is dropped at once.
    const held = [net.connect(host.port, '127.0.0.1'), net.connect(host.port, '127.0.0.1')];
    await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))));
    const third = net.connect(host.port, '127.0.0.1');
    await new Promise<void>((resolve) => third.on('close', () => resolve()));
    held.forEach((s) => s.destroy());
  });

  it('never serves source maps', async () => {
    await start();
    expect((await request({ path: '/assets/app.js', method: 'GET' })).status).toBe(200);
    expect((await request({ path: '/assets/app.js.map', method: 'GET' })).status).toBe(404);
  });

  it('takes loopback for the local operator and wants a paired credential from the LAN', () => {
    t = makeApp();
    const fake = (remoteAddress: string, authorization?: string) => ({ socket: { remoteAddress }, headers: authorization ? { authorization } : {} }) as unknown as http.IncomingMessage;
    const opts = { app: t.app, staticDir: '.', port: 0 };
    expect(callerOf(opts, fake('127.0.0.1'))).toEqual(LOCAL_OPERATOR);
    expect(callerOf(opts, fake('192.168.1.50'))).toHaveProperty('refused');
    expect(callerOf(opts, fake('192.168.1.50', 'Bearer dev-1234.AAAAAAAAAAAAAAAAAAAAAAAA'))).toHaveProperty('refused');
    // A kiosk paired with this laptop's hub gets in as a kiosk, and only as one.
    t.app.hubRole.setHubIdentity({ urls: ['https://192.168.1.10:5790'], fingerprint: 'A'.repeat(64) });
    const { secret } = decodePairingCode(t.app.hub.pairingCode('kiosk').code);
    const { credential } = t.app.hub.pair({ secret, deviceId: 'kiosk-lobby', name: 'Lobby kiosk' });
    const caller = callerOf(opts, fake('192.168.1.51', `Bearer ${credential}`));
    expect(caller).toEqual({ clientId: 'device:kiosk-lobby', station: 'kiosk' });
    expect(() => t.app.dispatch('exportDelegates', { format: 'csv' }, caller as Caller)).toThrow(/organiser/);
  });
});
