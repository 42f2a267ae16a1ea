// The one file reader of every import: delegate lists (people/import/) and programmes (event/programme/) both read
// their bytes here. Tables as they arrive: CSV in UTF-8 (with or without BOM), Shift_JIS/CP932 from Japanese Excel,
// Windows-1252 from European Excel, with comma, semicolon or tab; or XLSX. Each record keeps the physical line
// where it starts (the header is line 1), so a rejection points at the line a person sees in their editor. Text
// formats that are UTF-8 by definition (iCalendar, JSON, XML schedules) are decoded by `decodeUtf8`.
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

/**
 * Bytes of a format that is UTF-8 by definition (iCalendar, JSON, frab XML) → text: a BOM dropped, bytes that are not
 * UTF-8 replaced (U+FFFD) rather than guessed at.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Bytes → text. UTF-8 when it decodes cleanly (BOM or not); else what chardet finds among CP932 and Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: UTF8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy Excel export, or a file pasted together from several.
  }
  refuseMixedEncodings(bytes);
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

/**
 * A file stitched together from exports of several systems has UTF-8 lines and legacy (CP932, Windows-1252) lines:
 * read whole as one encoding, some names would be stored as mojibake without a word. Refused, naming the lines.
 */
function refuseMixedEncodings(bytes: Uint8Array): void {
  const utf8: number[] = [];
  const legacy: number[] = [];
  let start = 0;
  let line = 1;
  let high = false;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b >= 0x80) high = true;
    if (b !== 0x0a) continue;
    if (high) {
      try {
        UTF8.decode(bytes.subarray(start, i));
        utf8.push(line);
      } catch {
        legacy.push(line);
      }
    }
    start = i + 1;
    line++;
    high = false;
  }
  if (utf8.length && legacy.length) {
    const list = (l: number[]) => `${l.slice(0, 10).join(', ')}${l.length > 10 ? ` and ${l.length - 10} more` : ''}`;
    throw new MixedEncodingError(
      `The file mixes text encodings: line ${list(utf8)} in UTF-8, line ${list(legacy)} in another encoding (Shift_JIS or Windows-1252). Save it again as one file in UTF-8 (Excel: "CSV UTF-8") and import that.`,
      utf8,
      legacy,
    );
  }
}

export class MixedEncodingError extends UnreadableFileError {
  constructor(message: string, readonly utf8Lines: number[], readonly legacyLines: number[]) {
    super(message);
  }
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
    // papaparse skips blank and whitespace-only lines itself, in one pass. (Skipping them here by scanning ahead
    // from every blank row was quadratic: a million blank lines took minutes.)
    skipEmptyLines: 'greedy',
    step: (result) => {
      delimiter ??= result.meta.delimiter;
      // Where this record starts: after the previous one and the blank lines papaparse skipped (each skipped once).
      let s = start;
      while (s < text.length && /\s/.test(text[s]!)) s++;
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

/** Uncompressed XML a registration workbook may hold: 50,000 rows are about 20 MB. */
export const MAX_XLSX_XML_BYTES = 100 * 1024 * 1024;

/**
 * How much larger than its file a workbook may unpack. Registration exports compress 5–15×; a sheet of identical
 * cells built to expand compresses 500×. Below 8 MB unpacked nothing is refused for its ratio.
 */
const MAX_XLSX_RATIO = 40;
const RATIO_FREE_BYTES = 8 * 1024 * 1024;
/** Cells of the first sheet the reader holds in memory (50,000 rows × 20 columns); each costs ExcelJS hundreds of bytes. */
export const MAX_XLSX_CELLS = 1_000_000;

/** The parts of a workbook needed to read its first sheet: the others (more sheets, drawings, macros) stay zipped. */
async function firstSheetOnly(bytes: Uint8Array, maxBytes: number): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const ratioCap = Math.max(RATIO_FREE_BYTES, bytes.length * MAX_XLSX_RATIO);
  const cap = Math.min(maxBytes, ratioCap);
  let budget = cap;
  // Inflated chunk by chunk and stopped at the budget: a zip bomb's declared sizes may lie.
  const read = (name: string): Promise<string | null> => {
    const f = zip.file(name);
    if (!f) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const stream = f.nodeStream('nodebuffer');
      stream.on('data', (c: Buffer) => {
        budget -= c.length;
        if (budget < 0) {
          stream.pause();
          reject(new UnreadableFileError(cap < maxBytes
            ? `The workbook unpacks to far more than its size (over ${MAX_XLSX_RATIO} times, more than ${Math.round(cap / 1024 / 1024)} MB): it is not a registration export as Excel writes one. Save the registration sheet alone, or as CSV.`
            : `The workbook unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB: save the registration sheet alone, or as CSV.`));
        } else chunks.push(c);
      });
      stream.on('error', (e: Error) => reject(e));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  };
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new UnreadableFileError('Not a readable XLSX workbook (no workbook part).');
  const first = /<(?:\w+:)?sheet\b[^>]*\/>/.exec(workbook)?.[0];
  const rid = first && /\br:id="([^"]+)"/.exec(first)?.[1];
  const target = rid && new RegExp(`<Relationship\\b[^>]*\\bId="${rid.replace(/[^\w]/g, '')}"[^>]*>`).exec(rels)?.[0];
  const sheetPath = target && /\bTarget="([^"]+)"/.exec(target)?.[1]?.replace(/^\/?(xl\/)?/, 'xl/');
  if (!first || !sheetPath) throw new UnreadableFileError('The workbook has no sheet.');
  const out = new JSZip();
  const keep = ['[Content_Types].xml', '_rels/.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', sheetPath];
  for (const name of keep) {
    const text = await read(name);
    if (name === sheetPath && text !== null) refuseTooManyCells(text);
    if (text !== null) out.file(name, text);
  }
  out.file('xl/workbook.xml', workbook.replace(/<(\w+:)?sheets>[\s\S]*<\/(\w+:)?sheets>/, (m) => m.replace(/<(?:\w+:)?sheet\b[^>]*\/>/g, (el) => (el === first ? el : ''))));
  out.file('xl/_rels/workbook.xml.rels', rels);
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** Counted in the XML before ExcelJS builds a model of every cell: past the cap the model alone would take gigabytes. */
function refuseTooManyCells(sheetXml: string): void {
  const cell = /<(?:\w+:)?c[\s>/]/g;
  let n = 0;
  while (cell.exec(sheetXml)) {
    if (++n > MAX_XLSX_CELLS) throw new UnreadableFileError(`The first sheet holds too many cells (more than ${MAX_XLSX_CELLS.toLocaleString('en')}): save the registration sheet alone, or as CSV.`);
  }
}

export async function parseXlsx(bytes: Uint8Array, maxXmlBytes = MAX_XLSX_XML_BYTES): Promise<ParsedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await firstSheetOnly(bytes, maxXmlBytes)) as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
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

/** A table file by its name or its first bytes: XLSX, else CSV. */
export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  return isXlsx(fileName, bytes) ? parseXlsx(bytes) : parseCsv(bytes);
}
