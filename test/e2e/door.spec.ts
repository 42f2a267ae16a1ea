import { expect, test } from '@playwright/test';
import { call, holdClock, tokenOf, typeWithGaps } from './helpers';

// The page's clock is held (holdClock): a verdict stays until the test moves the clock on or dismisses it, and keys
// arrive exactly as far apart as the test says, however busy the machine is.

test.describe('door and bus scanner', () => {
  test('choose a checkpoint, then a keyboard-wedge scan with Enter admits; the counter moves', async ({ page, request }) => {
    const { token } = await tokenOf(request, 'zofia muller');
    await holdClock(page);
    await page.goto('/door');
    await page.getByText('Bus 1 — Biovalley cluster').click();
    await expect(page).toHaveURL(/checkpoint=cp-bus-1/);
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    const count = page.getByTestId('station-count');
    const before = Number((await count.innerText()).split('/')[0]!.trim());
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="admitted"]')).toContainText('Zofia Müller-Łukasiewicz');
    await expect(count).toHaveText(`${before + 1} / 49`);
    // Back to ready by itself.
    await page.clock.runFor(5000);
    await expect(page.locator('[data-verdict]')).toHaveCount(0);
  });

  test('without Enter: a badge is recognised by what it is however slowly its keys come; other codes by speed', async ({ page, request }) => {
    const { token } = await tokenOf(request, 'huong nguyen');
    await holdClock(page);
    await page.goto('/door?checkpoint=cp-d2-pitches');
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    // A person typing something of no known shape, slowly: not a scan.
    await typeWithGaps(page, 'ORDER-4242-X', 120);
    await page.clock.runFor(3000);
    // A scanner sending the same kind of code fast: a scan once the keys stop.
    await typeWithGaps(page, 'ORDER-4243-Y', 5);
    await page.clock.runFor(1000);
    await expect(page.locator('[data-verdict="unknown"]')).toBeVisible();
    await page.locator('[data-verdict]').click();
    // A badge token whose keys come far apart (each gap longer than the pause that ends a fast burst): a scan.
    await typeWithGaps(page, token, 350);
    await expect(page.locator('[data-verdict="admitted"]')).toContainText('Nguyễn');
    // Scans are answered in order: had the slow typing been taken for a scan, it would be listed before these.
    const scans = await call(request, 'recentScans', { checkpointId: 'cp-d2-pitches' });
    expect(scans.map((s) => s.verdict)).toEqual(['admitted', 'unknown']);
  });

  test('denied scans are shown in words and the scanner stays ready (forged, not registered, unknown)', async ({ page, request }) => {
    const { token } = await tokenOf(request, 'siobhan');
    await holdClock(page);
    await page.goto('/door?checkpoint=cp-bus-1');
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    const forged = token.slice(0, 30) + (token[30] === 'A' ? 'B' : 'A') + token.slice(31);
    await page.keyboard.type(forged);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="forged"]')).toContainText('Invalid code');
    await page.locator('[data-verdict]').click();
    // Ó Briain rides bus 2, not bus 1.
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="not_registered"]')).toContainText('Siobhán Ó Briain');
    await page.locator('[data-verdict]').click();
    await page.locator('#manual-code').fill('EJRC-1999-424242');
    await page.locator('#manual-code').press('Enter');
    await expect(page.locator('[data-verdict="unknown"]')).toBeVisible();
  });

  test('a supervisor override admits with a reason and the staff PIN', async ({ page, request }) => {
    const { token } = await tokenOf(request, 'amelie lefevre');
    await holdClock(page);
    await page.goto('/door?checkpoint=cp-bus-3');
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="not_registered"]')).toBeVisible();
    await page.getByRole('button', { name: 'Admit anyway' }).click();
    await page.locator('#override-reason').fill('Organiser accompanying the group');
    await page.locator('#override-pin').fill('1111');
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await expect(page.locator('.override-form [role="alert"]')).toContainText('not right');
    await page.locator('#override-pin').fill('2027');
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await expect(page.locator('[data-verdict="admitted"]')).toContainText('Admitted by staff');
  });
});

test.describe('door: always an answer', () => {
  test('the same badge again 2 s later is answered "already checked in" (only a scanner double read is swallowed); Escape clears', async ({ page, request }) => {
    const { token } = await tokenOf(request, 'kwame.mensah@gh');
    await holdClock(page);
    await page.goto('/door?checkpoint=cp-bus-2');
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="admitted"]')).toContainText('Kwame Mensah');
    await page.clock.runFor(2000);
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="already_checked_in"]')).toContainText('Kwame Mensah');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-verdict]')).toHaveCount(0);
  });

  test('"not registered here" says where the person is expected; the station shows its boarding window', async ({ page, request }) => {
    // Ó Briain rides bus 2, not bus 3.
    const { token } = await tokenOf(request, 'siobhan.obriain@southern');
    await holdClock(page);
    await page.goto('/door?checkpoint=cp-bus-3');
    await expect(page.getByTestId('station-window')).toContainText('Boarding 08:00–09:00');
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-verdict="not_registered"]')).toBeVisible();
    await expect(page.getByTestId('verdict-expected')).toHaveText('Registered for: Bus 2 — Pôle Fibres-Energivie');
  });

  test('the checkpoint picker groups by day with times; in Japanese, buses are 号車 and the titles neutral', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'ja'));
    await page.goto('/door');
    const day3 = page.locator('.checkpoint-day').filter({ hasText: '1号車（バイオバレー・クラスター）' });
    await expect(day3.locator('h2')).toContainText('2027年4月29日');
    await expect(day3.locator('.checkpoint-tile').first()).toContainText('07:45–08:45');
    // Every tile visible on a laptop screen without scrolling past the fold of a flat list.
    await expect(page.locator('.checkpoint-tile')).toHaveCount(15);
  });
});

test('a bus station lists who has not boarded yet; a boarding takes them off', async ({ page }) => {
  await holdClock(page);
  await page.goto('/door?checkpoint=cp-bus-3');
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  const list = page.getByTestId('still-expected');
  await list.locator('summary').click();
  await expect(list).toContainText('Maximiliane Charlotte Eleonore');
  const count = async () => Number((await list.locator('summary').innerText()).match(/\d+/)![0]);
  const before = await count();
  await page.locator('#manual-code').fill('EJRC-8327-7613-2620');
  await page.locator('#manual-code').press('Enter');
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('Maximiliane');
  await expect(list.locator('summary')).toHaveText(`Not yet boarded: ${before - 1}`);
  await expect(list).not.toContainText('Maximiliane');
});
