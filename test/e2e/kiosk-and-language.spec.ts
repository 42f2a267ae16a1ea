import { expect, test, type Page } from '@playwright/test';
import { call, holdClock, tokenOf, typeWithGaps } from './helpers';

const MISAKI = 'misaki.takahashi@iwate.example.jp';

async function findMe(page: Page, name: string, email: string): Promise<void> {
  await page.locator('#kiosk-name').fill(name);
  await page.locator('#kiosk-email').fill(email);
  await page.locator('form.kiosk-form button[type="submit"]').click();
}

test('self-service kiosk: name and email, confirm, a done screen with a tick that counts down and starts over', async ({ page }) => {
  // Held, so the screen cannot start over by itself before the test has read it.
  await holdClock(page);
  await page.goto('/kiosk');
  await findMe(page, 'yamazaki', 'kenta.yamazaki@gifu.example.jp');
  await expect(page.getByTestId('kiosk-person')).toContainText('山﨑 健太');
  await page.getByRole('button', { name: 'Yes, check me in' }).click();
  // The kiosk follows the delegate's language.
  const done = page.locator('[data-verdict="admitted"]');
  await expect(done).toContainText('受付が完了しました');
  await expect(done).toContainText('山﨑 健太 様、ようこそお越しくださいました');
  await expect(done.locator('.kiosk-done-icon')).toHaveText('✓');
  await expect(done).toHaveCSS('background-color', 'rgb(11, 122, 53)');
  // No printer at this station: nothing is said about printing.
  await expect(page.getByTestId('kiosk-message')).toHaveText('受付カウンターでバッジをお受け取りください。');
  await expect(page.getByTestId('kiosk-countdown')).toContainText('12 秒後');
  await page.clock.runFor(1000);
  await expect(page.getByTestId('kiosk-countdown')).toContainText('11 秒後');
  await page.clock.runFor(11_000);
  await expect(page.getByRole('button', { name: 'Find me' })).toBeVisible();
  await expect(page.locator('#kiosk-name')).toHaveValue('');
});

test('kiosk privacy: a fragment, a name alone or a domain lists nobody; "no match" keeps what was typed', async ({ page }) => {
  await page.goto('/kiosk');
  // A name alone is not enough, and the browser's own (English) validation bubble never shows.
  await page.locator('#kiosk-name').fill('髙橋');
  await page.locator('form.kiosk-form button[type="submit"]').click();
  await expect(page.getByText('Please enter both your name and your email address.')).toBeVisible();
  expect(await page.locator('form.kiosk-form').evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);
  for (const [name, email] of [['tak', MISAKI], ['exa', 'example.jp'], ['Takahashi', 'kenta.yamazaki@gifu.example.jp']] as const) {
    await findMe(page, name, email);
    await expect(page.getByTestId('kiosk-no-match')).toBeVisible();
    await expect(page.getByTestId('kiosk-person')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/Misaki|美咲|岩手|Kenta|岐阜/);
    await expect(page.locator('#kiosk-name')).toHaveValue(name);
    await expect(page.locator('#kiosk-email')).toHaveValue(email);
  }
});

test('kiosk: two-character names (髙橋, Li) are found with the email', async ({ page, request }) => {
  await call(request, 'walkIn', { familyName: 'Li', givenName: 'Wei', email: 'wei.li@kiosk-test.example.cn' });
  await holdClock(page);
  await page.goto('/kiosk');
  await findMe(page, '髙橋', MISAKI);
  await expect(page.getByTestId('kiosk-person')).toContainText('髙橋 美咲');
  await expect(page.getByTestId('kiosk-no-match')).toHaveCount(0);
  await page.getByRole('button', { name: 'This is not me (search again)' }).click();
  await findMe(page, 'Li', 'wei.li@kiosk-test.example.cn');
  await expect(page.getByTestId('kiosk-person')).toContainText('Wei Li');
});

test('kiosk: a badge scanned while the name field has focus is a scan, not text', async ({ page, request }) => {
  const { id, token } = await tokenOf(request, 'siobhan.obriain@southern');
  await holdClock(page);
  await page.goto('/kiosk');
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await page.locator('#kiosk-name').click();
  await page.keyboard.type('Sio');
  await typeWithGaps(page, token, 4);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('Welcome, Siobhán Ó Briain');
  // The scanner's Enter did not also submit the form as a name search.
  await expect(page.getByTestId('kiosk-no-match')).toHaveCount(0);
  const scans = (await call(request, 'delegate', { id })).scans.filter((s) => s.checkpointId === 'cp-registration');
  expect(scans.map((s) => s.verdict)).toEqual(['admitted']);
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.locator('#kiosk-name')).toHaveValue('');
});

test('self-service kiosk: the code from the confirmation email checks in, from a slow scanner without Enter', async ({ page }) => {
  await holdClock(page);
  await page.goto('/kiosk');
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  // A registration code of the event's shape is a scan whatever the timing: keys far apart, no Enter, then a pause.
  await typeWithGaps(page, 'EJRC-8327-7613-2620', 250);
  await page.clock.runFor(1000);
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('Welcome, Maximiliane Charlotte Eleonore');
});

test('kiosk in Japanese: polite strings, no staff jargon, no rehearsal banner, big buttons', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'ja'));
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/kiosk');
  await expect(page.getByRole('heading', { name: 'ようこそ｜セルフ受付' })).toBeVisible();
  await expect(page.getByText('または、お名前とご登録のメールアドレスを入力してください')).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveCount(0);
  await expect(page.locator('.banner-rehearsal')).toHaveCount(0);
  // Everything but the title in the other language is Japanese.
  for (const part of [page.locator('.kiosk-start'), page.locator('.kiosk-help')]) await expect(part).not.toContainText(/[A-Za-z]{4,}/);
  for (const target of [page.getByTestId('lang-switch'), page.getByTestId('kiosk-staff')]) {
    const box = (await target.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThanOrEqual(96);
  }
  await findMe(page, 'たかはし', 'nobody@example.jp');
  await expect(page.getByTestId('kiosk-no-match')).toHaveText('ご登録が見つかりませんでした。入力内容をご確認いただくか、受付カウンターのスタッフにお尋ねください。');
});

test('language switch on every screen, remembered across pages', async ({ page }) => {
  await page.goto('/desk');
  await expect(page.getByRole('link', { name: 'Desk' })).toBeVisible();
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('link', { name: '受付デスク' })).toBeVisible();
  await expect(page.getByRole('link', { name: '入場・乗車チェック' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  for (const [path, text] of [['/door', 'この端末のチェックポイントを選択'], ['/reports', '入場状況'], ['/kiosk', 'ようこそ｜セルフ受付']]) {
    await page.goto(path!);
    await expect(page.getByText(text!).first()).toBeVisible();
  }
  await page.getByTestId('lang-switch').click();
  await expect(page.getByText('Welcome | Self check-in').first()).toBeVisible();
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
