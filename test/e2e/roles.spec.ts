// A station running in a browser as a door (`uketsuke web --station door`): what needs staff asks for the PIN or a
// staff badge on the spot, and the Api refuses the station what only organisers may do.
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { holdClock, startWebHost } from './helpers';

let BASE = '';
let stop = () => {};

test.beforeAll(async () => {
  ({ base: BASE, stop } = await startWebHost(path.join(os.tmpdir(), `uketsuke-e2e-station-${process.pid}.db`), ['--station', 'door']));
});

test.afterAll(() => stop());

test('a door station asks staff to sign in before the desk search works; organiser exports stay refused', async ({ page, request }) => {
  const exported = await request.post(`${BASE}/api/exportDelegates`, { data: { format: 'csv' }, headers: { 'Content-Type': 'application/json' } });
  expect(exported.status()).toBe(403);
  expect((await request.post(`${BASE}/api/walkIn`, { data: { familyName: 'X', givenName: 'Y', role: 'staff' }, headers: { 'Content-Type': 'application/json' } })).status()).toBe(403);

  await holdClock(page);
  await page.goto(`${BASE}/desk`);
  // A door may scan and see its list, not search everyone: the search asks for staff.
  await page.locator('input[type="search"]').fill('misaki.takahashi@iwate.example.jp');
  const dialog = page.getByTestId('unlock');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('result')).toHaveCount(0);
  await dialog.getByLabel('Staff PIN').fill('1111');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not right');
  await dialog.getByLabel('Staff PIN').fill('2027');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toHaveCount(0);
  // Signed in: the same search now answers, and the card opens.
  await page.locator('input[type="search"]').fill('misaki.takahashi@iwate.example');
  await expect(page.getByTestId('result')).toHaveCount(1);
  await page.getByTestId('result').first().click();
  await expect(page.getByTestId('delegate-card')).toContainText('misaki.takahashi@iwate.example.jp');
});
