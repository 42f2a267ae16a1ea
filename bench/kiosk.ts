// kiosk_flow: a delegate at the self-service kiosk, from the scan (a wedge scanner typing the confirmation QR) or the
// confirming tap ("Yes, check me in") until the badge job is handed to the printer, in headless Chromium against the
// web host as a kiosk station. The end is the print job's `system_ref` entry (the printer took the file), written by
// the core with the wall clock; the start is the kiosk's own performance mark on the same machine's clock.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Uketsuke } from '../electron/services/uketsuke.js';
import { buildDemo } from '../electron/demo/build-demo.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function pct(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

export async function kioskFlow(runs = 15): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-kiosk-bench-'));
  const dbFile = path.join(dir, 'event.db');
  const app = Uketsuke.open(dbFile);
  buildDemo(app);
  // People not yet arrived, with an email (the tap path finds them by name and email).
  const people = app.delegates
    .search('', 400)
    .filter((h) => !h.arrived && h.email)
    .slice(0, runs * 2)
    .map((h) => ({ id: h.id, familyName: h.familyName, email: h.email!, token: app.delegates.tokenFor(app.delegates.get(h.id))! }));
  app.close();
  const port = 41900 + Math.floor(Math.random() * 90);
  const host = spawn(process.execPath, [path.resolve('bin/uketsuke.mjs'), 'web', '--db', dbFile, '--port', String(port), '--station', 'kiosk'], { stdio: 'ignore' });
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const handedAt = db.prepare(
    "SELECT json_extract(c.payload, '$.at') AS at FROM change_log c WHERE c.type = 'print.job' AND json_extract(c.payload, '$.fields.system_ref') IS NOT NULL AND json_extract(c.payload, '$.id') = (SELECT id FROM print_job WHERE delegate_id = ? ORDER BY created_at DESC LIMIT 1)",
  );
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const printers = (await (await fetch(`http://127.0.0.1:${port}/api/printers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as { id: string; kind: string }[];
    const printer = printers.find((p) => p.kind === 'folder') ?? printers[0];
    if (!printer) throw new Error('kiosk_flow: the host lists no printer');
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await ctx.addInitScript((id) => localStorage.setItem('uketsuke.station', JSON.stringify({ printer: id, size: 'a6', printOnCheckIn: true, back: false })), printer.id);
    const page = await ctx.newPage();

    const until = async (delegateId: string, page: Page) => {
      await page.locator('.kiosk-done').waitFor({ timeout: 30_000 });
      const start = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('uketsuke:kiosk-start').at(-1)?.startTime ?? NaN));
      for (let i = 0; i < 600; i++) {
        const row = handedAt.get(delegateId) as { at: string } | undefined;
        if (row?.at) return Date.parse(row.at) - start;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('kiosk_flow: the badge job never reached the printer');
    };

    const scan: number[] = [];
    const tap: number[] = [];
    for (let i = 0; i < runs * 2; i++) {
      const p = people[i]!;
      await page.goto(`http://127.0.0.1:${port}/kiosk`);
      await page.locator('[data-scanner="ready"]').waitFor();
      await page.evaluate(() => performance.clearMarks());
      if (i % 2 === 0) {
        // A wedge scanner: the whole QR in a burst, then Enter.
        await page.keyboard.type(p.token);
        await page.keyboard.press('Enter');
        scan.push(await until(p.id, page));
      } else {
        await page.locator('#kiosk-name').fill(p.familyName);
        await page.locator('#kiosk-email').fill(p.email);
        await page.locator('form.kiosk-form button[type="submit"]').click();
        await page.getByTestId('kiosk-person').waitFor();
        await page.locator('.kiosk-choose .btn-primary').click();
        tap.push(await until(p.id, page));
      }
    }
    return { ...pct(scan), confirmTap: pct(tap), printer: printer.kind, note: 'ms from the kiosk scan (wedge) → badge job handed to the printer; confirmTap: from "Yes, check me in"; headless Chromium, 1080×1920, web host as a kiosk station' };
  } finally {
    await browser.close();
    db.close();
    host.kill();
  }
}
