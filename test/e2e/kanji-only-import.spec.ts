// Issue 24: a delegate who wrote their name only in kanji imports (the reading guessed from the IPADIC names
// dictionary, flagged "reading guessed"), prints a badge with the kanji large and the guessed romaji small, is found at
// the desk by kanji, kana and romaji, and the desk confirms the reading in one step. Screenshots of the import screen
// and the desk card in both languages at 1366×768 and 768×1024 go to $UKETSUKE_SHOTS when it is set.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { call } from './helpers';

const SHOTS = process.env.UKETSUKE_SHOTS;
// Both languages at both sizes; the last one is Japanese, so the card's confirmation is done in Japanese.
const VIEWS = [['en', { width: 1366, height: 768 }], ['en', { width: 768, height: 1024 }], ['ja', { width: 1366, height: 768 }], ['ja', { width: 768, height: 1024 }]] as const;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
};

async function search(page: Page, query: string) {
  await page.locator('input[type="search"]').fill(query);
  await expect(page.locator('#desk-results')).toHaveAttribute('data-query', query);
}

test('a kanji-only delegate: imported with a guessed reading, badge kanji + romaji, found by kanji, kana and romaji, reading confirmed in one step', async ({ page, request }) => {
  const stamp = Date.now();
  const email = `onodera.${stamp}@e2e.example.jp`;
  // A connpass-like sheet: the name question written only in kanji, without a space; a role word the importer lacks.
  const csv = `お名前（名札に印字します）,メールアドレス,区分\r\n小野寺翔太,${email},一般参加枠\r\n,,\r\n`;
  for (const [lang, size] of VIEWS) {
    await page.setViewportSize(size);
    await page.addInitScript((l) => localStorage.setItem('uketsuke.lang', l), lang);
    await page.goto('/import');
    await page.getByTestId('import-file').setInputFiles({ name: 'connpass.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const reasons = page.getByTestId('import-reasons');
    await expect(reasons.locator('li[data-column="1"]')).toContainText(lang === 'en' ? 'column 1 (“お名前（名札に印字します）”): Full name' : '1列目（「お名前（名札に印字します）」）：');
    await expect(reasons.locator('li[data-column="2"]')).toContainText(lang === 'en' ? 'Email' : 'メール');
    await page.getByTestId('import-dry-run').click();
    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-dry-run', 'true');
    const flagged = page.getByTestId('import-flagged');
    await expect(flagged.locator('tr[data-flag="reading_guessed"]')).toContainText('小野寺 翔太');
    await expect(flagged.locator('tr[data-flag="reading_guessed"] td').first()).toHaveText('2');
    await expect(flagged.locator('tr[data-flag="role_unknown"]')).toContainText('一般参加枠');
    await shot(page, `import-${lang}-${size.width}x${size.height}`);
    await flagged.scrollIntoViewIfNeeded();
    await shot(page, `import-report-${lang}-${size.width}x${size.height}`);
  }
  // Now for real.
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-dry-run', 'false');
  await expect(page.getByTestId('import-report')).toContainText('1'); // one new person; the empty row names nobody
  const [hit] = await call(request, 'searchDelegates', { query: email });
  expect(hit).toMatchObject({ familyNameKanji: '小野寺', givenNameKanji: '翔太', familyNameKana: 'おのでら', givenNameKana: 'しょうた', familyName: 'Onodera', givenName: 'Shota', flags: ['reading_guessed', 'role_unknown'], ticketType: '一般参加枠', role: 'delegate' });

  // The badge: kanji large, the guessed romaji small, printed to the folder printer and read back from the PDF.
  const folder = (await call(request, 'printers', {})).find((p) => p.id === 'folder');
  const dir = /\((.*)\)$/.exec(folder!.name)![1]!;
  await call(request, 'printBadge', { delegateId: hit!.id, printer: 'folder', size: 'a6' });
  await expect.poll(async () => (await call(request, 'printJobs', { limit: 100 })).find((j) => j.delegateId === hit!.id)?.status, { timeout: 60_000 }).toBe('done');
  const pdf = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    .find((f) => execFileSync('pdftotext', [f, '-']).toString().includes('小野寺'));
  expect(pdf, 'a badge PDF naming 小野寺').toBeTruthy();
  const text = execFileSync('pdftotext', ['-layout', pdf!, '-']).toString();
  expect(text).toMatch(/小野寺\s*翔太/);
  expect(text).toMatch(/Shota\s+ONODERA|ONODERA\s+Shota|Onodera/i);
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf!, path.join(SHOTS, 'badge-kanji-only')]);

  // The desk finds the person by kanji, kana and romaji; the needs-attention filter lists them.
  for (const [lang, size] of VIEWS) {
    await page.setViewportSize(size);
    await page.addInitScript((l) => localStorage.setItem('uketsuke.lang', l), lang);
    await page.goto('/desk');
    for (const q of ['小野寺翔太', 'おのでら しょうた', 'onodera shota']) {
      await search(page, q);
      await expect(page.getByTestId('result').filter({ hasText: '小野寺' }).first()).toBeVisible();
    }
    await page.getByTestId('filter-attention').click();
    await search(page, 'onodera');
    await expect(page.locator('#desk-results')).toHaveAttribute('data-filters', /"attention":true/);
    const row = page.getByTestId('result').filter({ hasText: '小野寺' });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('result-flag')).toBeVisible();
    await row.click();
    const card = page.getByTestId('delegate-card');
    await expect(card).toContainText(email);
    await expect(card.getByTestId('card-flags').locator('li[data-flag="reading_guessed"]')).toBeVisible();
    await expect(card.getByTestId('card-flags').locator('li[data-flag="role_unknown"]')).toContainText('一般参加枠');
    await shot(page, `desk-card-${lang}-${size.width}x${size.height}`);
  }
  // One step: the clerk reads the guess to the person and confirms it.
  await page.getByTestId('confirm-reading').click();
  await expect(page.getByTestId('card-flags').locator('li[data-flag="reading_guessed"]')).toHaveCount(0);
  await expect(page.getByTestId('confirm-reading')).toHaveCount(0);
  expect((await call(request, 'delegate', { id: hit!.id })).delegate.flags).toEqual(['role_unknown']);
});
