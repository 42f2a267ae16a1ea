import { expect, test } from '@playwright/test';

test('self-service kiosk: find yourself by name, confirm, get checked in', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByRole('searchbox').fill('yamazaki kenta');
  await page.getByRole('button', { name: 'Find me' }).click();
  await page.getByTestId('kiosk-person').filter({ hasText: '山﨑 健太' }).click();
  // The kiosk follows the delegate's language.
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('山﨑 健太 様、ようこそ');
  await page.getByRole('button', { name: '最初に戻る' }).click();
  await expect(page.getByRole('button', { name: 'Find me' })).toBeVisible();
});

test('self-service kiosk: the code from the confirmation email checks in', async ({ page }) => {
  await page.goto('/kiosk');
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await page.keyboard.type('EJRC-2027-000010', { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('Welcome, Maximiliane Charlotte Eleonore');
});

test('language switch on every screen, remembered across pages', async ({ page }) => {
  await page.goto('/desk');
  await expect(page.getByRole('link', { name: 'Desk' })).toBeVisible();
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('link', { name: '受付デスク' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  for (const [path, text] of [['/door', 'この端末のチェックポイントを選択'], ['/reports', '入場状況'], ['/kiosk', 'セルフチェックイン']]) {
    await page.goto(path!);
    await expect(page.getByText(text!).first()).toBeVisible();
  }
  await page.getByTestId('lang-switch').click();
  await expect(page.getByText('Welcome — self check-in').first()).toBeVisible();
});

test('reports show attendance per checkpoint', async ({ page }) => {
  await page.goto('/reports');
  const table = page.getByTestId('attendance');
  await expect(table.locator('tbody tr')).toHaveCount(15);
  await expect(table).toContainText('Bus 2 — Pôle Fibres-Energivie');
});

test('the web host refuses cross-origin and non-JSON Api calls', async ({ request }) => {
  const form = await request.post('/api/scan', { form: { checkpointId: 'cp-bus-1', code: 'x' } });
  expect(form.status()).toBe(415);
  const cross = await request.post('/api/event', { data: {}, headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' } });
  expect(cross.status()).toBe(403);
  const bad = await request.post('/api/scan', { data: { checkpointId: 'cp-bus-1' }, headers: { 'Content-Type': 'application/json' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues.join(' ')).toMatch(/code/);
  const page = await request.get('/desk');
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
});
