// Camera frame to verdict on screen, in headless Chromium with a fake camera playing a badge QR (RECIPES.md).
// Each run is a fresh browser (one video per launch). Reported: decode → verdict painted (the app's own path),
// and camera start → verdict (includes opening the camera and the first decode).
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { Uketsuke } from '../electron/services/uketsuke.js';
import { buildDemo } from '../electron/demo/build-demo.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function pct(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

export async function cameraToVerdict(runs = 7): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-cam-bench-'));
  const dbFile = path.join(dir, 'event.db');
  const app = Uketsuke.open(dbFile);
  buildDemo(app);
  const tokens = app.delegates.search('', 400).slice(0, runs).map((h) => app.delegates.tokenFor(app.delegates.get(h.id))!);
  app.close();
  const port = 5900 + Math.floor(Math.random() * 90);
  const host = spawn(process.execPath, [path.resolve('bin/uketsuke.mjs'), 'web', '--db', dbFile, '--port', String(port)], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const decodeToVerdict: number[] = [];
    const startToVerdict: number[] = [];
    // Where the decode → verdict time goes: to the scan request leaving, the host answering, the verdict painted.
    const decodeToAsked: number[] = [];
    const askedToAnswered: number[] = [];
    const answeredToVerdict: number[] = [];
    for (const token of tokens) {
      const png = path.join(dir, 'qr.png');
      const y4m = path.join(dir, 'qr.y4m');
      await QRCode.toFile(png, token, { errorCorrectionLevel: 'M', scale: 8, margin: 4 });
      execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', png, '-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p', '-t', '3', '-r', '10', y4m]);
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [...ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
      });
      try {
        const page = await browser.newPage();
        // The venue entrance admits anyone: every run ends in a verdict on screen.
        await page.goto(`http://127.0.0.1:${port}/door?checkpoint=cp-registration`);
        await page.locator('[data-scanner="ready"]').waitFor();
        const t0 = await page.evaluate(() => performance.now());
        await page.getByTestId('start-camera').click();
        await page.locator('[data-verdict]').waitFor({ timeout: 15_000 });
        const m = await page.evaluate(() => {
          const scan = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/scan')) as PerformanceResourceTiming | undefined;
          return {
            decoded: performance.getEntriesByName('uketsuke:decoded')[0]?.startTime ?? NaN,
            verdict: performance.getEntriesByName('uketsuke:verdict')[0]?.startTime ?? NaN,
            asked: scan?.startTime ?? NaN,
            answered: scan?.responseEnd ?? NaN,
          };
        });
        decodeToVerdict.push(m.verdict - m.decoded);
        startToVerdict.push(m.verdict - t0);
        decodeToAsked.push(m.asked - m.decoded);
        askedToAnswered.push(m.answered - m.asked);
        answeredToVerdict.push(m.verdict - m.answered);
      } finally {
        await browser.close();
      }
    }
    return {
      ...pct(decodeToVerdict),
      parts: { decodeToRequest: pct(decodeToAsked).p50, request: pct(askedToAnswered).p50, answerToVerdict: pct(answeredToVerdict).p50 },
      cameraStartToVerdict: pct(startToVerdict),
      note: 'p-values: QR decoded → verdict rendered; fake camera at 10 fps, scanner at 12 fps' };
  } finally {
    host.kill();
  }
}
