// Reads a badge QR code from camera frames. Camera.tsx feeds it every frame; test/e2e/badge-decode.spec.ts drives it
// on drawn frames of every demo badge at three sizes.
//
// Why it exists: the ZXing decoder bundled with html5-qrcode misses some codes outright, even on a sharp, still image:
// on the 400 demo badges drawn in a 640×480 frame it missed 19 at 5 px per module, 34 at 8 and 36 at 11 (a false
// finder or alignment pattern found in the data: "dimensions not found" or a checksum error), always the same ones
// at a given size. A camera held still shows the same picture frame after frame, so such a badge never scanned. The
// same decoder reads the same picture turned, halved or tilted, and no badge is missed by all of those. So each frame
// is read as it is, then, if that fails, as the next of a few other views; the view that last read a code is tried
// first on the next frame (a held-up badge keeps being read, which the "in view" rule needs). The whole frame is read,
// not a box in the middle: a badge close to the camera fills it (at 11 px per module the code is 407 px of the 480),
// and html5-qrcode's box also shrank the picture by a quarter before reading it.
// Where the browser has a native BarcodeDetector that reads QR codes (Chrome on Android, macOS, ChromeOS; not
// Chromium on Linux), it is asked first.
import * as ZXing from 'html5-qrcode/third_party/zxing-js.umd.js';

/** A way of looking at the frame: drawn into the work canvas, which it sizes. */
type View = (g: CanvasRenderingContext2D, frame: HTMLCanvasElement) => void;

const turned =
  (degrees: number, swap: boolean): View =>
  (g, f) => {
    const w = swap ? f.height : f.width;
    const h = swap ? f.width : f.height;
    g.canvas.width = w;
    g.canvas.height = h;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, h);
    g.translate(w / 2, h / 2);
    g.rotate((degrees * Math.PI) / 180);
    g.drawImage(f, -f.width / 2, -f.height / 2);
  };

const scaled =
  (k: number): View =>
  (g, f) => {
    g.canvas.width = Math.round(f.width * k);
    g.canvas.height = Math.round(f.height * k);
    g.imageSmoothingQuality = 'high';
    g.drawImage(f, 0, 0, g.canvas.width, g.canvas.height);
  };

/**
 * The views, in the order tried. Measured on the 400 demo badges × 5, 8 and 11 px per module: as is misses 19–36,
 * then turned a quarter leaves 1, halved leaves 1 at 8 and 11 px, tilted 11° leaves none; the last two are spares.
 */
export const VIEWS: readonly { name: string; draw: View | null }[] = [
  { name: 'as is', draw: null },
  { name: 'turned a quarter', draw: turned(270, true) },
  { name: 'halved', draw: scaled(0.5) },
  { name: 'tilted 11°', draw: turned(11, false) },
  { name: 'tilted −10°', draw: turned(-10, false) },
  { name: 'upside down', draw: turned(180, false) },
];

/** Views tried on one frame at most: two reads of a 640×480 frame take 20–40 ms, within a frame at 12 fps. */
export const VIEWS_PER_FRAME = 2;

interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

export class QrFrameReader {
  private readonly frame: HTMLCanvasElement;
  private readonly frameContext: CanvasRenderingContext2D;
  private readonly work: CanvasRenderingContext2D;
  private readonly hints = new Map<number, unknown>([
    [ZXing.DecodeHintType.POSSIBLE_FORMATS, [ZXing.BarcodeFormat.QR_CODE]],
    [ZXing.DecodeHintType.TRY_HARDER, false],
  ]);
  /** The view tried first: the one that last read a code, or the next one not yet tried. */
  private next = 0;
  private native: Promise<NativeDetector | null>;

  /** The longest side a frame is read at (a 1080p camera costs four times a 720p one and reads no better). */
  constructor(private readonly maxSide = 960) {
    this.frame = document.createElement('canvas');
    this.frameContext = this.frame.getContext('2d', { willReadFrequently: true })!;
    this.work = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    this.native = nativeDetector();
  }

  /** The code in this frame (a video, image or canvas of that size), or null. */
  async read(source: CanvasImageSource, width: number, height: number): Promise<string | null> {
    const k = Math.min(1, this.maxSide / Math.max(width, height));
    const w = Math.round(width * k);
    const h = Math.round(height * k);
    if (this.frame.width !== w || this.frame.height !== h) {
      this.frame.width = w;
      this.frame.height = h;
    }
    this.frameContext.drawImage(source, 0, 0, w, h);
    const native = await this.native;
    if (native) {
      try {
        const found = await native.detect(this.frame);
        if (found[0]) return found[0].rawValue;
      } catch {
        this.native = Promise.resolve(null);
      }
    }
    for (let i = 0; i < VIEWS_PER_FRAME; i++) {
      const at = (this.next + i) % VIEWS.length;
      const text = this.decode(VIEWS[at]!.draw);
      if (text !== null) {
        this.next = at;
        return text;
      }
    }
    this.next = (this.next + VIEWS_PER_FRAME) % VIEWS.length;
    return null;
  }

  private decode(view: View | null): string | null {
    let canvas = this.frame;
    if (view) {
      this.work.setTransform(1, 0, 0, 1, 0, 0);
      view(this.work, this.frame);
      canvas = this.work.canvas;
    }
    try {
      // A reader per read: html5-qrcode found ZXing's readers keep state between reads (zxing-js issue 211).
      const reader = new ZXing.MultiFormatReader(false, this.hints);
      const result = reader.decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.HTMLCanvasElementLuminanceSource(canvas)))) as { text: string };
      return result.text;
    } catch {
      return null;
    }
  }
}

async function nativeDetector(): Promise<NativeDetector | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    return (await Native.getSupportedFormats()).includes('qr_code') ? new Native({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}
