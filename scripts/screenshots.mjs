// Screenshots of every screen at the sizes people use, in both languages: `node scripts/screenshots.mjs URL OUTDIR`.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:5780';
const out = process.argv[3] ?? 'screenshots';
fs.mkdirSync(out, { recursive: true });
const sizes = { laptop: { width: 1366, height: 768 }, kiosk: { width: 1080, height: 1920 }, tablet: { width: 768, height: 1024 } };
const only = process.argv[4]?.split(',');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const screens = {
  desk: async (page) => {
    await page.goto(`${base}/desk`);
    await page.fill('input[type=search]', 'takahashi');
    await page.waitForSelector('[data-testid=result]');
    await page.click('[data-testid=result] >> nth=0');
    await page.waitForSelector('[data-testid=delegate-card]');
  },
  'door-choose': async (page) => { await page.goto(`${base}/door`); await page.waitForSelector('.checkpoint-tile'); },
  door: async (page) => { await page.goto(`${base}/door?checkpoint=cp-bus-1`); await page.waitForSelector('.station-count'); },
  'door-verdict': async (page) => {
    await page.goto(`${base}/door?checkpoint=cp-bus-1`);
    await page.waitForSelector('.station-count');
    await page.fill('#manual-code', 'EJRC-3700-1365-9578');
    await page.press('#manual-code', 'Enter');
    await page.waitForSelector('[data-verdict]');
  },
  kiosk: async (page) => { await page.goto(`${base}/kiosk`); await page.waitForSelector('.kiosk-form'); },
  'kiosk-choose': async (page) => {
    await page.goto(`${base}/kiosk`);
    await page.fill('#kiosk-name', '髙橋');
    await page.fill('#kiosk-email', 'misaki.takahashi@iwate.example.jp');
    await page.click('.kiosk-form button[type=submit]');
    await page.waitForSelector('[data-testid=kiosk-person]');
  },
  'kiosk-no-match': async (page) => {
    await page.goto(`${base}/kiosk`);
    await page.fill('#kiosk-name', 'Li');
    await page.fill('#kiosk-email', 'li@example.org');
    await page.click('.kiosk-form button[type=submit]');
    await page.waitForSelector('[data-testid=kiosk-no-match]');
  },
  'kiosk-done': async (page) => {
    await page.goto(`${base}/kiosk`);
    await page.click('#kiosk-name');
    await page.keyboard.type('EJRC-3700-1365-9578');
    await page.press('#kiosk-name', 'Enter');
    await page.waitForSelector('.kiosk-done');
  },
  'door-not-registered': async (page) => {
    await page.goto(`${base}/door?checkpoint=cp-bus-3`);
    await page.waitForSelector('.station-count');
    await page.fill('#manual-code', 'EJRC-9235-8630-7248');
    await page.press('#manual-code', 'Enter');
    await page.waitForSelector('[data-testid=verdict-expected]');
  },
  'door-override': async (page) => {
    await page.goto(`${base}/door?checkpoint=cp-bus-3`);
    await page.waitForSelector('.station-count');
    await page.fill('#manual-code', 'EJRC-9235-8630-7248');
    await page.press('#manual-code', 'Enter');
    await page.click('.override-btn');
    await page.waitForSelector('.override-form');
  },
  'desk-sessions': async (page) => {
    await page.goto(`${base}/desk`);
    await page.fill('input[type=search]', 'takahashi');
    await page.waitForSelector('[data-testid=result]');
    await page.click('[data-testid=result] >> nth=0');
    await page.click('[data-testid=registration-editor] summary');
    await page.waitForSelector('[data-testid=registration-picker]');
  },
  'desk-walk-in-sessions': async (page) => {
    await page.goto(`${base}/desk`);
    await page.click('[data-testid=walk-in]');
    await page.click('[data-testid=walk-in-registrations] summary');
    await page.waitForSelector('[data-testid=registration-picker]');
  },
  'event-branding-svg': async (page) => {
    await page.goto(`${base}/event`);
    await page.waitForSelector('[data-testid=badge-preview]');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><circle cx="50" cy="50" r="44" fill="#e010d0"/><rect x="110" y="38" width="180" height="24" fill="#1f2a5c"/><text x="110" y="30" font-family="sans-serif" font-size="20" fill="#1f2a5c">KCF</text></svg>';
    await page.setInputFiles('[data-testid=logo-file]', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await page.waitForSelector('.bp-logo img');
    await page.evaluate(() => document.querySelector('[data-testid=branding]')?.scrollIntoView({ block: 'start' }));
  },
  'desk-walk-in': async (page) => { await page.goto(`${base}/desk`); await page.click('[data-testid=walk-in]'); await page.waitForSelector('[data-testid=walk-in-form]'); },
  'door-unlock': async (page) => { await page.goto(`${base}/door?checkpoint=cp-bus-2`); await page.waitForSelector('[data-scanner=ready]'); await page.click('.change-checkpoint'); await page.waitForSelector('[data-testid=unlock]'); },
  import: async (page) => {
    await page.goto(`${base}/import`);
    const csv = Buffer.from('姓,名,セイ,メイ,所属,メールアドレス,区分\r\n近藤,亮,コンドウ,リョウ,北海道経済部,ryo.kondo@shot.example.jp,登壇者\r\nMüller,Jürgen,,,BIOPRO,not-an-email,Speaker\r\n');
    await page.setInputFiles('[data-testid=import-file]', { name: 'registrations.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForSelector('[data-testid=import-preview]');
    await page.click('[data-testid=import-dry-run]');
    await page.waitForSelector('[data-testid=import-report]');
  },
  'kiosk-keyboard': async (page) => {
    await page.goto(`${base}/kiosk`);
    await page.click('[data-testid=osk-open]');
    for (const k of 'li') await page.click(`[data-testid=osk] [data-key="${k}"]`);
    await page.waitForSelector('[data-testid=osk]');
  },
  'kiosk-keyboard-kana': async (page) => {
    await page.goto(`${base}/kiosk`);
    await page.click('[data-testid=osk-open]');
    await page.click('[data-testid=osk-kana]');
    for (const k of 'satou') await page.click(`[data-testid=osk] [data-key="${k}"]`);
  },
  'desk-badge-scan': async (page) => {
    await page.goto(`${base}/desk`);
    const token = await page.evaluate(async () => {
      const post = (m, d) => fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(d) }).then((r) => r.json());
      const [hit] = await post('searchDelegates', { query: 'yoko.kondo@jetro.example.jp', limit: 1 });
      return (await post('delegate', { id: hit.id })).token;
    });
    await page.fill('input[type=search]', token);
    await page.waitForSelector('[data-testid=code-note]');
    await page.waitForSelector('[data-testid=delegate-card]');
  },
  'desk-bad-code': async (page) => {
    await page.goto(`${base}/desk`);
    await page.fill('input[type=search]', `U1${'Q7'.repeat(200)}`);
    await page.waitForSelector('[data-testid=code-note]');
  },
  'desk-arrived': async (page) => {
    await page.goto(`${base}/desk`);
    await page.fill('input[type=search]', 'kenta.yamazaki@gifu.example.jp');
    await page.click('[data-testid=result] >> nth=0');
    await page.click('[data-testid=check-in]');
    await page.waitForSelector('[data-verdict]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=card-arrived]');
  },
  'desk-edit': async (page) => {
    await page.goto(`${base}/desk`);
    await page.fill('input[type=search]', 'misaki.takahashi@iwate.example.jp');
    await page.click('[data-testid=result] >> nth=0');
    await page.click('[data-testid=edit]');
    await page.waitForSelector('[data-testid=edit-form]');
  },
  venue: async (page) => { await page.goto(`${base}/venue`); await page.waitForTimeout(300); },
  reports: async (page) => { await page.goto(`${base}/reports`); await page.waitForSelector('[data-testid=attendance] tbody tr'); },
  event: async (page) => { await page.goto(`${base}/event`); await page.waitForSelector('[data-testid=sessions] tbody tr[data-session]'); },
  'event-branding': async (page) => {
    await page.goto(`${base}/event`);
    await page.waitForSelector('[data-testid=badge-preview]');
    await page.locator('[data-testid=branding]').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('[data-testid=branding]')?.scrollIntoView({ block: 'start' }));
  },
  'first-run': async (page) => { await page.goto(`${base}/desk`); await page.waitForSelector('[data-testid=first-run]'); },
};
for (const lang of ['en', 'ja']) {
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    const ctx = await browser.newContext({ viewport, locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
    await ctx.addInitScript((l) => localStorage.setItem('uketsuke.lang', l), lang);
    const page = await ctx.newPage();
    for (const [name, go] of Object.entries(screens)) {
      if (only && !only.includes(name)) continue;
      await go(page);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(out, `${name}-${sizeName}-${lang}.png`) });
    }
    await ctx.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
