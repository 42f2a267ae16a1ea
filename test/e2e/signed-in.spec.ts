// Who is signed in, on every staff screen: a door station in a browser shows its station, signs staff in with the
// PIN or a badge (the badge holder's name, in kanji in Japanese), when an idle sign-in ends, and signs out.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost } from './helpers';

let BASE = '';
const db = path.join(os.tmpdir(), `uketsuke-e2e-signed-in-${process.pid}.db`);
let stop = () => {};

test.beforeAll(async () => {
  ({ base: BASE, stop } = await startWebHost(db, ['--station', 'door']));
});

test.afterAll(() => stop());

interface Row { familyName: string; givenName: string; familyNameKanji: string | null; givenNameKanji: string | null; role: string; token: string }

test('the strip says who is signed in, as what and until when, and signs out', async ({ page }) => {
  // The door station's own screen (the desk screen would ask for staff by itself).
  await page.goto(`${BASE}/door`);
  const strip = page.getByTestId('signed-in');
  await expect(strip).toHaveAttribute('data-signed-in', 'none');
  await expect(strip).toContainText('Door station');
  await expect(strip).toContainText('Not signed in');
  // Sign in from the strip with the PIN.
  await page.getByTestId('sign-in').click();
  const dialog = page.getByTestId('unlock');
  await dialog.getByLabel('Staff PIN').fill('2027');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(strip).toHaveAttribute('data-signed-in', 'staff');
  await expect(strip).toContainText('Signed in: Staff PIN (staff)');
  await expect(strip).toContainText(/signs out at \d\d:\d\d if unused \(10 min\)/);
  // The strip is on the other staff screens too.
  for (const screen of ['/desk', '/reports', '/event', '/door']) {
    await page.goto(`${BASE}${screen}`);
    await expect(page.getByTestId('signed-in')).toHaveAttribute('data-signed-in', 'staff');
  }
  await page.getByTestId('sign-out').click();
  await expect(strip).toHaveAttribute('data-signed-in', 'none');
  await expect(page.getByTestId('sign-out')).toHaveCount(0);
  // The kiosk is the guests' screen: no strip there.
  await page.goto(`${BASE}/kiosk`);
  await expect(page.getByTestId('lang-switch')).toBeVisible();
  await expect(page.getByTestId('signed-in')).toHaveCount(0);
});

test('a badge sign-in names its holder, in kanji family first in Japanese', async ({ page }) => {
  const people = JSON.parse(execFileSync(process.execPath, ['bin/uketsuke.mjs', 'delegates', '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Row[];
  const organiser = people.find((p) => p.role === 'organiser' && p.familyNameKanji && p.givenNameKanji);
  expect(organiser).toBeTruthy();
  await page.goto(`${BASE}/door`);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('unlock').getByLabel('Staff PIN').fill(organiser!.token);
  await page.getByTestId('unlock').getByRole('button', { name: 'Unlock' }).click();
  const strip = page.getByTestId('signed-in');
  await expect(strip).toContainText(`Signed in: ${organiser!.givenName} ${organiser!.familyName} (organiser)`);
  await page.getByTestId('lang-switch').click();
  await expect(strip).toContainText(`サインイン中：${organiser!.familyNameKanji} ${organiser!.givenNameKanji}（主催者）`);
  await expect(strip).toContainText('入場・乗車チェック端末');
  await expect(page.getByTestId('sign-out')).toHaveText('サインアウト');
  // The PIN form advises 6+ digits and warns, as it is typed, about a 4- or 5-digit PIN (nothing is saved here).
  await page.goto(`${BASE}/event`);
  await expect(page.getByText('6桁以上をおすすめします', { exact: false }).first()).toBeVisible();
  await page.getByLabel('新しいPIN（4〜8桁）').fill('2580');
  await expect(page.getByTestId('pin-weak')).toContainText('4桁のPINも設定できますが');
  await page.getByLabel('新しいPIN（4〜8桁）').fill('258013');
  await expect(page.getByTestId('pin-weak')).toHaveCount(0);
  // Signed in with an organiser's badge, the badge stands for the current PIN: the field is optional and the PIN changes.
  await expect(page.getByTestId('current-pin')).not.toHaveAttribute('required', /.*/);
  await page.getByRole('button', { name: 'PINを設定' }).click();
  await expect(page.getByText('スタッフ用PINを設定しました。各端末には')).toBeVisible();
  await page.getByTestId('sign-out').click();
  // The new PIN signs in; the old one no longer does.
  await page.goto(`${BASE}/door`);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('unlock').getByLabel(/PIN/).fill('258013');
  await page.getByTestId('unlock').getByRole('button').last().click();
  await expect(strip).toHaveAttribute('data-signed-in', 'staff');
  await page.getByTestId('sign-out').click();
  await expect(strip).toHaveAttribute('data-signed-in', 'none');
});
