// Real hub processes for sync tests: the built `uketsuke hub` over HTTPS on 127.0.0.1, started, SIGKILLed and
// restarted on the same port and file; stations are real Uketsuke instances paired with real pairing codes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { Uketsuke } from '../electron/services/uketsuke.js';
import { pairWithCode } from '../electron/host/hub/connect.js';
import { buildDemo } from '../electron/demo/build-demo.js';
import { tempDir } from './helpers.js';

export const BIN = path.resolve('bin/uketsuke.mjs');

export function cli(home: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, UKETSUKE_HOME: home } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A long-running `uketsuke` command (a hub) whose first output is a JSON object: the process and that object. */
export function startCli(args: string[], home: string): Promise<{ child: ChildProcess; info: { hub: string[]; fingerprint: string } }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, UKETSUKE_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const end = out.lastIndexOf('}');
      if (end > 0) {
        try {
          resolve({ child, info: JSON.parse(out.slice(0, end + 1)) as { hub: string[]; fingerprint: string } });
        } catch {
          // the JSON is still arriving
        }
      }
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${err}`)));
  });
}

export class HubProcess {
  child: ChildProcess | null = null;
  readonly home: string;

  constructor(readonly file: string, readonly port: number, dir = tempDir()) {
    this.home = path.join(dir, 'hub-home');
  }

  async start(): Promise<{ hub: string[]; fingerprint: string }> {
    const { child, info } = await startCli(['hub', '--db', this.file, '--port', String(this.port), '--json'], this.home);
    this.child = child;
    return info;
  }

  kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  pairingCode(role: 'desk' | 'door' | 'kiosk'): string {
    const r = cli(this.home, 'pairing-code', '--db', this.file, '--role', role, '--json');
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { code: string }).code;
  }
}

/** A station: its own file and device id, paired with the hub by a real pairing code. */
export async function pairedStation(hub: HubProcess, deviceId: string, role: 'desk' | 'door' | 'kiosk' = 'desk'): Promise<Uketsuke> {
  const app = Uketsuke.open(path.join(tempDir(), `${deviceId}.db`), { deviceId, printers: [] });
  await pairWithCode(app, hub.pairingCode(role), deviceId);
  return app;
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}

/** A raw request to a hub over HTTPS (the tests' crafted calls; the certificate is not checked here). */
export function hubRequest(method: string, url: string, body = '', headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, rejectUnauthorized: false, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A hub process over a demo event of `delegates` people, in `hubFile`: the process and its first address. */
export async function startDemoHub(hubFile: string, dir: string, delegates: number): Promise<{ hub: HubProcess; url: string }> {
  const setup = Uketsuke.open(hubFile, { deviceId: 'hub-laptop', printers: [] });
  buildDemo(setup, { delegates });
  setup.close();
  const hub = new HubProcess(hubFile, await freePort(), dir);
  return { hub, url: (await hub.start()).hub[0]! };
}
