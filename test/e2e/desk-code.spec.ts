// A badge QR or a registration code typed, pasted or wedge-scanned into the desk search opens that person; a reissued,
// foreign or damaged code says what it is in the screen's language, and a long pasted string stays in its column.
import { expect, test, type Page } from '@playwright/test';
import { BadgeTokens, generateEventKeys } from '../../electron/services/model/badge-token';
import { call } from './helpers';

const YOKO = 'yoko.kondo@jetro.example.jp';

async function desk(page: Page, lang: 'en' | 'ja') {
  await page.addInitScript((l) => localStorage.setItem('uketsuke.lang', l), lang);
  await page.goto('/desk');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  return page.locator('input[type="search"]');
}

async function person(request: import('@playwright/test').APIRequestContext, email: string) {
  const [hit] = await call(request, 'searchDelegates', { query: email, limit: 1 });
  const d = await call(request, 'delegate', { id: hit!.id });
  return d;
}

/** The note must sit inside the search column: not under the card column, not past the window. */
async function expectInColumn(page: Page, testId: string) {
  const note = (await page.getByTestId(testId).boundingBox())!;
  const column = (await page.locator('.desk-search').boundingBox())!;
  expect(note.x + note.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
  expect(note.x).toBeGreaterThanOrEqual(column.x - 0.5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

test('English: a pasted badge QR and a registration code open the person, in romaji', async ({ page, request }) => {
  const d = await person(request, YOKO);
  const search = await desk(page, 'en');
  await search.fill(d.token!);
  await expect(page.getByTestId('card-name')).toHaveText('Yoko Kondo');
  await expect(page.getByTestId('code-note')).toHaveAttribute('data-kind', 'person');
  await expect(page.getByTestId('code-note')).toHaveText('Badge QR of Yoko Kondo: opened.');
  await search.fill('');
  await expect(page.getByTestId('code-note')).toHaveCount(0);
  await search.fill(d.delegate.externalCode!);
  await expect(page.getByTestId('code-note')).toHaveText('Registration code of Yoko Kondo: opened.');
  await expect(page.getByTestId('delegate-card')).toContainText(YOKO);
});

test('Japanese: a wedge-scanned badge opens the person in kanji; Enter after the scan then checks them in', async ({ page, request }) => {
  const w = await call(request, 'walkIn', { familyName: 'Ueno', givenName: 'Aoi', familyNameKanji: '上野', givenNameKanji: '葵', email: `aoi.ueno.${Date.now()}@example.jp` });
  const search = await desk(page, 'ja');
  // A scanner types fast and ends with Enter.
  await search.focus();
  await page.keyboard.type(w.token!, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-name')).toHaveText('上野 葵');
  await expect(page.getByTestId('code-note')).toHaveText('上野 葵 さんのバッジQRを表示しています。');
  // The scan's text is selected: the next scan replaces it. The scanner's Enter did not check in; the next one does.
  expect(await search.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, w.token!.length]);
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('上野 葵');
  // Arrived: the card says since when, and printing becomes its primary action.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('card-arrived')).toContainText('受付済み');
  await expect(page.getByTestId('print')).toHaveClass(/btn-primary/);
  await expect(page.getByTestId('check-in')).not.toHaveClass(/btn-primary/);
});

for (const lang of ['en', 'ja'] as const) {
  test(`${lang}: a reissued badge, another event's badge and a damaged code say so; a long paste stays in its column`, async ({ page, request }) => {
    const w = await call(request, 'walkIn', { familyName: 'Hoshino', givenName: 'Ren', familyNameKanji: '星野', givenNameKanji: '蓮', email: `ren.hoshino.${lang}.${Date.now()}@example.jp` });
    await call(request, 'reissueBadge', { delegateId: w.delegate.id });
    const search = await desk(page, lang);
    const note = page.getByTestId('code-note');

    await search.fill(w.token!);
    await expect(note).toHaveAttribute('data-kind', 'revoked');
    await expect(note).toHaveText(lang === 'ja'
      ? 'このバッジ（1回目の発行）は再発行（2回目の発行）により無効です。表示中：星野 蓮 さん'
      : 'This badge (issue 1) was replaced by issue 2 and no longer admits. Shown: Ren Hoshino.');
    await expect(page.getByTestId('card-name')).toHaveText(lang === 'ja' ? '星野 蓮' : 'Ren Hoshino');

    const foreign = new BadgeTokens('another-event', generateEventKeys()).issue({ badgeNo: 7, issue: 1 });
    await search.fill(foreign);
    await expect(note).toHaveText(lang === 'ja' ? 'このバッジは別のイベントのものです。' : 'This badge belongs to another event.');

    await search.fill(`${w.token!.slice(0, 30)}`);
    await expect(note).toHaveText(lang === 'ja' ? 'コードが途中までか、破損しています。もう一度スキャンするか、氏名で検索してください。' : 'This code is incomplete or damaged: scan it again, or search by name.');

    // A long garbled paste (no spaces, far wider than the column) wraps inside the search column.
    await search.fill(`U1${'Q7'.repeat(200)}`);
    await expect(note).toHaveAttribute('data-kind', 'invalid');
    await expect(note).not.toContainText('Something went wrong');
    await expectInColumn(page, 'code-note');
    if (lang === 'ja') await expect(note).not.toContainText(/[a-z]{4,}/);
    // A long paste that is no code at all: "nobody matches" quotes it shortened, wrapped inside the column.
    await search.fill('x'.repeat(400));
    await expect(page.getByTestId('search-hint')).toContainText('xxxx…');
    await expectInColumn(page, 'search-hint');
    // However long the paste, the search answers it (no error from the core about its length).
    await expect(page.locator('.notice-error')).toHaveCount(0);
  });
}
