// Item 15 of issue 23: CSV exports are opened by Excel in locales that split on `;` (French, German: the demo event
// is in Strasbourg) as well as `,`. A formula hidden after either separator must reach no spreadsheet as a formula.
import { describe, expect, it } from 'vitest';
import { csvLine, neutralise } from '../../electron/services/people/export.js';
import { sheetsToCsv } from '../../electron/services/reports/sheets.js';

/** How a spreadsheet with this list separator splits one CSV line (RFC 4180 quoting). */
function split(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { out.push(cell); cell = ''; } else cell += ch;
  }
  out.push(cell);
  return out;
}

const isFormula = (cell: string) => /^[=+\-@]/.test(cell);

describe('CSV formula neutralising for both list separators', () => {
  const hostile = ['Zofia;=1+1', 'Zofia,=1+1', 'a;+SUM(A1)', 'x;@cmd', 'x;-2+3', 'a\t=1', '=HYPERLINK("http://evil.example")', '\u0000=1+1'];

  for (const delimiter of [',', ';']) {
    it(`a line written with "${delimiter}" has no formula cell when read with "," or ";"`, () => {
      const line = csvLine(['Kowalska', ...hostile], delimiter);
      for (const sep of [',', ';']) {
        for (const cell of split(line, sep)) expect(isFormula(cell), `${JSON.stringify(cell)} read with "${sep}" from ${line}`).toBe(false);
      }
    });
  }

  it("keeps the cell whole in its own delimiter, with the apostrophe before the hidden formula", () => {
    expect(csvLine(['Zofia;=1+1'])).toBe(`"Zofia;'=1+1"`);
    expect(split(csvLine(['Zofia;=1+1', 'Nowak']), ',')).toEqual(["Zofia;'=1+1", 'Nowak']);
    expect(split(csvLine(['Zofia,=1+1', 'Nowak'], ';'), ';')).toEqual(["Zofia,'=1+1", 'Nowak']);
    expect(csvLine(['Zofia Kowalska', 'Łódź'])).toBe('Zofia Kowalska,Łódź');
    expect(neutralise('=1+1')).toBe("'=1+1");
  });

  it('reports go through the same writer', () => {
    const csv = sheetsToCsv([{ name: 'Attendance', columns: [{ label: 'Name', kind: 'text' }], rows: [['Zofia;=1+1']] }]).toString('utf8');
    const line = csv.replace(/^\uFEFF/, '').split('\r\n')[1]!;
    for (const sep of [',', ';']) for (const cell of split(line, sep)) expect(isFormula(cell)).toBe(false);
  });
});
