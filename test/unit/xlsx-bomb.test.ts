// A small XLSX that unpacks to a huge sheet (issue 23, item 14): a 195 KB workbook took the web host to 3.7 GB for
// 50 s. The real reader (services/files/read-file.ts) must refuse it quickly, with a clear message, within a memory
// cap; a real registration workbook of the usual shape still reads.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseXlsx, UnreadableFileError } from '../../electron/services/files/read-file.js';

/** A valid workbook whose first sheet holds `rows` rows of `cols` identical short cells: tiny zipped, huge unzipped. */
async function bomb(rows: number, cols: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  const row = (r: number) => `<row r="${r}">${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(cols)}</row>`;
  const parts = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) parts.push(row(r));
  parts.push('</sheetData></worksheet>');
  zip.file('xl/worksheets/sheet1.xml', parts.join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('XLSX read with a memory cap', () => {
  it('refuses a ~195 KB workbook that unpacks to ~90 MB quickly, with a clear message, without gigabytes of memory', async () => {
    const bytes = await bomb(22_000, 100);
    expect(bytes.length).toBeGreaterThan(100 * 1024);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const rss0 = process.memoryUsage().rss;
    const t0 = Date.now();
    const refused = await parseXlsx(bytes).then(() => null, (e: unknown) => e);
    const ms = Date.now() - t0;
    expect(refused).toBeInstanceOf(UnreadableFileError);
    expect((refused as Error).message).toMatch(/unpacks to far more than its size|too many cells/);
    expect(ms).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(600 * 1024 * 1024);
  }, 60_000);

  it('still reads a real registration workbook (2,000 rows of varied text)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Registrations');
    ws.addRow(['Name', 'Email', 'Organisation']);
    for (let i = 0; i < 2000; i++) ws.addRow([`Person ${i} ${(i * 7919).toString(36)}`, `p${i}.${(i * 104729).toString(36)}@example.org`, `Org ${(i * 31).toString(36)}`]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const parsed = await parseXlsx(bytes);
    expect(parsed.records).toHaveLength(2000);
    expect(parsed.headers).toEqual(['Name', 'Email', 'Organisation']);
  }, 60_000);
});
