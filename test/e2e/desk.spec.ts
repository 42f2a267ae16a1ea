import { expect, test } from '@playwright/test';
import { call, holdClock, openDelegate } from './helpers';

test.describe('registration desk', () => {
  for (const [query, name] of <[string, string][]>[
    ['takahashi', '髙橋 美咲'],
    ['タカハシ', '髙橋 美咲'],
    ['たかはし', '髙橋 美咲'],
    ['高橋', '髙橋 美咲'],
    ['muller', 'Zofia Müller-Łukasiewicz'],
    ['obriain', 'Siobhán Ó Briain'],
    ['nguyen', 'Thị Hương Nguyễn'],
  ]) {
    test(`search "${query}" finds ${name}`, async ({ page }) => {
      await page.goto('/desk');
      await page.locator('input[type="search"]').fill(query);
      await expect(page.getByTestId('result').filter({ hasText: name }).first()).toBeVisible();
    });
  }

  test('keyboard only: search, Enter to open, Enter to check in; the arrivals count goes up', async ({ page, request }) => {
    // Held, so a verdict stays on screen until the test has read it (it goes by itself after a few seconds).
    await holdClock(page);
    await page.goto('/desk');
    const before = (await call(request, 'checkpoints', {})).find((c) => c.kind === 'venue')!.admitted;
    const search = page.locator('input[type="search"]');
    await expect(search).toBeFocused();
    await search.fill('asa lindqvist');
    await expect(page.getByTestId('result').first()).toContainText('Åsa Lindqvist');
    await search.press('Enter');
    await expect(page.getByTestId('delegate-card')).toContainText('Medicon Village');
    await search.press('Enter');
    await expect(page.locator('[data-verdict="admitted"]')).toBeVisible();
    await expect(page.locator('[data-verdict]')).toContainText('Åsa Lindqvist');
    await page.keyboard.press('Escape');
    // Other workers' tests check people in at the same entrance meanwhile: the count moves up by at least this one.
    await expect.poll(async () => Number(await page.getByTestId('arrivals').locator('.arrivals-number').innerText())).toBeGreaterThan(before);
    await expect(page.getByTestId('result').first()).toContainText('Arrived');
    // Checking in twice says so, with where.
    await page.getByTestId('check-in').click();
    await expect(page.locator('[data-verdict="already_checked_in"]')).toContainText('Registration desk');
  });

  test('undo a mistaken check-in from the delegate card', async ({ page }) => {
    // Held, so a verdict stays on screen until the test has read it (it goes by itself after a few seconds).
    await holdClock(page);
    await page.goto('/desk');
    await openDelegate(page, 'kwame.mensah@gh.example.gh');
    await page.getByTestId('check-in').click();
    await expect(page.locator('[data-verdict="admitted"]')).toBeVisible();
    await page.locator('[data-verdict]').click();
    await page.getByTestId('undo').click();
    await expect(page.getByText('Check-in undone.')).toBeVisible();
    await expect(page.getByTestId('delegate-card').locator('.history li.undone')).toHaveCount(1);
  });

  test('walk-in: register a new person and check them in at once; their name is stored literally', async ({ page, request }) => {
    // Held, so a verdict stays on screen until the test has read it (it goes by itself after a few seconds).
    await holdClock(page);
    await page.goto('/desk');
    await page.getByTestId('walk-in').click();
    const form = page.getByTestId('walk-in-form');
    await form.locator('input[name="familyName"]').fill('Dubois-Øster');
    await form.locator('input[name="givenName"]').fill('<b>Hélène</b>');
    await form.locator('input[name="familyNameKanji"]').fill('');
    await form.locator('input[name="organisation"]').fill('=HYPERLINK("http://evil")');
    await form.locator('input[name="email"]').fill('helene.walkin@example.fr');
    await form.getByRole('button', { name: 'Register and check in' }).click();
    await expect(page.locator('[data-verdict="admitted"]')).toContainText('<b>Hélène</b> Dubois-Øster');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('delegate-card')).toContainText('=HYPERLINK("http://evil")');
    await expect(page.locator('b', { hasText: 'Hélène' })).toHaveCount(0);
    const found = await call(request, 'searchDelegates', { query: 'helene.walkin' });
    expect(found[0]?.arrived).toBe(true);
  });

  test('reissue gives a new badge issue and revokes the older one', async ({ page, request }) => {
    const [hit] = await call(request, 'searchDelegates', { query: 'yoko.kondo@jetro' });
    const old = (await call(request, 'delegate', { id: hit!.id })).token!;
    await page.goto('/desk');
    await openDelegate(page, 'yoko.kondo@jetro.example.jp');
    await page.getByTestId('reissue').click();
    await expect(page.getByText('Badge issue 2 is now valid')).toBeVisible();
    const r = await call(request, 'scan', { checkpointId: 'cp-d1-opening', code: old });
    expect(r.verdict).toBe('revoked');
  });
});

test('edit a delegate from the card: the corrected name is found and shown', async ({ page, request }) => {
  const [who] = await call(request, 'searchDelegates', { query: 'tomoko.ito@aichi.example.jp', limit: 1 });
  await page.goto('/desk');
  await openDelegate(page, 'tomoko.ito@aichi.example.jp');
  await expect(page.getByTestId('delegate-card')).toContainText(who!.email!);
  await page.getByTestId('edit').click();
  const form = page.getByTestId('edit-form');
  await expect(form.locator('input[name="email"]')).toHaveValue(who!.email!);
  await form.locator('input[name="familyName"]').fill('Ðorđević-Krasniqi');
  await form.getByRole('button', { name: 'Save changes' }).click();
  // Japanese delegates show the Latin family name in capitals under the kanji.
  await expect(page.getByTestId('delegate-card')).toContainText(/Ðorđević-Krasniqi/i);
  await page.locator('input[type="search"]').fill('dordevic');
  await expect(page.getByTestId('result').first()).toContainText(/Ðorđević-Krasniqi/i);
});

test('everything held about one person downloads from their card (GDPR)', async ({ page }) => {
  await page.goto('/desk');
  await openDelegate(page, 'luis.conceicao@norte.example.pt');
  const download = page.waitForEvent('download');
  await page.getByTestId('subject-export').click();
  const fs = await import('node:fs');
  const data = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8')) as { delegate: { email: string; externalCode: string }; scans: unknown[] };
  expect(data.delegate.email).toBe('luis.conceicao@norte.example.pt');
  expect(data.delegate.externalCode).toMatch(/^EJRC-\d{4}-\d{4}-\d{4}$/);
  expect(Array.isArray(data.scans)).toBe(true);
});
