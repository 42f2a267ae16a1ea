// One file reader for every import (services/files/read-file.ts): delegate lists and programme files decode their
// bytes there, and nowhere else in the back end sniffs encodings or parses CSV/XLSX input.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decodeText, decodeUtf8 } from '../../electron/services/files/read-file.js';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('the shared file reader', () => {
  it('decodes UTF-8 formats as before: a BOM dropped, bytes that are not UTF-8 replaced, never guessed', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('BEGIN:VCALENDAR 髙橋')]))).toBe('BEGIN:VCALENDAR 髙橋');
    expect(decodeUtf8(new Uint8Array([0x41, 0xe9, 0x42]))).toBe('A\uFFFDB');
    // The table reader, by contrast, recognises a legacy encoding (here Japanese Excel's).
    expect(decodeText(iconv.encode('名,姓\n美咲,髙橋\n健太,山﨑\n', 'cp932'))).toEqual({ text: '名,姓\n美咲,髙橋\n健太,山﨑\n', encoding: 'shift_jis' });
  });

  it('is the only place in electron/ that decodes import bytes or parses CSV/XLSX input', () => {
    const offenders = files('electron')
      .filter((f) => !f.startsWith(path.join('electron', 'services', 'files')))
      .filter((f) => /new TextDecoder\(|from 'papaparse'|from 'encoding-japanese'|\.xlsx\.load\(/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
