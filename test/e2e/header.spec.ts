// The header never cuts or hides the event: at the laptop (1366×768) and the tablet (768×1024), in English and
// Japanese, the event's name and its dates are inside the viewport and not clipped by their own boxes; the venue is
// the one of the UI's language.
import { expect, test } from '@playwright/test';

const SIZES = { laptop: { width: 1366, height: 768 }, tablet: { width: 768, height: 1024 } };
const VENUES = { en: 'European Parliament, Strasbourg (France)', ja: '欧州議会（フランス・ストラスブール）' };
const NAMES = { en: 'EU-Japan Clusters & Regions/Prefectures Cooperation Conference', ja: /^日EU/ };

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const lang of ['en', 'ja'] as const) {
    test(`header at ${size} ${viewport.width}×${viewport.height} in ${lang}: the event name and dates are whole`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript((l) => localStorage.setItem('uketsuke.lang', l), lang);
      await page.goto('/desk');
      const name = page.getByTestId('event-name');
      await expect(name).toHaveText(NAMES[lang]);
      for (const el of [name, page.getByTestId('event-when')]) {
        await expect(el).toBeVisible();
        const box = (await el.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        const fit = await el.evaluate((e) => {
          const css = getComputedStyle(e);
          return { sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight, overflowY: css.overflowY, ellipsis: css.textOverflow };
        });
        expect(fit.sw, 'not cut on the right').toBeLessThanOrEqual(fit.cw);
        // Vertically a glyph may poke a pixel out of its line; only a box that hides its overflow could cut it.
        if (fit.overflowY !== 'visible') expect(fit.sh, 'not cut at the bottom').toBeLessThanOrEqual(fit.ch);
        expect(fit.ellipsis).not.toBe('ellipsis');
        // …and the header's own box holds it whole.
        const header = (await page.locator('.app-header').boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
      }
      await expect(page.getByTestId('event-when')).toContainText(lang === 'ja' ? '2027年4月29日' : '29 April 2027');
      // The venue in the UI's language: the Japanese one in Japanese, the English one in English.
      await expect(page.getByTestId('event-when')).toContainText(VENUES[lang]);
      await expect(page.getByTestId('event-when')).not.toContainText(VENUES[lang === 'ja' ? 'en' : 'ja']);
      // The tabs are all still there, on their own row.
      await expect(page.locator('.app-header nav a')).toHaveCount(7);
      const last = (await page.locator('.app-header nav a').last().boundingBox())!;
      expect(last.x + last.width).toBeLessThanOrEqual(viewport.width);
    });
  }
}
