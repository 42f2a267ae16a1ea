// Done when (issue 11): an organiser's own event from scratch, no demo. A first start offers the choice; the organiser
// creates the event in the UI, imports the programme from an Indico .ics and the delegates with their sessions, brands
// the badge (logo and sponsor line, watched in the live preview), prints a badge through the real CUPS printer
// (cups-pdf) — the printed PDF has the title, the sponsor line, the logo and a QR that reads back — and the badge is
// admitted at the door of a session that came from the .ics. The choice is remembered for the next start.
import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleLogo } from '../fixtures/logo';
import { holdClock, openDelegate } from './helpers';

const BIN = path.resolve('bin/uketsuke.mjs');
// cups-pdf writes what it prints to the printing user's ~/PDF.
const CUPS_OUT = path.join(os.homedir(), 'PDF');
let home = '';
let host: ChildProcess | null = null;

/** `uketsuke web` as `npm start` runs it on a fresh installation: no --db, no $UKETSUKE_DB, its own data folder. */
async function start(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, UKETSUKE_HOME: home };
  delete env.UKETSUKE_DB;
  const child = spawn(process.execPath, [BIN, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  host = child;
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/desk/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
  });
}

async function stop(): Promise<void> {
  const child = host;
  host = null;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill();
  });
}

test.beforeAll(() => {
  // CUPS with the cups-pdf printer must be there: the test fails, never skips, when it is not.
  execFileSync('bash', ['scripts/setup-cups-pdf.sh'], { stdio: 'ignore' });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-first-start-'));
});
test.afterAll(() => stop());

const DELEGATES = [
  'Family name,Given name,Email,Organisation,Country,Sessions',
  'Dubois,Camille,camille.dubois@own-event.example.fr,Région Grand Est,France,Opening session;Pitch session of European and Japanese clusters',
  'Sato,Haruki,haruki.sato@own-event.example.jp,Osaka Prefecture,Japan,Opening session',
  '',
].join('\n');

test('own event from scratch: first start → create → .ics programme → delegates with sessions → branding → CUPS badge → admitted at a new session', async ({ page }) => {
  test.setTimeout(300_000);
  let base = await start();

  // First start: the choice, not the demo.
  await page.goto(`${base}/desk`);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.getByTestId('first-run-demo')).toBeVisible();
  await expect(page.getByTestId('first-run-join')).toBeVisible();
  await page.getByTestId('first-run-create').click();
  const form = page.getByRole('form', { name: 'New event' });
  await form.getByLabel('Name (English)').fill('Kansai–Alsace Innovation Days');
  await form.getByLabel('Name (Japanese)').fill('関西・アルザス イノベーションデイズ');
  await form.getByLabel('Venue', { exact: true }).fill('Palais de la Musique et des Congrès');
  await form.getByLabel('Time zone').fill('Europe/Paris');
  await form.getByLabel('First day').fill('2027-04-27');
  await form.getByLabel('Last day').fill('2027-04-29');
  await form.getByRole('button', { name: 'Create the event' }).click();
  await expect(page).toHaveURL(/\/event$/);
  await expect(page.locator('.app-header')).toContainText('Kansai–Alsace Innovation Days');
  await expect(page.getByTestId('sessions')).toContainText('No sessions yet');

  // The programme from Indico's timetable export.
  await page.getByTestId('programme-file').setInputFiles(path.resolve('test/fixtures/programme/indico-timetable.ics'));
  await page.getByTestId('programme-import').click();
  await expect(page.getByTestId('programme-report')).toContainText('Imported: 3 new');
  const opening = page.locator('[data-testid=sessions] tbody tr[data-session]').filter({ hasText: 'Opening session' });
  await expect(opening).toHaveCount(1);
  // The order of a day and the days' titles are the organiser's (a keyboard moves a session as well as a mouse).
  const rows = page.locator('[data-testid=sessions] tbody tr[data-session]');
  await rows.filter({ hasText: 'Cooperation policies' }).getByTestId('move-up').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-saved')).toContainText('Order saved');
  await expect(rows.first()).toContainText('Cooperation policies');
  await page.getByLabel('English title of day 2').fill('Matchmaking day');
  await page.getByLabel('Japanese title of day 2').fill('商談会の日');
  await page.locator('[data-day="2"]').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('event-saved')).toContainText('Day saved');
  await expect(page.getByLabel('English title of day 2')).toHaveValue('Matchmaking day');
  // Rehearsal: the door admits on any day (the event is in 2027).
  await page.getByTestId('mode-rehearsal').click();
  await expect(page.getByTestId('mode-rehearsal')).toHaveAttribute('aria-pressed', 'true');

  // Delegates with their sessions, in the same flow.
  await page.goto(`${base}/import`);
  await page.getByTestId('import-file').setInputFiles({ name: 'registrations.csv', mimeType: 'text/csv', buffer: Buffer.from(DELEGATES) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-dry-run', 'false');
  await expect(page.getByTestId('import-progress')).toHaveAttribute('value', '2');
  // Nothing refused: every session named in the sheet is one the .ics brought.
  await expect(page.getByRole('button', { name: /Download rejected rows/ })).toHaveCount(0);

  // Branding: an unsafe SVG is refused in words, naming what it holds; a PNG logo and a sponsor line show in the live preview before saving.
  await page.goto(`${base}/event`);
  const branding = page.getByTestId('branding');
  await branding.getByTestId('logo-file').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>') });
  await expect(branding.getByTestId('branding-refused')).toContainText('it contains <script>');
  await expect(branding.getByTestId('branding-save')).toBeDisabled();
  await branding.getByTestId('logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: sampleLogo() });
  await expect(branding.getByTestId('branding-refused')).toHaveCount(0);
  await expect(branding.locator('.bp-logo img')).toBeVisible();
  await branding.getByLabel('Sponsor line').fill('With the support of Région Grand Est and Kansai Economic Federation');
  await expect(branding.getByTestId('preview-sponsor')).toHaveText('With the support of Région Grand Est and Kansai Economic Federation');
  // A pale role colour is flagged before anyone prints it; a dark one clears the warning.
  await branding.getByLabel('Colour for Delegate').fill('#f5d90a');
  await expect(branding.getByTestId('contrast-delegate')).toContainText('hard to read');
  await branding.getByLabel('Colour for Delegate').fill('#0b5d1e');
  await expect(branding.getByTestId('contrast-delegate')).toHaveCount(0);
  await expect(branding.getByTestId('preview-band')).toHaveCSS('background-color', 'rgb(11, 93, 30)');
  await branding.getByTestId('branding-save').click();
  await expect(branding.getByTestId('branding-status')).toContainText('Branding saved');

  // A branded badge through CUPS (cups-pdf): the real print path.
  const before = new Set(fs.existsSync(CUPS_OUT) ? fs.readdirSync(CUPS_OUT) : []);
  await page.goto(`${base}/desk`);
  await expect(page.getByTestId('printer-select').locator('option[value="cups:BadgePDF"]')).toHaveCount(1);
  await page.getByTestId('printer-select').selectOption('cups:BadgePDF');
  await openDelegate(page, 'camille.dubois@own-event.example.fr');
  await page.getByTestId('print').click();
  await expect(page.getByTestId('print-job').filter({ hasText: 'Camille' }).first()).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  let printed = '';
  await expect
    .poll(() => {
      const fresh = (fs.existsSync(CUPS_OUT) ? fs.readdirSync(CUPS_OUT) : []).filter((f) => f.endsWith('.pdf') && !before.has(f));
      printed = fresh.map((f) => path.join(CUPS_OUT, f)).find((f) => execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).includes('Dubois'.toUpperCase())) ?? '';
      return printed;
    }, { timeout: 120_000 })
    .not.toBe('');
  const text = execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Kansai–Alsace Innovation Days');
  expect(text).toContain('With the support of Région Grand Est');
  const images = execFileSync('pdfimages', ['-list', printed], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
  expect(images).toHaveLength(1);
  const pngDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-printed-'));
  execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', printed, path.join(pngDir, 'p')]);
  const png = path.join(pngDir, fs.readdirSync(pngDir).find((f) => f.endsWith('.png'))!);
  const [code] = execFileSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8' }).split('\n').filter(Boolean);
  expect(code).toMatch(/^[0-9A-Z]{20,}$/);

  // The printed QR at the door of a session that came from the .ics.
  // (A page whose clock the test holds, as at every door: the verdict stays until the test looks.)
  const door = await page.context().newPage();
  await holdClock(door);
  await door.goto(`${base}/door`);
  await door.getByText(/^Opening session/).first().click();
  await expect(door.locator('[data-scanner="ready"]')).toBeVisible();
  await door.keyboard.type(code!);
  await door.keyboard.press('Enter');
  await expect(door.locator('[data-verdict="admitted"]')).toContainText('Camille');
  await door.close();

  // The choice is remembered: the next start opens this event, not the choice and not the demo.
  await stop();
  base = await start();
  await page.goto(`${base}/desk`);
  await expect(page.locator('.app-header')).toContainText('Kansai–Alsace Innovation Days');
  await expect(page.getByTestId('first-run')).toHaveCount(0);
});

test('first start: "Open the demo" is one click, and remembered', async ({ page }) => {
  test.setTimeout(240_000);
  await stop();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-first-demo-'));
  let base = await start();
  await page.goto(`${base}/desk`);
  // Until a choice is made there are no screens to go to and no sync to speak of.
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await expect(page.getByTestId('connection')).toHaveCount(0);
  await page.getByTestId('first-run-demo').click();
  await expect(page.locator('.app-header')).toContainText('EU-Japan', { timeout: 120_000 });
  await expect(page.locator('input[type="search"]')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await stop();
  base = await start();
  await page.goto(`${base}/desk`);
  await expect(page.locator('.app-header')).toContainText('EU-Japan');
});
