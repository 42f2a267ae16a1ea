// Two stations in two browsers, for real: the desk laptop made the hub from its Venue screen, a door station paired
// with the pairing code that screen shows, and a scan at the door known as "already checked in" at the desk.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve('bin/uketsuke.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function serve(args: string[], home: string, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, UKETSUKE_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (ready.test(out)) resolve(child);
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function scan(page: Page, code: string): Promise<void> {
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await page.keyboard.type(code, { delay: 1 });
  await page.keyboard.press('Enter');
}

test('the desk becomes the hub, a door pairs with its code, and a scan at the door is "already checked in" at the desk', async ({ browser }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-venue-'));
  const hubHome = path.join(dir, 'desk-home');
  const doorHome = path.join(dir, 'door-home');
  const deskFile = path.join(dir, 'desk.db');
  const doorFile = path.join(dir, 'door.db');
  expect(fs.existsSync(doorFile)).toBe(false);
  const [deskPort, hubPort, doorPort] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  try {
    children.push(await serve(['web', '--db', deskFile, '--port', String(deskPort), '--hub-port', String(hubPort), '--hub-host', '127.0.0.1'], hubHome, /serving/));
    const desk = await browser.newPage();
    await desk.goto(`http://127.0.0.1:${deskPort}/venue`);
    await expect(desk.getByTestId('sync-mode')).toHaveAttribute('data-mode', 'standalone');
    await desk.getByTestId('make-hub').click();
    await expect(desk.getByTestId('sync-mode')).toHaveAttribute('data-mode', 'hub');
    await expect(desk.getByTestId('connection')).toHaveAttribute('data-sync', 'hub');
    await desk.getByTestId('pair-role').selectOption('door');
    await desk.getByTestId('new-pairing-code').click();
    const code = (await desk.getByTestId('pairing-code').innerText()).trim();
    expect(code).toMatch(/^UKPAIR1\./);
    await expect(desk.locator('.pairing-code img')).toBeVisible();

    // The door station starts on its own demo file, joins the hub from its Venue screen with that code, and from
    // then on serves the hub's event and syncs live.
    children.push(await serve(['web', '--db', doorFile, '--port', String(doorPort)], doorHome, /serving/));
    const door = await browser.newPage();
    await door.goto(`http://127.0.0.1:${doorPort}/venue`);
    await expect(door.getByTestId('sync-mode')).toHaveAttribute('data-mode', 'standalone');
    await door.getByTestId('join-code').fill(code);
    await door.getByTestId('station-name').fill('Door 1');
    await door.getByTestId('join-hub').click();
    await expect(door.getByTestId('sync-mode')).toHaveAttribute('data-mode', 'station', { timeout: 30_000 });
    await expect(door.getByTestId('connection')).toHaveAttribute('data-sync', 'synced');

    const res = await door.request.post(`http://127.0.0.1:${deskPort}/api/searchDelegates`, { data: { query: 'misaki.takahashi@', limit: 1 } });
    const [misaki] = (await res.json()) as { id: string }[];
    const detail = (await (await door.request.post(`http://127.0.0.1:${deskPort}/api/delegate`, { data: { id: misaki!.id } })).json()) as { token: string };

    await door.goto(`http://127.0.0.1:${doorPort}/door?checkpoint=cp-registration`);
    await scan(door, detail.token);
    await expect(door.locator('[data-verdict="admitted"]')).toBeVisible();

    // The desk (the hub) knows within moments; its door screen then answers "already checked in".
    await expect.poll(async () => {
      const r = await desk.request.post(`http://127.0.0.1:${deskPort}/api/recentScans`, { data: { checkpointId: 'cp-registration', limit: 5 } });
      return ((await r.json()) as { delegateId: string }[]).some((s) => s.delegateId === misaki!.id);
    }, { timeout: 10_000 }).toBe(true);
    await desk.goto(`http://127.0.0.1:${deskPort}/door?checkpoint=cp-registration`);
    await scan(desk, detail.token);
    await expect(desk.locator('[data-verdict="already_checked_in"]')).toBeVisible();

    // The hub lists the door among the stations it has seen.
    await desk.goto(`http://127.0.0.1:${deskPort}/venue`);
    await expect(desk.getByTestId('hub-devices')).toContainText('Door 1');
  } finally {
    for (const c of children) c.kill('SIGTERM');
  }
});
