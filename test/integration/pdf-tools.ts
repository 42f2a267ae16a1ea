// Reading a PDF as a person (and a scanner) would: poppler for text, fonts and pixels, zbar for the QR code.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.js';

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Text with every run of whitespace (line breaks from wrapping included) folded to one space. */
export function pdfWords(file: string): string {
  return pdfText(file).replace(/\s+/g, ' ').normalize('NFC');
}

export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name … emb sub uni object ID: emb is the fifth field from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Renders page `page` to PNG at `dpi` and returns the QR codes zbar reads on it. */
export function qrCodesOn(file: string, page = 1, dpi = 150): string[] {
  const dir = tempDir('uketsuke-png-');
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), file, prefix]);
  const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
  try {
    return execFileSync('zbarimg', ['-q', '--raw', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
