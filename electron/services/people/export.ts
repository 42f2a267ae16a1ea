// Delegates out, with their check-in state: CSV (UTF-8 with BOM so Excel opens it right, or Shift_JIS for
// Japanese Excel) and XLSX. Cells that a spreadsheet would run as a formula are neutralised (OWASP CSV injection).
import iconv from 'iconv-lite';
import type { Core } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import type { DelegateRow } from './delegates.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A leading apostrophe makes Excel, LibreOffice and Sheets show the text instead of running it. Control characters
 * go first: a spreadsheet drops a leading NUL and would then run "=1+1" that the test below did not see.
 */
export function neutralise(cell: string): string {
  const c = cell.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(INNER_FORMULA, "$1$2'");
  return FORMULA_START.test(c) ? `'${c}` : c;
}

/**
 * A spreadsheet whose list separator is not this file's delimiter (French and German Excel split on `;`, others on
 * `,`) sees no quotes around our cell: it starts a new cell after any `,`, `;`, tab or line break inside it, and an
 * opening quote there starts a quoted cell. A formula start in such a place gets the apostrophe too
 * (`Zofia;=1+1` → `Zofia;'=1+1`).
 */
const INNER_FORMULA = /([,;\t\r\n])([" ]*)(?=[=+\-@])/g;

/**
 * A cell holding either list separator is quoted whatever this file's own delimiter: French and German Excel split a
 * `.csv` on `;`, so `Zofia;=1+1` written bare would become two cells, the second a formula the start check never saw.
 */
const SPLITS = /[,;\t"\r\n]/;

export function csvLine(cells: string[], delimiter = ','): string {
  return cells
    .map((c) => neutralise(c))
    .map((c) => (c.includes(delimiter) || SPLITS.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(delimiter);
}

const COLUMNS = ['Badge no.', 'Family name', 'Given name', 'Family name (kanji)', 'Given name (kanji)', 'Family name (kana)', 'Given name (kana)', 'Organisation', 'Country', 'Region', 'Email', 'Role', 'Registration code', 'Arrived (first check-in)', 'Checked in at'];

interface ExportRow extends Omit<DelegateRow, 'id' | 'badge_issue' | 'status'> {
  first_at: string | null;
  places: string | null;
}

export class DelegateExport {
  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
  ) {}

  rows(): string[][] {
    const venue = (() => {
      try {
        return this.event.venueCheckpoint().id;
      } catch {
        return '';
      }
    })();
    const data = this.core.db
      .prepare(
        `SELECT d.badge_no, d.family_name, d.given_name, d.family_name_kanji, d.given_name_kanji, d.family_name_kana, d.given_name_kana,
           d.organisation, d.country, d.region, d.email, d.role, d.external_code,
           (SELECT min(first_at) FROM admission a WHERE a.delegate_id = d.id AND a.target_key = @venue) AS first_at,
           (SELECT group_concat(name, '; ') FROM (SELECT DISTINCT c.name FROM admission a JOIN checkpoint c ON c.id = a.checkpoint_id WHERE a.delegate_id = d.id ORDER BY c.sort_order)) AS places
         FROM delegate d WHERE d.status = 'active' ORDER BY d.sort_key`,
      )
      .all({ venue }) as ExportRow[];
    return data.map((r) => [
      String(r.badge_no), r.family_name, r.given_name, r.family_name_kanji ?? '', r.given_name_kanji ?? '', r.family_name_kana ?? '', r.given_name_kana ?? '',
      r.organisation ?? '', r.country ?? '', r.region ?? '', r.email ?? '', r.role, r.external_code ?? '', r.first_at ?? '', r.places ?? '',
    ]);
  }

  /** CSV for Excel: UTF-8 with BOM (any script), or Shift_JIS (Japanese Excel; Latin accents it cannot hold become "?"). */
  csv(encoding: 'utf-8' | 'shift_jis' = 'utf-8'): { data: Buffer; lossyCells: number } {
    const rows = [COLUMNS, ...this.rows()];
    const text = `${rows.map((r) => csvLine(r)).join('\r\n')}\r\n`;
    if (encoding === 'utf-8') return { data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), lossyCells: 0 };
    const lossyCells = rows.flat().filter((c) => iconv.decode(iconv.encode(c, 'cp932'), 'cp932') !== c).length;
    return { data: iconv.encode(text, 'cp932'), lossyCells };
  }

  async xlsx(): Promise<Buffer> {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Uketsuke';
    const ws = wb.addWorksheet('Delegates', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(COLUMNS).font = { bold: true };
    // Every cell is written as text, never as a formula; the apostrophe guard is kept for copy-paste into CSV.
    for (const r of this.rows()) ws.addRow(r.map((c) => neutralise(c)));
    ws.columns.forEach((col) => (col.width = 18));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
