import { expect, test } from '@playwright/test';
import { call, holdClock, openDelegate } from './helpers';

test('desk: check in & print — the badge job shows until it is printed; print-only does not check in', async ({ page, request }) => {
  // Generated delegates nobody else's test touches, by their registration code.
  const [first] = await call(request, 'searchDelegates', { query: 'malgorzata.dabrowska2@mazovia.example.pl', limit: 1 });
  const [second] = await call(request, 'searchDelegates', { query: 'lena.grossmann@bw-cluster.example.de', limit: 1 });
  if (!first || !second) throw new Error('demo delegates missing');
  await page.goto('/desk');
  await page.getByTestId('printer-select').selectOption('folder');
  await openDelegate(page, first.email!);
  await expect(page.getByTestId('check-in')).toContainText('Check in & print');
  await page.getByTestId('check-in').click();
  // The job follows the check-in's answer, so it shows the check-in happened; the verdict itself goes by itself.
  const job = page.getByTestId('print-job').filter({ hasText: `${first.givenName} ${first.familyName}` }).first();
  await expect(job).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect((await call(request, 'delegate', { id: first.id })).scans.some((s) => s.verdict === 'admitted')).toBe(true);
  await page.keyboard.press('Escape');

  await openDelegate(page, second.email!);
  await page.getByTestId('print').click();
  await expect(page.getByTestId('print-job').filter({ hasText: `${second.givenName} ${second.familyName}` }).first()).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const after = await call(request, 'delegate', { id: second.id });
  expect(after.scans.filter((s) => s.verdict === 'admitted'), JSON.stringify(after.scans)).toEqual([]);
});

test('kiosk: checking in prints the badge at the kiosk printer; the screen waits for the printer, however slow', async ({ page, request }) => {
  const [who] = await call(request, 'searchDelegates', { query: 'conceicao.araujo2@norte.example.pt', limit: 1 });
  if (!who) throw new Error('demo delegate missing');
  // The page's clock moves only when the test moves it: the printer is as slow as the test makes it.
  await holdClock(page);
  await page.goto('/kiosk');
  await page.evaluate(() => localStorage.setItem('uketsuke.station', JSON.stringify({ printer: 'folder', size: 'a6', printOnCheckIn: true, back: false })));
  await page.reload();
  await page.getByLabel('Your name').fill(who.familyName);
  await page.getByLabel('Email address you registered with').fill(who.email!);
  await page.locator('form.kiosk-form button[type="submit"]').click();
  await page.getByRole('button', { name: 'Yes, check me in' }).click();
  await expect(page.locator('[data-verdict="admitted"]')).toHaveAttribute('data-print', /queued|printing/);
  // While it prints the screen says so, and does not count down.
  await expect(page.getByTestId('kiosk-message')).toContainText('Your badge is printing');
  await expect(page.getByTestId('kiosk-countdown')).toHaveCount(0);
  // Longer than the kiosk shows a verdict before starting over, with the job not yet followed up: it stays.
  await page.clock.runFor(15_000);
  // Then the kiosk follows the job (a look every 700 ms of page time) until it has printed, and says so.
  const print = () => page.evaluate(() => document.querySelector('[data-verdict="admitted"]')?.getAttribute('data-print') ?? 'screen started over');
  await expect
    .poll(async () => {
      await page.clock.runFor(700);
      return print();
    }, { timeout: 60_000 })
    .toBe('done');
  // Printed: "printing" is no longer said, and the countdown to the next delegate starts.
  await expect(page.getByTestId('kiosk-message')).toHaveText('Your badge is ready. Please take it from the printer.');
  await expect(page.getByTestId('kiosk-countdown')).toBeVisible();
});
