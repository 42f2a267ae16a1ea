// A tablet on the venue LAN, in a real browser: refused with a "ask for a pairing code" page until it opens the
// pairing link, then on the kiosk screen with its credential in a cookie its scripts cannot read.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startWebHost } from './helpers';

const address = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
let BASE = '';
const db = path.join(os.tmpdir(), `uketsuke-e2e-lan-${process.pid}.db`);
let stop = () => {};

test.beforeAll(async () => {
  expect(address, 'a network interface other than loopback').toBeTruthy();
  const hubPort = await freePort();
  ({ base: BASE, stop } = await startWebHost(db, ['--hub', '--hub-port', String(hubPort), '--hub-host', address!], address!));
});

test.afterAll(() => stop());

test('a tablet opens the pairing link and becomes a kiosk; before that it is told to ask for a code', async ({ page, browserName }) => {
  void browserName;
  await page.goto(`${BASE}/desk`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('not paired');
  await expect(page.getByText('ペアリングコード', { exact: false })).toBeVisible();
  await page.screenshot({ path: path.join(process.env.UKETSUKE_SHOTS ?? os.tmpdir(), 'lan-not-paired.png') });

  const { code } = JSON.parse(execFileSync(process.execPath, ['bin/uketsuke.mjs', 'pairing-code', '--db', db, '--role', 'kiosk', '--json'], { encoding: 'utf8' })) as { code: string };
  await page.goto(`${BASE}/pair#${code}`);
  await expect(page).toHaveURL(`${BASE}/kiosk`);
  await expect(page.getByTestId('lang-switch')).toBeVisible();
  // The credential is HttpOnly: the page's own scripts never see it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('uketsuke_device');
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'uketsuke_device')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  // A kiosk, not more: the organisers' export is refused to this browser.
  const res = await page.evaluate(async () => (await fetch('/api/exportDelegates', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"format":"csv"}' })).status);
  expect(res).toBe(403);
  // The same link again: the code was used once.
  await page.goto(`${BASE}/pair#${code}`);
  await expect(page.getByTestId('pair-state')).toContainText('already used');
});

test('the Venue screen shows the pairing link as a QR code a tablet camera opens', async ({ page, browser }) => {
  // An organiser's browser, paired once by the CLI, makes a kiosk code on the Venue screen.
  const { code: organiser } = JSON.parse(execFileSync(process.execPath, ['bin/uketsuke.mjs', 'pairing-code', '--db', db, '--role', 'organiser', '--json'], { encoding: 'utf8' })) as { code: string };
  await page.goto(`${BASE}/pair#${organiser}`);
  await page.waitForURL((u) => !u.pathname.startsWith('/pair'));
  await page.goto(`${BASE}/venue`);
  await page.getByTestId('pair-role').selectOption('kiosk');
  await page.getByTestId('new-pairing-code').click();
  const link = (await page.getByTestId('pairing-link').textContent())!;
  expect(link).toMatch(new RegExp(`^http://${address!.replace(/\./g, '\\.')}:\\d+/pair#UKPAIR1`));
  const src = (await page.getByTestId('pairing-link-qr').getAttribute('src'))!;
  const png = path.join(os.tmpdir(), `uketsuke-e2e-link-qr-${process.pid}.png`);
  (await import('node:fs')).writeFileSync(png, Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = execFileSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  expect(decoded).toBe(link);
  // The tablet: a fresh browser with no cookie opens what its camera read.
  const tablet = await browser.newContext();
  const tab = await tablet.newPage();
  await tab.goto(decoded);
  await expect(tab).toHaveURL(`${BASE}/kiosk`);
  await tablet.close();
});
