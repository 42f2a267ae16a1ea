// One name rule on every list: in the Japanese UI a Japanese delegate reads in kanji, family name first, checkpoints by
// their Japanese titles and core messages in Japanese — the door's recent scans, the desk's history and print jobs, and
// the latest scans on Reports. In the English UI the same person reads in romaji.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { call, holdClock } from './helpers';

const KANJI = '上田 陽菜';
const LATIN = /Hina|Ueda|UEDA/;
// What would betray English on those rows: a checkpoint's English title, a core sentence, an English verdict word.
const ENGLISH = /Bus 1|Registration desk|Biovalley|stopped|Printer|not registered|Admitted|Failed|Queued|Printing/;

async function japanese(page: Page) {
  await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'ja'));
}

/** The name reads in kanji first (romaji may follow as the second line, never alone or first). */
async function expectJapaneseRow(row: Locator, romajiBelow = false) {
  await expect(row).toContainText(KANJI);
  if (romajiBelow) await expect(row.locator('[lang="ja"]').first()).toHaveText(KANJI);
  else await expect(row).not.toContainText(LATIN);
  await expect(row).not.toContainText(ENGLISH);
}

test('Japanese UI: door recent scans, desk history and print jobs, latest scans — kanji names, Japanese titles and messages', async ({ page, request }) => {
  const stamp = Date.now();
  const w = await call(request, 'walkIn', { familyName: 'Ueda', givenName: 'Hina', familyNameKanji: '上田', givenNameKanji: '陽菜', country: 'Japan', region: '長野県', email: `hina.ueda.${stamp}@example.jp` });
  // Not on Bus 1's list (a denied scan is kept too), then arrived at the desk, then a badge on a stopped printer.
  expect((await call(request, 'scan', { checkpointId: 'cp-bus-1', code: w.token! })).verdict).toBe('not_registered');
  expect((await call(request, 'checkIn', { delegateId: w.delegate.id })).verdict).toBe('admitted');
  await call(request, 'printBadge', { delegateId: w.delegate.id, printer: 'cups:BadgeStopped', size: 'a6' });
  await expect.poll(async () => (await call(request, 'printJobs', { limit: 100 })).find((j) => j.delegateId === w.delegate.id)?.status, { timeout: 60_000 }).toBe('failed');

  await japanese(page);
  // The latest scans (Reports).
  await page.goto('/reports');
  const latest = page.getByTestId('recent-scans').locator('tbody tr').filter({ hasText: '上田' });
  await expect(latest).toHaveCount(2);
  for (const row of await latest.all()) await expectJapaneseRow(row, true);
  await expect(latest.filter({ hasText: '1号車（バイオバレー・クラスター）' })).toHaveCount(1);
  await expect(latest.filter({ hasText: '受付（会場入場）' })).toHaveCount(1);

  // The door's recent scans at Bus 1.
  await page.goto('/door?checkpoint=cp-bus-1');
  const recent = page.getByTestId('door-recent').locator('li').filter({ hasText: '上田' });
  await expect(recent).toHaveCount(1);
  await expectJapaneseRow(recent);

  // The desk: the person's card, history (checkpoint titles) and the print-job list (name and reason).
  await page.goto('/desk');
  await page.locator('input[type="search"]').fill(`hina.ueda.${stamp}@example.jp`);
  await expect(page.locator('#desk-results')).toHaveAttribute('data-query', `hina.ueda.${stamp}@example.jp`);
  await page.getByTestId('result').first().click();
  await expect(page.getByTestId('card-name')).toHaveText(KANJI);
  // The country in the screen's language.
  await expect(page.getByTestId('delegate-card').locator('.facts')).toContainText('日本 · 長野県');
  await expect(page.getByTestId('delegate-card').locator('.facts')).not.toContainText('Japan');
  const history = page.getByTestId('delegate-card').locator('.history li');
  await expect(history).toHaveCount(2);
  await expect(history.filter({ hasText: '1号車（バイオバレー・クラスター）' })).toHaveCount(1);
  await expect(history.filter({ hasText: '受付（会場入場）' })).toHaveCount(1);
  for (const row of await history.all()) await expect(row).not.toContainText(ENGLISH);
  const job = page.getByTestId('print-job').filter({ hasText: '上田' }).first();
  await expect(job.locator('.job-name')).toHaveText(KANJI);
  await expect(job.getByTestId('job-error')).toContainText('停止しています');
  await expect(job.getByTestId('job-error')).not.toContainText(ENGLISH);
});

test('Japanese UI: the core says "email already registered" in Japanese; the error goes once the form is edited', async ({ page }) => {
  await japanese(page);
  await page.goto('/desk');
  await page.getByTestId('walk-in').click();
  const form = page.getByTestId('walk-in-form');
  await form.locator('input[name="familyName"]').fill('Takahashi');
  await form.locator('input[name="givenName"]').fill('Misaki');
  await form.locator('input[name="email"]').fill('misaki.takahashi@iwate.example.jp');
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole('alert')).toHaveText('メールアドレス misaki.takahashi@iwate.example.jp の参加者はすでに登録されています。検索してください。');
  await form.locator('input[name="email"]').fill('misaki.takahashi.2@iwate.example.jp');
  await expect(form.getByRole('alert')).toHaveCount(0);
});

test('Japanese UI: a camera that cannot start is explained in Japanese, not with the browser\'s English error', async ({ page }) => {
  await japanese(page);
  await page.goto('/door?checkpoint=cp-bus-2');
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await page.getByTestId('start-camera').click();
  const notice = page.locator('.camera [role="status"]');
  await expect(notice).toContainText('カメラを起動できません');
  await expect(notice).not.toContainText(/[A-Za-z]{4,}/);
});

test('Japanese UI: a walk-in given in kanji and kana only is registered; the romaji come from the kana', async ({ page }) => {
  await holdClock(page);
  await japanese(page);
  await page.goto('/desk');
  await page.getByTestId('walk-in').click();
  const form = page.getByTestId('walk-in-form');
  await form.locator('input[name="familyNameKanji"]').fill('鷲尾');
  await form.locator('input[name="givenNameKanji"]').fill('楓');
  await form.locator('input[name="familyNameKana"]').fill('ワシオ');
  await form.locator('input[name="givenNameKana"]').fill('カエデ');
  await form.locator('button[type="submit"]').click();
  await expect(form).toHaveCount(0);
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('鷲尾 楓');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('card-name')).toHaveText('鷲尾 楓');
  await expect(page.getByTestId('delegate-card').locator('.romaji')).toHaveText('WASHIO Kaede');
});

test('English UI: the same lists read the Japanese delegate in romaji', async ({ page, request }) => {
  const stamp = Date.now();
  const w = await call(request, 'walkIn', { familyName: 'Ueda', givenName: 'Sora', familyNameKanji: '上田', givenNameKanji: '空', email: `sora.ueda.${stamp}@example.jp` });
  await call(request, 'scan', { checkpointId: 'cp-bus-1', code: w.token! });
  await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'en'));
  await page.goto('/door?checkpoint=cp-bus-1');
  const recent = page.getByTestId('door-recent').locator('li').filter({ hasText: 'Sora Ueda' });
  await expect(recent).toHaveCount(1);
  await expect(recent).not.toContainText('上田');
  await page.goto('/reports');
  await expect(page.getByTestId('recent-scans').locator('tbody tr').filter({ hasText: 'Sora Ueda' }).first()).toContainText('Bus 1 — Biovalley cluster');
});
