// Reports as spreadsheets: CSV (UTF-8 with BOM, so Excel reads Japanese names right) and XLSX with numbers as
// numbers. Names and organisations come from registration forms anyone can fill in: text that a spreadsheet
// would run as a formula is neutralised (the delegate export's rules, OWASP CSV injection).
import { csvLine, neutralise } from '../people/export.js';
import type { Sheet, SheetValue } from './doc.js';

function csvCell(v: SheetValue, kind: Sheet['columns'][number]['kind']): string {
  if (v === null) return '';
  if (typeof v === 'number') return kind === 'pct' ? `${(v * 100).toFixed(1)}%` : String(v);
  return v;
}

/** Several tables in one file: each after its title line, a blank line between them. */
export function sheetsToCsv(sheets: Sheet[]): Buffer {
  const lines: string[] = [];
  sheets.forEach((s, i) => {
    if (sheets.length > 1) {
      if (i > 0) lines.push('');
      lines.push(csvLine([s.name]));
    }
    lines.push(csvLine(s.columns.map((c) => c.label)));
    for (const r of s.rows) lines.push(csvLine(r.map((v, k) => csvCell(v, s.columns[k]?.kind))));
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** Characters a column needs: kana and kanji take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

export async function sheetsToXlsx(sheets: Sheet[], about: [string, string][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Uketsuke';
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.columns.map((c) => neutralise(c.label))).font = { bold: true };
    // Numbers stay numbers (a funder sums them); text is written as text, never as a formula.
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.kind === 'pct') col.numFmt = '0.0%';
      const longest = Math.max(width(c.label), ...s.rows.slice(0, 500).map((r) => width(String(r[i] ?? ''))));
      col.width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  const info = wb.addWorksheet(sheetName('About', used));
  for (const [k, v] of about) info.addRow([neutralise(k), neutralise(v)]);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 70;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
