import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { call } from './helpers';
import { pretixPositions } from '../fixtures/registration-exports';

test('import screen: a Shift_JIS file is previewed, mapped, checked, imported; soft problems flagged; rejected rows download', async ({ page, request }) => {
  const csv = '姓,名,セイ,メイ,所属,メールアドレス,区分,備考\r\n近藤,亮,コンドウ,リョウ,北海道経済部,ryo.kondo@e2e.example.jp,登壇者,VIP\r\n齋藤,愛,サイトウ,アイ,ノーステック財団,not-an-email,参加者,\r\n,,,,札幌市,,,名前なし\r\n';
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles({ name: '参加者リスト.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp932') });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('3 rows · read as shift_jis · delimiter ,');
  await expect(preview).toContainText('北海道経済部');
  await expect(page.getByLabel('Column “所属” is')).toHaveValue('organisation');
  await expect(page.getByLabel('Column “備考” is')).toHaveValue('');
  await page.getByTestId('import-dry-run').click();
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-dry-run', 'true');
  await expect(report).toContainText('2 new');
  // A mistyped address imports the person, flagged with its line; only the row naming nobody is refused.
  await expect(page.getByTestId('import-flagged').locator('tr[data-flag="email_invalid"]')).toContainText('not-an-email');
  await expect(report).toContainText('No name: give a family or given name.');
  expect(await call(request, 'searchDelegates', { query: 'ryo.kondo@e2e' })).toEqual([]);
  await page.getByTestId('import-run').click();
  await expect(report).toHaveAttribute('data-dry-run', 'false');
  await expect(page.getByTestId('import-progress')).toHaveAttribute('value', '3');
  const [hit] = await call(request, 'searchDelegates', { query: 'ryo.kondo@e2e' });
  expect(hit).toMatchObject({ familyNameKanji: '近藤', familyName: 'Kondo', role: 'speaker' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download rejected rows/ }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file, 'utf8')).toContain('名前なし');
});

test('reports: export delegates as CSV for Excel (UTF-8 with BOM) and XLSX', async ({ page }) => {
  await page.goto('/reports');
  const csv = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csvFile = fs.readFileSync(await (await csv).path());
  expect([...csvFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvFile.toString('utf8')).toContain('髙橋');
  const xlsx = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  expect((await xlsx).suggestedFilename()).toMatch(/^delegates-.*\.xlsx$/);
});

test('import reasons are shown in the user\'s language', async ({ page }) => {
  await page.goto('/import');
  await page.evaluate(() => localStorage.setItem('uketsuke.lang', 'ja'));
  await page.reload();
  await page.getByTestId('import-file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('First name,Last name,Email\nA,B,a@example.org\nC,D,A@example.org\n') });
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-flagged').locator('tr[data-flag="possible_duplicate"]')).toContainText('別の登録と同一人物の可能性があります');
  await expect(page.getByTestId('import-reasons')).toContainText('3列目（「Email」）：メールアドレス');
});

test('a pretix export in German is recognised and mapped without asking: attendees, not the buyer', async ({ page }) => {
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles({ name: 'eujp27_orders.csv', mimeType: 'text/csv', buffer: pretixPositions('de') });
  await expect(page.getByTestId('import-source')).toContainText('Recognised: pretix — order positions (German)');
  await expect(page.getByLabel('Column “Name Teilnehmer*in: Nachname” is')).toHaveValue('familyName');
  await expect(page.getByLabel('Column “E-Mail Teilnehmer*in” is')).toHaveValue('email');
  await expect(page.getByLabel('Column “E-Mail” is')).toHaveValue('');
  await expect(page.getByLabel('Column “Produkt” is')).toHaveValue('ticketType');
  await page.getByTestId('import-dry-run').click();
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-dry-run', 'true');
  await expect(report).toContainText('5 new');
});

test('a mapping changed by hand is saved for that source and used for its next file', async ({ page }) => {
  const file = (rows: string) => ({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(`Nom,Prénom,Courriel,Notiz\n${rows}`) });
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles(file(`Petit,Anne,anne.petit.${Date.now()}@e2e.example.fr,Bretagne\n`));
  await expect(page.getByLabel('Column “Notiz” is')).toHaveValue('');
  await page.getByLabel('Column “Notiz” is').selectOption('region');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-mapping-saved')).toBeVisible();
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-dry-run', 'false');
  await page.reload();
  await page.getByTestId('import-file').setInputFiles(file(`Durand,Luc,luc.durand.${Date.now()}@e2e.example.fr,Normandie\n`));
  await expect(page.getByTestId('import-saved-mapping')).toBeVisible();
  await expect(page.getByLabel('Column “Notiz” is')).toHaveValue('region');
});
