// The report charts, drawn in vector on the page at the cursor: columns (arrivals per quarter hour), horizontal bars
// (per session, one bar per series) and a split bar (shares of a whole). What a chart shows is decided by the
// report's kind (kinds/*.ts); the page and its measures are pdf-page.ts's; tables and the rest are pdf.ts's.
import type { Chart } from './doc.js';
import { BOTTOM, BRAND, CONTENT_W, heightOf, INK, LINE, M, PALETTE, SERIES, SOFT, text, widthOf, type PdfCursor } from './pdf-page.js';

/** A chart at the cursor, on the next page when it does not fit on this one. */
export function drawChart(page: PdfCursor, c: Chart): void {
  if (c.type === 'columns') columnsChart(page, c);
  else if (c.type === 'bars') barsChart(page, c);
  else splitChart(page, c);
}

function chartTitle(page: PdfCursor, title: string): void {
  text(page.doc, title, M.left, page.y, { size: 9.5, bold: true, color: INK, width: CONTENT_W });
  page.y += heightOf(page.doc, title, CONTENT_W, 9.5, true) + 6;
}

function columnsChart(page: PdfCursor, c: Extract<Chart, { type: 'columns' }>): void {
  const { doc } = page;
  const plotH = 100;
  page.ensure(plotH + 60);
  chartTitle(page, c.title);
  const max = Math.max(1, ...c.values);
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const axisW = 30;
  const x0 = M.left + axisW;
  const w = CONTENT_W - axisW;
  const y0 = page.y + plotH;
  doc.save().lineWidth(0.4).strokeColor(LINE);
  for (const tick of ticks) {
    const y = y0 - (tick / top) * plotH;
    doc.moveTo(x0, y).lineTo(x0 + w, y).stroke();
    text(doc, String(tick), M.left, y - 4, { size: 6.5, color: SOFT, width: axisW - 5, align: 'right', single: true });
  }
  doc.restore();
  const slot = w / c.values.length;
  const barW = Math.max(1, slot * 0.72);
  c.values.forEach((v, i) => {
    const h = (v / top) * plotH;
    if (h > 0) doc.rect(x0 + i * slot + (slot - barW) / 2, y0 - h, barW, h).fill(BRAND);
    if (c.values.length <= 24 && v > 0) text(doc, String(v), x0 + i * slot - 4, y0 - h - 9, { size: 6, color: SOFT, width: slot + 8, align: 'center', single: true });
    if (i % c.labelEvery === 0) {
      doc.moveTo(x0 + i * slot, y0).lineTo(x0 + i * slot, y0 + 3).lineWidth(0.5).strokeColor(SOFT).stroke();
      text(doc, c.labels[i]!, x0 + i * slot - 2, y0 + 5, { size: 6.5, color: SOFT, width: slot * c.labelEvery, single: true });
    }
  });
  doc.moveTo(x0, y0).lineTo(x0 + w, y0).lineWidth(0.8).strokeColor(SOFT).stroke();
  page.y = y0 + 24;
}

function barsChart(page: PdfCursor, c: Extract<Chart, { type: 'bars' }>): void {
  const { doc } = page;
  const labelW = CONTENT_W * 0.38;
  const barX = M.left + labelW + 8;
  const barW = CONTENT_W - labelW - 8 - 34;
  const max = Math.max(1, ...c.rows.flatMap((r) => r.values));
  const rowH = (r: { label: string }) => Math.max(c.series.length * 7 + 6, heightOf(doc, r.label, labelW, 7.5) + 4);
  // The whole chart on one page when it fits one; else title, legend and the first rows together.
  const whole = 40 + c.rows.reduce((n, r) => n + rowH(r) + 3, 0);
  page.ensure(whole <= BOTTOM - M.top ? whole : 50 + rowH(c.rows[0] ?? { label: '' }) * Math.min(3, c.rows.length));
  chartTitle(page, c.title);
  let lx = M.left;
  c.series.forEach((s, i) => {
    doc.rect(lx, page.y + 1, 8, 8).fill(SERIES[i % SERIES.length]!);
    text(doc, s, lx + 11, page.y, { size: 7.5, color: SOFT, single: true });
    lx += 11 + widthOf(doc, s, 7.5) + 14;
  });
  page.y += 14;
  for (const r of c.rows) {
    const h = rowH(r);
    if (h > page.room()) page.newPage();
    text(doc, r.label, M.left, page.y + 1, { size: 7.5, color: INK, width: labelW });
    r.values.forEach((v, i) => {
      const y = page.y + 2 + i * 7;
      const w = (v / max) * barW;
      doc.rect(barX, y, Math.max(w, 0.5), 6).fill(SERIES[i % SERIES.length]!);
      text(doc, String(v), barX + w + 3, y - 0.5, { size: 6, color: SOFT, single: true });
    });
    page.y += h + 3;
  }
  page.y += 8;
}

function splitChart(page: PdfCursor, c: Extract<Chart, { type: 'split' }>): void {
  const { doc } = page;
  const total = c.parts.reduce((n, p) => n + p.value, 0);
  const shown = c.parts.filter((p) => p.value > 0);
  page.ensure(40 + 14 * shown.length + 20);
  chartTitle(page, c.title);
  let x = M.left;
  shown.forEach((p) => {
    const w = total ? (p.value / total) * CONTENT_W : 0;
    doc.rect(x, page.y, w, 18).fill(PALETTE[c.parts.indexOf(p) % PALETTE.length]!);
    x += w;
  });
  page.y += 26;
  shown.forEach((p) => {
    doc.rect(M.left, page.y + 1, 8, 8).fill(PALETTE[c.parts.indexOf(p) % PALETTE.length]!);
    const line = `${p.label}  ${p.value.toLocaleString('en-GB')} (${total ? ((p.value / total) * 100).toFixed(1) : '0.0'}%)`;
    text(doc, line, M.left + 12, page.y, { size: 8, color: INK, width: CONTENT_W - 12, single: true });
    page.y += 13;
  });
  page.y += 8;
}

/** Round steps (1, 2, 5 × 10ⁿ) from 0 to at least max, four or five of them. */
export function niceTicks(max: number): number[] {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}
