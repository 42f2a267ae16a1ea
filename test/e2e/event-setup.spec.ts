// An organiser's own event: created on the Event screen of an app that opened on the demo, then set up there —
// details, a programme imported from an Indico .ics (checked first), a door rule, a session removed, a bus added,
// rehearsal mode — and a scan admitted at a session that did not exist before.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../electron/api/contract';
import { holdClock } from './helpers';

const BIN = path.resolve('bin/uketsuke.mjs');
let host: ChildProcess;
let base = '';

async function call<M extends ApiMethod>(request: APIRequestContext, method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const res = await request.post(`${base}/api/${method}`, { data: input, headers: { 'Content-Type': 'application/json' } });
  if (!res.ok()) throw new Error(`${method}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as ApiOutputs[M];
}

test.beforeAll(async () => {
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-own-')), 'first-start.db');
  // Port 0: the host picks a free port and prints its address, so this test never collides with the main web host.
  // UKETSUKE_DB: the new event must not become this machine's remembered current event.
  host = spawn(process.execPath, [BIN, 'web', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, UKETSUKE_DB: db } });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    host.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    host.on('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
  });
});

test.afterAll(() => {
  host?.kill();
});

test('event screen: details, programme import from .ics, door rules, a bus, rehearsal; a scan at a new session', async ({ page, request }) => {
  await holdClock(page);
  await page.goto(`${base}/event`);
  await expect(page.getByRole('heading', { name: 'Event', exact: true })).toBeVisible();
  // The first start opened the demo; the organiser makes their own event.
  await expect(page.locator('.app-header')).toContainText('EU-Japan');
  await page.getByTestId('new-event').click();
  const form = page.getByRole('form', { name: 'New event' });
  await form.getByLabel('Name (English)').fill('My conference');
  await form.getByLabel('Time zone').fill('Europe/Paris');
  await form.getByLabel('First day').fill('2027-04-27');
  await form.getByLabel('Last day').fill('2027-04-29');
  await form.getByRole('button', { name: 'Create the event' }).click();
  await expect(page.locator('.app-header')).toContainText('My conference');
  await expect(page.getByTestId('sessions')).toContainText('No sessions yet');
  expect((await call(request, 'event', {})).delegateCount).toBe(0);

  await page.getByLabel('Name (Japanese)').fill('私の会議');
  await page.getByLabel('Venue', { exact: true }).fill('Palais de la Musique et des Congrès');
  await page.getByLabel('Venue (Japanese)').fill('音楽会議宮殿');
  await page.getByRole('button', { name: 'Save the event' }).click();
  await expect(page.getByTestId('event-saved')).toBeVisible();
  await expect(page.locator('.app-header')).toContainText('Palais de la Musique');
  expect(await call(request, 'event', {})).toMatchObject({ venue: 'Palais de la Musique et des Congrès', venueJa: '音楽会議宮殿' });

  await page.getByTestId('programme-file').setInputFiles(path.resolve('test/fixtures/programme/indico-timetable.ics'));
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  const report = page.getByTestId('programme-report');
  await expect(report).toContainText('Check (nothing written): 3 new, 0 updated, 0 unchanged, 0 refused.');
  await expect(page.getByTestId('sessions')).toContainText('No sessions yet');
  await page.getByTestId('programme-import').click();
  await expect(report).toContainText('Imported: 3 new');
  const rows = page.locator('[data-testid=sessions] tbody tr[data-session]');
  await expect(rows).toHaveCount(3);
  // Times in the event's zone: 11:00 in Strasbourg, whatever zone the browser is in.
  await expect(rows.first()).toContainText('Tue 27 Apr, 11:00–12:30');
  await expect(rows.first()).toContainText('Opening session');

  // Importing the same file again changes nothing.
  await page.getByTestId('programme-import').click();
  await expect(report).toContainText('0 new, 0 updated, 3 unchanged');
  await expect(rows).toHaveCount(3);

  await rows.first().getByLabel('Who may enter').selectOption('registered');
  await expect(page.getByTestId('event-saved')).toBeVisible();
  const opening = (await call(request, 'programme', {})).sessions.find((s) => s.title === 'Opening session')!;
  expect((await call(request, 'checkpoints', {})).find((c) => c.id === opening.checkpointId)).toMatchObject({ listRule: 'registered', entryRule: 'reentry' });

  await rows.filter({ hasText: 'Pitch session' }).getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(2);

  await rows.first().getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit session' });
  await expect(edit.getByLabel('Title', { exact: true })).toHaveValue('Opening session');
  await edit.getByLabel('Start').fill('11:15');
  await edit.getByLabel('Title (Japanese)').fill('開会セッション');
  await edit.getByRole('button', { name: 'Save session' }).click();
  await expect(rows.first()).toContainText('Tue 27 Apr, 11:15–12:30');
  await expect(rows).toHaveCount(2);

  const busForm = page.getByRole('form', { name: 'Add bus' });
  await busForm.getByLabel('Day').selectOption('2027-04-29');
  await busForm.getByLabel('Departs').fill('08:30');
  await busForm.getByLabel('Bus', { exact: true }).fill('Bus 1');
  await busForm.getByLabel('Destination').fill('Biovalley, Colmar');
  await busForm.getByLabel('Seats').fill('49');
  await busForm.getByRole('button', { name: 'Add bus' }).click();
  await expect(page.getByTestId('buses')).toContainText('Biovalley, Colmar');
  await expect(page.getByTestId('buses')).toContainText('07:45');

  await page.getByTestId('mode-rehearsal').click();
  await expect(page.getByTestId('mode-rehearsal')).toHaveAttribute('aria-pressed', 'true');

  const pinForm = page.getByRole('form', { name: 'Staff PIN' });
  await pinForm.getByLabel('New PIN (4–8 digits)').fill('2468');
  await pinForm.getByRole('button', { name: 'Set the PIN' }).click();
  await expect(page.getByLabel('Current PIN (or scan a staff badge)')).toBeVisible();
  expect((await call(request, 'event', {})).staffPinSet).toBe(true);

  // A delegate registered for the imported session is admitted at its door (rehearsal: any day will do).
  const walkIn = await call(request, 'walkIn', { familyName: 'Tanaka', givenName: 'Yuki', email: 'yuki@e2e.example.jp', registrations: [opening.id] });
  const scan = await call(request, 'scan', { checkpointId: opening.checkpointId!, code: walkIn.token! });
  expect(scan.verdict).toBe('admitted');
});
