// The self-service kiosk's on-screen keyboard: on a touch screen it opens when the name field is touched; a delegate
// types a two-letter surname and their email with its keys alone and reaches their registration. Big keys at the
// portrait totem and the tablet; kana from romaji for a Japanese name.
import { expect, test, type Page } from '@playwright/test';
import { call } from './helpers';

async function tapKeys(page: Page, text: string) {
  for (const ch of text) await page.getByTestId('osk').locator(`[data-key="${ch === '"' ? '\\"' : ch}"]`).click();
}

test.describe('on a touch totem (1080×1920)', () => {
  test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } });

  test('a two-letter surname and the email typed on the on-screen keys reach the person', async ({ page, request }) => {
    const email = `mei.ng.${Date.now()}@osk-test.example.sg`;
    await call(request, 'walkIn', { familyName: 'Ng', givenName: 'Mei', email });
    await page.goto('/kiosk');
    await expect(page.getByTestId('osk')).toHaveCount(0);
    await page.locator('#kiosk-name').tap();
    const osk = page.getByTestId('osk');
    await expect(osk).toBeVisible();
    await expect(osk).toHaveAttribute('data-field', 'name');
    // The tablet's own keyboard stays down while this one is up.
    await expect(page.locator('#kiosk-name')).toHaveAttribute('inputmode', 'none');
    await tapKeys(page, 'nx');
    await osk.locator('[data-key="Backspace"]').click();
    await tapKeys(page, 'g');
    await expect(page.locator('#kiosk-name')).toHaveValue('ng');
    await expect(page.locator('#kiosk-name')).toBeFocused();
    await page.getByTestId('osk-enter').click();
    await expect(osk).toHaveAttribute('data-field', 'email');
    await expect(page.locator('#kiosk-email')).toBeFocused();
    await tapKeys(page, email);
    await expect(page.locator('#kiosk-email')).toHaveValue(email);
    // Big keys at a totem: a finger, not a mouse pointer.
    const q = (await osk.locator('[data-key="q"]').boundingBox())!;
    expect(q.height).toBeGreaterThanOrEqual(100);
    expect(q.width).toBeGreaterThanOrEqual(70);
    await page.getByTestId('osk-enter').click();
    await expect(page.getByTestId('kiosk-person')).toContainText('Mei Ng');
    await expect(osk).toHaveCount(0);
  });
});

test.describe('on a tablet (768×1024)', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('the keyboard button opens it without a touch screen; kana from romaji; it fits the screen', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'ja'));
    await page.goto('/kiosk');
    await page.getByTestId('osk-open').click();
    const osk = page.getByTestId('osk');
    await expect(osk).toBeVisible();
    await page.getByTestId('osk-kana').click();
    await tapKeys(page, 'satou');
    await expect(page.locator('#kiosk-name')).toHaveValue('サトウ');
    const key = (await osk.locator('[data-key="q"]').boundingBox())!;
    expect(key.height).toBeGreaterThanOrEqual(56);
    expect(key.width).toBeGreaterThanOrEqual(48);
    // The whole keyboard and the fields are on screen at once.
    const box = (await osk.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await expect(page.locator('#kiosk-name')).toBeInViewport();
    await page.getByTestId('osk-close').click();
    await expect(osk).toHaveCount(0);
  });
});
