// Registration files as they arrive: CSV in UTF-8 (with or without BOM), Shift_JIS/CP932 from Japanese Excel,
// Windows-1252 from European Excel, with comma, semicolon or tab; or XLSX. Each record keeps the physical line
// where it starts (the header is line 1), so a rejection points at the line a person sees in their editor.
import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

export interface SourceRecord {
  line: number;
  cells: string[];
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  headers: string[];
  records: SourceRecord[];
}

export class UnreadableFileError extends Error {}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text. UTF-8 when it decodes cleanly (BOM or not); else what chardet finds among CP932 and Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: UTF8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy Excel export.
  }
  // encoding-japanese recognises Shift_JIS and EUC-JP byte patterns and answers otherwise for Western bytes (a
  // general detector such as chardet mistakes short Japanese samples for Windows-125x).
  const guess = Encoding.detect(nonAsciiLines(bytes, 256 * 1024));
  // CP932 is Microsoft's Shift_JIS: it keeps 髙 and 﨑, which plain Shift_JIS tables lose.
  if (guess === 'SJIS') return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'shift_jis' };
  if (guess === 'EUCJP') return { text: iconv.decode(Buffer.from(bytes), 'euc-jp'), encoding: 'euc-jp' };
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

/**
 * The lines that hold non-ASCII bytes, up to `limit` bytes: what tells Japanese from Western text. Analysing a whole
 * file costs seconds, and a few names among thousands of ASCII rows would drown in them.
 */
function nonAsciiLines(bytes: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  let high = false;
  for (let i = 0; i <= bytes.length && size < limit; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b >= 0x80) high = true;
    if (b === 0x0a) {
      if (high) {
        parts.push(bytes.subarray(start, i + 1));
        size += i + 1 - start;
      }
      start = i + 1;
      high = false;
    }
  }
  return Buffer.concat(parts);
}

export function parseCsv(bytes: Uint8Array): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  // Line starts, to turn a record's character offset into its physical line.
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const rows: SourceRecord[] = [];
  let start = 0;
  let delimiter: string | null = null;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
    step: (result) => {
      delimiter ??= result.meta.delimiter;
      let s = start;
      while (text[s] === '\r' || text[s] === '\n') s++;
      start = result.meta.cursor;
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      rows.push({ line: lineAt(s), cells });
    },
  });
  const [header, ...records] = rows;
  if (!header) throw new UnreadableFileError('The file is empty.');
  if (header.line !== 1) header.line = 1;
  return { format: 'csv', encoding, delimiter, headers: header.cells.map((h) => h.trim()), records };
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(`Not a readable XLSX workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UnreadableFileError('The workbook has no sheet.');
  const rows: SourceRecord[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text ?? '');
    if (cells.every((x) => x.trim() === '')) return;
    rows.push({ line: rowNumber, cells });
  });
  const [header, ...records] = rows;
  if (!header) throw new UnreadableFileError('The first sheet is empty.');
  // Excel leaves trailing empty header cells; keep columns up to the last named one.
  let last = header.cells.length;
  while (last > 0 && header.cells[last - 1]!.trim() === '') last--;
  return { format: 'xlsx', encoding: 'xlsx', delimiter: null, headers: header.cells.slice(0, last).map((h) => h.trim()), records: records.map((r) => ({ line: r.line, cells: r.cells.slice(0, last) })) };
}

export function isXlsx(fileName: string, bytes: Uint8Array): boolean {
  return /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

export async function readRegistrationFile(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  return isXlsx(fileName, bytes) ? parseXlsx(bytes) : parseCsv(bytes);
}
