import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { byBadgeNo, call } from './helpers';

// Other specs scan at the same demo event in parallel: figures are compared before and after, on checkpoints
// no other spec uses.

test('reports: the live dashboard follows a check-in; only turning someone away is a denied scan', async ({ page, request }) => {
  await page.goto('/reports');
  const arrived = page.getByTestId('kpi-arrived-today').locator('.kpi-value');
  await expect(arrived).toHaveText(/^\d+$/);
  const before = Number(await arrived.textContent());
  // A Japanese delegate on the Day 1 reception's list whom no other spec touches.
  let who: { id: string; token: string; kanji: string } | null = null;
  for (let n = 200; !who && n < 300; n++) {
    const { hit, detail: d } = await byBadgeNo(request, n);
    if (!hit.familyNameKanji) continue;
    if (d.registrations.some((r) => r.checkpointId === 'cp-d1-reception')) who = { id: hit.id, token: d.token!, kanji: `${hit.familyNameKanji} ${hit.givenNameKanji}` };
  }
  if (!who) throw new Error('no Japanese delegate on the reception list');
  const { id, token } = who;
  await call(request, 'checkIn', { delegateId: id });
  await expect.poll(async () => Number(await arrived.textContent()), { timeout: 10_000 }).toBeGreaterThan(before);
  // Admitted at the reception, back in after stepping out (re-entry), then someone not on the list (a denial).
  // (Re-scans of people already in are checked in test/integration/reports.test.ts: the buses and the entrance,
  // where they happen, are shared with other specs running in parallel.)
  await call(request, 'scan', { checkpointId: 'cp-d1-reception', code: token });
  expect((await call(request, 'scan', { checkpointId: 'cp-d1-reception', code: token })).verdict).toBe('readmitted');
  const row = page.getByTestId('attendance').locator('tr', { hasText: 'Reception and informal networking' });
  await expect(row.locator('td').nth(4)).toHaveText('0', { timeout: 10_000 });
  await call(request, 'scan', { checkpointId: 'cp-d1-reception', code: 'EJRC-2027-999999' });
  await expect(row.locator('td').nth(4)).toHaveText('1', { timeout: 10_000 });
  // In the Japanese UI the latest scans show her kanji name and the Japanese checkpoint name.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('recent-scans')).toContainText(who.kanji);
  await expect(page.getByTestId('recent-scans')).toContainText('レセプション・交流会');
});

test('reports: download the attendance PDF, a Japanese bus manifest CSV and the origin XLSX', async ({ page }) => {
  await page.goto('/reports');
  const pdf = page.waitForEvent('download');
  await page.getByTestId('report-attendance-pdf').click();
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toMatch(/^attendance-en-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(fs.readFileSync(await pdfFile.path()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByTestId('report-lang').selectOption('ja');
  const csv = page.waitForEvent('download');
  await page.getByTestId('report-bus-manifest-csv').click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toMatch(/^bus-manifest-ja-.*\.csv$/);
  const text = fs.readFileSync(await csvFile.path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe('\ufeff号車,出発,姓（ローマ字）,名（ローマ字）,氏名（漢字）,所属,バッジ番号,名簿,乗車,乗車時刻');
  expect(text).toMatch(/1号車（バイオバレー・クラスター）,[^,]+,Takahashi,Misaki,髙橋 美咲,岩手県庁 商工労働観光部,\d+,はい,/);

  const xlsx = page.waitForEvent('download');
  await page.getByTestId('report-origin-xlsx').click();
  expect((await xlsx).suggestedFilename()).toMatch(/^origin-ja-.*\.xlsx$/);
  await expect(page.getByTestId('report-progress')).toHaveCount(0);
});
