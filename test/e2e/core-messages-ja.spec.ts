// Refusals from the core read in the screen's language: the event setup (a session or a bus whose times are in the
// wrong order) and the import (a file without a name column) say them in Japanese, not in the core's English.
import { expect, test, type Page } from '@playwright/test';

async function japanese(page: Page) {
  await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'ja'));
}

test('Japanese UI: event setup refusals from the core read in Japanese', async ({ page }) => {
  await japanese(page);
  await page.goto('/event');
  const error = page.getByTestId('event-error');

  const session = page.locator('form').filter({ has: page.locator('input[name="title"]') });
  await session.locator('input[name="start"]').fill('12:00');
  await session.locator('input[name="end"]').fill('11:00');
  await session.locator('input[name="title"]').fill('逆順のセッション');
  await session.locator('button[type="submit"]').first().click();
  await expect(error).toHaveText('セッションの終了時刻が開始時刻より前になっています。');

  const bus = page.locator('form').filter({ has: page.locator('input[name="departs"]') });
  await bus.locator('input[name="boards"]').fill('10:00');
  await bus.locator('input[name="departs"]').fill('09:00');
  await bus.locator('input[name="label"]').fill('9号車');
  await bus.locator('input[name="site"]').fill('札幌駅');
  await bus.locator('input[name="capacity"]').fill('40');
  await bus.locator('button[type="submit"]').click();
  await expect(error).toHaveText('出発時刻が乗車開始時刻より前になっています。');
});

test('Japanese UI: an import without a name column is refused in Japanese', async ({ page }) => {
  await japanese(page);
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from('所属,メモ\r\n北海道庁,a\r\n', 'utf8') });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByRole('alert')).toHaveText('氏名の列が見つかりません（列：所属, メモ）。列の対応付けを手動で行ってください。');
});
