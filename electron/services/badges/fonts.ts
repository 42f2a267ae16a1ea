// The fonts a badge needs, read once per process. A run of text uses the first font that has every one of its
// characters: Noto Sans for Latin (all European diacritics, Vietnamese tone marks), Noto Sans JP for Japanese.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

export type FontName = 'latin' | 'latin-bold' | 'jp' | 'jp-bold';

const FILES: Record<FontName, string> = {
  latin: 'NotoSans_400Regular.ttf',
  'latin-bold': 'NotoSans_700Bold.ttf',
  jp: 'NotoSansJP_400Regular.ttf',
  'jp-bold': 'NotoSansJP_700Bold.ttf',
};

/** assets/fonts, found by walking up from this module (source tree, dist bundle or packaged app). */
export function fontsDir(): string {
  if (process.env.UKETSUKE_ASSETS) return path.join(process.env.UKETSUKE_ASSETS, 'fonts');
  // A packaged desktop app keeps assets in its resources folder (electron-builder extraResources).
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources && fs.existsSync(path.join(resources, 'assets', 'fonts', FILES.latin))) return path.join(resources, 'assets', 'fonts');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (fs.existsSync(path.join(candidate, FILES.latin))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Badge fonts not found: assets/fonts is missing from this installation.');
    dir = up;
  }
}

interface LoadedFont {
  data: Buffer;
  font: fontkit.Font;
}

let loaded: Record<FontName, LoadedFont> | null = null;

export function fonts(): Record<FontName, LoadedFont> {
  if (loaded) return loaded;
  const dir = fontsDir();
  const out = {} as Record<FontName, LoadedFont>;
  for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
    const data = fs.readFileSync(path.join(dir, file));
    out[name] = { data, font: fontkit.create(data) as fontkit.Font };
  }
  loaded = out;
  return out;
}

/** The font for a string: Latin when it covers every character, else Japanese (which covers ASCII too). */
export function fontFor(text: string, bold: boolean): FontName {
  const f = fonts();
  const latin = bold ? 'latin-bold' : 'latin';
  const cps = [...text].map((c) => c.codePointAt(0)!).filter((cp) => cp > 0x20);
  if (cps.every((cp) => f[latin].font.hasGlyphForCodePoint(cp))) return latin;
  return bold ? 'jp-bold' : 'jp';
}

/** True once the shared Latin fonts shape text without ccmp themselves (see draw.ts `shaping`). */
export let latinShapedByFont = false;

/**
 * The Latin fonts lay text out without glyph composition (ccmp), by default: passing that as a pdfkit text option
 * would bypass pdfkit's layout cache and lay every string out again at every size tried.
 */
export function shapeLatinWithoutComposition(f: ReturnType<typeof fonts>): void {
  if (latinShapedByFont) return;
  for (const name of ['latin', 'latin-bold'] as const) {
    const font = f[name].font as unknown as { layout: (text: string, features?: unknown) => unknown };
    const layout = font.layout.bind(font);
    font.layout = (text, features) => layout(text, features ?? { ccmp: false });
  }
  latinShapedByFont = true;
}

