// Registration files made to hurt: a million blank lines, a file stitched from three encodings, a workbook that
// unpacks to far more than it weighs, and control characters hiding a formula.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { makeApp, type TestApp } from '../helpers.js';
import { parseCsv, parseXlsx, MixedEncodingError, UnreadableFileError } from '../../electron/services/files/read-file.js';
import { csvLine } from '../../electron/services/people/export.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('import hardening', () => {
  it('a header, 1,000,000 blank lines and one row: read in one pass, the row on its physical line', () => {
    // The old blank-line skip was quadratic (over 10 minutes of CPU); the test's time limit would end it.
    const csv = `First name,Last name,Email\n${'\n'.repeat(1_000_000)}Ada,Lovelace,ada@example.org\n`;
    const f = parseCsv(Buffer.from(csv, 'utf8'));
    expect(f.records).toEqual([{ line: 1_000_002, cells: ['Ada', 'Lovelace', 'ada@example.org'] }]);
  });

  it('whitespace-only lines are skipped and line numbers stay physical', () => {
    const f = parseCsv(Buffer.from('a,b\r\n  \r\n\r\nx,y\r\n\t\r\nz,w\r\n', 'utf8'));
    expect(f.records).toEqual([{ line: 4, cells: ['x', 'y'] }, { line: 6, cells: ['z', 'w'] }]);
  });

  it('refuses a file mixing UTF-8, Windows-1252 and CP932 lines, naming the lines', async () => {
    t = makeApp();
    const bytes = Buffer.concat([
      Buffer.from('First name,Last name,Email\n', 'ascii'),
      Buffer.from('Zoë,Müller,zoe@example.de\n', 'utf8'),
      iconv.encode('Amélie,Lefèvre,amelie@example.fr\n', 'win1252'),
      iconv.encode('美咲,髙橋,misaki@example.jp\n', 'cp932'),
      Buffer.from('Ada,Lovelace,ada@example.org\n', 'ascii'),
    ]);
    let err: unknown = null;
    try {
      parseCsv(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MixedEncodingError);
    expect((err as MixedEncodingError).utf8Lines).toEqual([2]);
    expect((err as MixedEncodingError).legacyLines).toEqual([3, 4]);
    expect((err as Error).message).toMatch(/line 2 in UTF-8, line 3, 4 in another encoding/);
    await expect(t.app.importer.run('mixed.csv', bytes)).rejects.toThrow(/mixes text encodings/);
    expect(t.app.db.prepare('SELECT count(*) FROM delegate').pluck().get()).toBe(0);
  });

  it('a file wholly in Shift_JIS is still read as Shift_JIS', () => {
    const f = parseCsv(iconv.encode('名,姓\n美咲,髙橋\n健太,山﨑\n', 'cp932'));
    expect(f.encoding).toBe('shift_jis');
    expect(f.records.map((r) => r.cells[1])).toEqual(['髙橋', '山﨑']);
  });

  it('strips control characters from names and text, then neutralises formulas on export', async () => {
    t = makeApp();
    const csv = 'First name,Last name,Email,Organisation\n' + '\u0000=1+1,Smith\u0007\u202e,smith@example.org,"Acme\u0000 Ltd"\n';
    const r = await t.app.importer.run('ctl.csv', Buffer.from(csv, 'utf8'));
    expect(r.imported).toBe(1);
    const row = t.app.db.prepare('SELECT given_name, family_name, organisation FROM delegate').get() as Record<string, string>;
    expect(row).toEqual({ given_name: '=1+1', family_name: 'Smith', organisation: 'Acme Ltd' });
    const csvOut = t.app.exporter.csv('utf-8').data.toString('utf8');
    expect(csvOut).toContain("'=1+1");
    expect(csvOut).not.toContain('\u0000');
    // And a cell that still carries a NUL is neutralised after stripping it.
    expect(csvLine(['\u0000=1+1'])).toBe("'=1+1");
    // A walk-in typed (or pasted) with controls is cleaned the same way.
    const w = t.app.dispatch('walkIn', { familyName: 'Null\u0000Byte', givenName: 'Tab\tbed' });
    expect([w.delegate.familyName, w.delegate.givenName]).toEqual(['NullByte', 'Tab bed']);
  });

  it('reads only the first sheet of a workbook and refuses one that unpacks past the cap', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Registrations');
    first.addRow(['First name', 'Last name', 'Email']);
    first.addRow(['Ada', 'Lovelace', 'ada@example.org']);
    const second = wb.addWorksheet('Notes');
    for (let i = 0; i < 5_000; i++) second.addRow(Array.from({ length: 10 }, (_, c) => i * 10 + c)); // numbers: in the sheet itself, not in the shared strings
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // 1 MB is enough for the first sheet; the second, several MB unpacked, is never unpacked.
    const f = await parseXlsx(bytes, 1024 * 1024);
    expect(f.records).toEqual([{ line: 2, cells: ['Ada', 'Lovelace', 'ada@example.org'] }]);

    // A bomb: the first sheet padded with 8 MB of whitespace, which deflates to a few kilobytes.
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('<sheetData>', `<sheetData>${' '.repeat(8 * 1024 * 1024)}`));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(parseXlsx(bomb, 4 * 1024 * 1024)).rejects.toThrow(UnreadableFileError);
    await expect(parseXlsx(bomb, 4 * 1024 * 1024)).rejects.toThrow(/unpacks to more than 4 MB/);
  });
});

describe('WAL during an import', () => {
  it('is checkpointed between batches, so it does not grow with the file', async () => {
    t = makeApp();
    const rows = Array.from({ length: 6000 }, (_, i) => `Given${i},Family${i},p${i}@example.org,Org ${i}`).join('\n');
    // While it runs, the WAL never holds more than twice the file's data (nor more than the checkpoint's floor).
    const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    let worst = 0;
    const r = await t.app.importer.run('big.csv', Buffer.from(`First name,Last name,Email,Organisation\n${rows}\n`, 'utf8'), {
      batchSize: 250,
      onProgress: () => (worst = Math.max(worst, size(`${t!.file}-wal`) - Math.max(2 * size(t!.file), 8 * 1024 * 1024 + 2 * 1024 * 1024))),
    });
    expect(r.imported).toBe(6000);
    expect(worst).toBeLessThanOrEqual(0);
    // At the end the import's pages are in the file and the WAL is empty, not left at the import's size.
    expect(size(`${t.file}-wal`)).toBe(0);
    expect(size(t.file)).toBeGreaterThan(0);
  });
});
