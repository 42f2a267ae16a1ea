import { expect, test } from '@playwright/test';
import { call, openDelegate } from './helpers';

test('desk: check in & print — the badge job shows until it is printed; print-only does not check in', async ({ page, request }) => {
  // Generated delegates nobody else's test touches, by their registration code.
  const [first] = await call(request, 'searchDelegates', { query: 'EJRC-2027-000061', limit: 1 });
  const [second] = await call(request, 'searchDelegates', { query: 'EJRC-2027-000062', limit: 1 });
  if (!first || !second) throw new Error('demo delegates missing');
  await page.goto('/desk');
  await page.getByTestId('printer-select').selectOption('folder');
  await openDelegate(page, first.email!);
  await expect(page.getByTestId('check-in')).toContainText('Check in & print');
  await page.getByTestId('check-in').click();
  await expect(page.locator('[data-verdict="admitted"]')).toBeVisible();
  await page.keyboard.press('Escape');
  const job = page.getByTestId('print-job').filter({ hasText: `${first.givenName} ${first.familyName}` }).first();
  await expect(job).toHaveAttribute('data-status', 'done', { timeout: 15_000 });

  await openDelegate(page, second.email!);
  await page.getByTestId('print').click();
  await expect(page.getByTestId('print-job').filter({ hasText: `${second.givenName} ${second.familyName}` }).first()).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  const after = await call(request, 'delegate', { id: second.id });
  expect(after.scans.filter((s) => s.verdict === 'admitted'), JSON.stringify(after.scans)).toEqual([]);
});

test('kiosk: checking in prints the badge at the kiosk printer', async ({ page, request }) => {
  const [who] = await call(request, 'searchDelegates', { query: 'EJRC-2027-000071', limit: 1 });
  if (!who) throw new Error('demo delegate missing');
  await page.goto('/kiosk');
  await page.evaluate(() => localStorage.setItem('uketsuke.station', JSON.stringify({ printer: 'folder', size: 'a6', printOnCheckIn: true, back: false })));
  await page.reload();
  await page.getByRole('searchbox').fill(who.email!);
  await page.locator('form.kiosk-form button[type="submit"]').click();
  await page.getByTestId('kiosk-person').first().click();
  await expect(page.locator('[data-verdict="admitted"]')).toHaveAttribute('data-print', 'done', { timeout: 15_000 });
});
