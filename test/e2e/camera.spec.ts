// A door scan through a real camera pipeline: Chromium's fake capture device plays a video of a badge QR,
// html5-qrcode decodes it, and the verdict appears. One browser per video (RECIPES.md).
import { expect, test, chromium, request as http, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { byBadgeNo, call, startWebHost, tokenOf } from './helpers';

// A host of its own: a camera decodes in real time, so it must not share an event loop and an event file with the
// other worker's tests (a long call there once held the door's scan past the test's limit on a loaded machine).
let baseURL = '';
let request: APIRequestContext;
// No retries (it once had two): the door's camera read nothing for 60 s in about one run in five because the decoder
// missed some badges outright at a given size, and a still video shows the same picture every frame; the demo's
// tokens are new every run, so the run's delegate was sometimes one of them. qr-frames.ts and badge-decode.spec.ts.
let stop = () => {};
const db = path.join(os.tmpdir(), `uketsuke-e2e-camera-${process.pid}.db`);

test.beforeAll(async () => {
  fs.rmSync(db, { force: true });
  ({ base: baseURL, stop } = await startWebHost(db));
  request = await http.newContext({ baseURL });
});

test.afterAll(async () => {
  await request?.dispose();
  stop();
});

export async function qrVideo(text: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-cam-'));
  const png = path.join(dir, 'qr.png');
  const y4m = path.join(dir, 'qr.y4m');
  // Whole pixels per module (8), as on a printed badge; badge-decode.spec.ts covers 5, 8 and 11 px.
  await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', scale: 8, margin: 4 });
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', png, '-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p', '-t', '3', '-r', '10', y4m]);
  return y4m;
}

test('a badge shown to the camera is scanned and admitted', async () => {
  const { token } = await tokenOf(request, 'kenta.yamazaki@gifu');
  const video = await qrVideo(token);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    await page.goto(`${baseURL}/door?checkpoint=cp-bus-2`);
    await page.getByTestId('start-camera').click();
    // The station's list of recent scans stays (the full-screen verdict goes after a moment, and a busy machine
    // could let it come and go between two looks; the wedge tests hold the clock for it, the camera needs real time).
    await expect(page.locator('.recent li').filter({ hasText: 'Kenta Yamazaki' }).locator('.verdict-pill-admitted')).toBeVisible({ timeout: 60_000 });
    // The same badge still in view is not counted again: once the verdict has gone and the camera takes scans again,
    // wait until it has read the badge in several more frames (a state, not a time), then count the scans.
    await expect(page.locator('[data-verdict]')).toHaveCount(0);
    const camera = page.locator('section.camera');
    const framesNow = Number(await camera.getAttribute('data-frames-with-code'));
    await expect.poll(async () => Number(await camera.getAttribute('data-frames-with-code')), { timeout: 60_000 }).toBeGreaterThan(framesNow + 5);
    const scans = await call(request, 'recentScans', { checkpointId: 'cp-bus-2' });
    expect(scans.filter((s) => s.delegateName === 'Kenta Yamazaki')).toHaveLength(1);
    await expect(page.locator('[data-verdict]')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test('the kiosk checks a delegate in from the QR shown to its camera', async () => {
  const { id, token } = await byBadgeNo(request, 33);
  const video = await qrVideo(token);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    await page.goto(`${baseURL}/kiosk`);
    await page.getByTestId('start-camera').click();
    // The check-in itself is the state waited for (the done screen goes by itself, in real time here).
    // A look that fails on the wire (a kept-alive socket the host has just closed) is simply another look.
    const venueVerdicts = async () => {
      try {
        return (await call(request, 'delegate', { id })).scans.filter((s) => s.checkpointId === 'cp-registration').map((s) => s.verdict);
      } catch {
        return null;
      }
    };
    await expect.poll(venueVerdicts, { timeout: 60_000 }).toEqual(['admitted']);
  } finally {
    await browser.close();
  }
});
