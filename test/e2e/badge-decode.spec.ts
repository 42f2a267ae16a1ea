// Every badge of the demo event is read by the camera's frame reader (renderer/src/scan/qr-frames.ts, the module
// Camera.tsx uses) at three distances: 5, 8 and 11 px per module in a 640×480 frame, as a tablet camera sees a badge
// from far, at arm's length and close up. The frames are drawn in Chromium and handed to the reader as the camera loop
// does, one after another, each badge held up until it is read; camera.spec.ts covers the real video path.
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { Uketsuke } from '../../electron/services/uketsuke';
import { buildDemo } from '../../electron/demo/build-demo';

const SIZES = [5, 8, 11];

function demoTokens(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-badge-decode-'));
  const app = Uketsuke.open(path.join(dir, 'event.db'));
  try {
    buildDemo(app);
    return app.delegates.search('', 1000).map((h) => app.delegates.tokenFor(app.delegates.get(h.id))!);
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('every demo badge is read from a 640×480 frame at 5, 8 and 11 px per module', async ({ page }) => {
  test.setTimeout(600_000);
  const tokens = demoTokens();
  expect(tokens).toHaveLength(400);
  // The code's modules, row by row ('1' dark), as the badge prints them (error correction M, as on the badge).
  const codes = tokens.map((token) => {
    const { modules } = QRCode.create(token, { errorCorrectionLevel: 'M' });
    return { token, size: modules.size, bits: Array.from(modules.data, (b) => (b ? '1' : '0')).join('') };
  });
  const bundle = await build({
    stdin: { contents: "import { QrFrameReader, VIEWS, VIEWS_PER_FRAME } from './qr-frames'; Object.assign(globalThis, { QrFrameReader, qrViews: { views: VIEWS.length, perFrame: VIEWS_PER_FRAME } });", resolveDir: path.resolve('renderer/src/scan'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    write: false,
    logLevel: 'error',
  });
  await page.setContent('<!doctype html><title>badge decode</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  // Every view is tried within this many frames (a quarter of a second at the camera's 12 fps).
  const { views, perFrame } = await page.evaluate(() => (globalThis as unknown as { qrViews: { views: number; perFrame: number } }).qrViews);
  const FRAMES = Math.ceil(views / perFrame);

  const results = await page.evaluate(
    async ({ codes, sizes, frames }) => {
      type Reader = { read(source: CanvasImageSource, w: number, h: number): Promise<string | null> };
      const Reader = (globalThis as unknown as { QrFrameReader: new () => Reader }).QrFrameReader;
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d', { willReadFrequently: true })!;
      const out: { ppm: number; missed: number[]; framesNeeded: number[] }[] = [];
      for (const ppm of sizes) {
        // One reader per size, as one camera: the view that read the last badge is tried first on the next.
        const reader = new Reader();
        const missed: number[] = [];
        const framesNeeded = Array.from({ length: frames + 1 }, () => 0);
        for (let i = 0; i < codes.length; i++) {
          const { token, size, bits } = codes[i]!;
          g.fillStyle = '#fff';
          g.fillRect(0, 0, 640, 480);
          g.fillStyle = '#000';
          // Whole pixels per module, centred; at 11 px the code (407 px) leaves less than its 4-module quiet zone.
          const x0 = Math.floor((640 - size * ppm) / 2);
          const y0 = Math.floor((480 - size * ppm) / 2);
          for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (bits[y * size + x] === '1') g.fillRect(x0 + x * ppm, y0 + y * ppm, ppm, ppm);
          let read = 0;
          for (let f = 1; f <= frames && !read; f++) if ((await reader.read(canvas, 640, 480)) === token) read = f;
          if (read) framesNeeded[read]!++;
          else missed.push(i);
        }
        out.push({ ppm, missed, framesNeeded });
      }
      return out;
    },
    { codes, sizes: SIZES, frames: FRAMES },
  );
  for (const r of results) console.log(`${r.ppm} px per module: read in 1…${FRAMES} frames ${JSON.stringify(r.framesNeeded.slice(1))}, missed ${r.missed.length}`);
  expect(results.map((r) => ({ ppm: r.ppm, missed: r.missed }))).toEqual(SIZES.map((ppm) => ({ ppm, missed: [] })));
});
