// Reports as A4 PDFs an organiser can hand to a funder: the badge fonts (Noto Sans, Noto Sans JP; embedded as
// subsets), the event name, the report and "page N of M" on every page, vector charts, tables whose header repeats
// on every page and whose cells wrap rather than cut. Rendering yields between rows so progress can be reported and
// a scan waiting on the same thread is never held up for long. The page, its fonts and measures are pdf-page.ts's;
// the charts are drawn by pdf-charts.ts.
import PDFDocument from 'pdfkit';
import { useSharedFonts } from '../badges/render.js';
import type { Block, Cell, Certificate, Column, Kpi, ReportContent, Table } from './doc.js';
import { drawChart } from './pdf-charts.js';
import { ACCENT, BOTTOM, BRAND, CONTENT_W, fitSize, heightOf, INK, LINE, M, PAGE, PALETTE, SOFT, text, yieldNow, ZEBRA, type Doc, type PdfCursor } from './pdf-page.js';
import type { Strings } from './strings.js';

export interface PdfMeta {
  t: Strings;
  eventName: string;
  /** "27–29 April 2027 · European Parliament, Strasbourg" */
  eventLine: string;
  generated: string;
  timeZone: string;
  onProgress?: (done: number, total: number) => void;
}

function cellText(c: Cell, col: Column, t: Strings, blank = false): string[] {
  if (c === null) return [blank ? '' : t.none];
  if (typeof c === 'object') return c.lines;
  if (typeof c === 'number') return [col.kind === 'pct' ? `${(c * 100).toFixed(1)}%` : c.toLocaleString('en-GB')];
  return [c];
}

export class ReportPdf implements PdfCursor {
  readonly doc: Doc;
  /** Where the next block starts on the current page. */
  y = M.top;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private pageCount = 0;
  /** A certificate's page speaks the delegate's language, header and footer included. */
  private pageChrome: { t: Strings; eventName: string; title: string; generated: string } | null = null;

  constructor(
    private readonly title: string,
    private readonly meta: PdfMeta,
    /** Known page total (certificates): chrome is drawn as pages are made instead of at the end. */
    private readonly knownTotal: number | null = null,
  ) {
    this.doc = new PDFDocument({ autoFirstPage: false, margin: 0, bufferPages: knownTotal === null, compress: true, info: { Title: `${title} — ${meta.eventName}`, Creator: 'Uketsuke', Author: meta.eventName } });
    useSharedFonts(this.doc);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  newPage(): void {
    this.doc.addPage({ size: [PAGE.w, PAGE.h], margin: 0 });
    this.pageCount++;
    this.y = M.top;
    if (this.knownTotal !== null) this.chrome(this.pageCount, this.knownTotal);
  }

  room(): number {
    return BOTTOM - this.y;
  }

  /** A new page when fewer than `h` points are left on this one (or none is open yet). */
  ensure(h: number): void {
    if (this.pageCount === 0 || h > this.room()) this.newPage();
  }

  /** Event name and report on top, generation time and "page N of M" at the foot: on every page. */
  private chrome(n: number, total: number): void {
    const { doc } = this;
    const meta = { ...this.meta, ...this.pageChrome };
    const title = this.pageChrome?.title ?? this.title;
    doc.save();
    doc.rect(0, 0, PAGE.w, 5).fill(BRAND);
    doc.rect(0, 5, PAGE.w, 1.2).fill(ACCENT);
    const half = CONTENT_W / 2 - 6;
    text(doc, meta.eventName, M.left, 22, { size: fitSize(doc, meta.eventName, half, 8.5, 6, true), bold: true, color: BRAND, width: half, single: true });
    text(doc, title, M.left + CONTENT_W / 2 + 6, 22, { size: fitSize(doc, title, half, 8.5, 6), color: SOFT, width: half, align: 'right', single: true });
    doc.moveTo(M.left, 38).lineTo(PAGE.w - M.right, 38).lineWidth(0.5).strokeColor(LINE).stroke();
    const footY = PAGE.h - 34;
    doc.moveTo(M.left, footY - 6).lineTo(PAGE.w - M.right, footY - 6).lineWidth(0.5).strokeColor(LINE).stroke();
    const left = `${meta.t.generated(meta.generated)} · ${meta.t.timeZone(meta.timeZone)}`;
    text(doc, left, M.left, footY, { size: fitSize(doc, left, CONTENT_W * 0.72, 7.5, 5.5), color: SOFT, width: CONTENT_W * 0.72, single: true });
    text(doc, meta.t.page(n, total), M.left + CONTENT_W * 0.72, footY, { size: 7.5, color: SOFT, width: CONTENT_W * 0.28, align: 'right', single: true });
    doc.restore();
  }

  /** The report's own title block, on its first page. */
  titleBlock(): void {
    this.ensure(120);
    const { doc, meta } = this;
    const size = fitSize(doc, this.title, CONTENT_W, 22, 14, true);
    text(doc, this.title, M.left, this.y, { size, bold: true, color: INK, width: CONTENT_W, single: true });
    this.y += size * 1.45;
    const h = heightOf(doc, meta.eventName, CONTENT_W, 11.5, true);
    text(doc, meta.eventName, M.left, this.y, { size: 11.5, bold: true, color: BRAND, width: CONTENT_W });
    this.y += h + 2;
    text(doc, meta.eventLine, M.left, this.y, { size: 9, color: SOFT, width: CONTENT_W });
    this.y += heightOf(doc, meta.eventLine, CONTENT_W, 9) + 10;
  }

  async blocks(blocks: Block[], progress: { done: number; total: number }): Promise<void> {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      switch (b.type) {
        case 'heading': {
          // A heading stays with at least the start of what follows it (a table's header and first rows).
          this.ensure(blocks[i + 1]?.type === 'table' ? 120 : 90);
          if (this.y > M.top + 1) this.y += 8;
          text(this.doc, b.text, M.left, this.y, { size: 12.5, bold: true, color: BRAND, width: CONTENT_W });
          this.y += heightOf(this.doc, b.text, CONTENT_W, 12.5, true) + 2;
          this.doc.rect(M.left, this.y, 28, 1.6).fill(ACCENT);
          this.y += 8;
          if (b.note) {
            text(this.doc, b.note, M.left, this.y, { size: 8.5, color: SOFT, width: CONTENT_W });
            this.y += heightOf(this.doc, b.note, CONTENT_W, 8.5) + 6;
          }
          break;
        }
        case 'text': {
          const size = b.muted ? 7.8 : 9.5;
          const h = heightOf(this.doc, b.text, CONTENT_W, size);
          this.ensure(h + 4);
          text(this.doc, b.text, M.left, this.y, { size, color: b.muted ? SOFT : INK, width: CONTENT_W });
          this.y += h + 8;
          break;
        }
        case 'kpis':
          this.kpis(b.items);
          break;
        case 'chart':
          drawChart(this, b.chart);
          break;
        case 'table':
          await this.table(b.table, progress);
          break;
        case 'pageBreak':
          this.newPage();
          break;
        case 'signatures':
          this.signatures(b.labels);
          break;
      }
    }
  }

  private kpis(items: Kpi[]): void {
    const { doc } = this;
    const gap = 10;
    const w = (CONTENT_W - gap * (items.length - 1)) / items.length;
    const h = 62;
    this.ensure(h + 12);
    items.forEach((k, i) => {
      const x = M.left + i * (w + gap);
      doc.rect(x, this.y, w, h).fill('#f1f2f8');
      doc.rect(x, this.y, 3, h).fill(i === 0 ? BRAND : PALETTE[i % PALETTE.length]!);
      text(doc, k.label, x + 10, this.y + 7, { size: fitSize(doc, k.label, w - 16, 8, 5.5), color: SOFT, width: w - 16, single: true });
      text(doc, k.value, x + 10, this.y + 19, { size: fitSize(doc, k.value, w - 16, 20, 9, true), bold: true, color: INK, width: w - 16, single: true });
      if (k.note) text(doc, k.note, x + 10, this.y + 45, { size: fitSize(doc, k.note, w - 16, 7.5, 5), color: SOFT, width: w - 16, single: true });
    });
    this.y += h + 14;
  }

  private async table(tb: Table, progress: { done: number; total: number }): Promise<void> {
    const { doc, meta } = this;
    const t = meta.t;
    if (tb.rows.length === 0) {
      this.ensure(20);
      text(doc, tb.empty ?? t.none, M.left, this.y, { size: 9, color: SOFT, width: CONTENT_W });
      this.y += 18;
      return;
    }
    const unit = CONTENT_W / tb.columns.reduce((n, c) => n + c.width, 0);
    const xs: number[] = [];
    let acc = M.left;
    for (const c of tb.columns) {
      xs.push(acc);
      acc += c.width * unit;
    }
    const pad = 3.2;
    const size = 8;
    const inner = (i: number) => tb.columns[i]!.width * unit - pad * 2;
    const headH = Math.max(...tb.columns.map((c, i) => heightOf(doc, c.label, inner(i), 7, true))) + pad * 2;
    const header = () => {
      doc.rect(M.left, this.y, CONTENT_W, headH).fill('#e9eaf2');
      tb.columns.forEach((c, i) => text(doc, c.label, xs[i]! + pad, this.y + pad, { size: 7, bold: true, color: SOFT, width: inner(i), align: c.align ?? 'left' }));
      this.y += headH;
    };
    const measure = (row: Cell[], bold: boolean) =>
      Math.max(...row.map((c, i) => cellText(c, tb.columns[i]!, t, bold).reduce((h, line, k) => h + heightOf(doc, line, inner(i), k === 0 ? size : size - 1, bold && k === 0), 0))) + pad * 2;
    const draw = (row: Cell[], h: number, shade: boolean, bold: boolean) => {
      if (shade) doc.rect(M.left, this.y, CONTENT_W, h).fill(ZEBRA);
      row.forEach((c, i) => {
        const col = tb.columns[i]!;
        let y = this.y + pad;
        // A totals row leaves a cell with nothing to add up empty rather than "—".
        cellText(c, col, t, bold).forEach((line, k) => {
          const s = k === 0 ? size : size - 1;
          text(doc, line, xs[i]! + pad, y, { size: s, bold: bold && k === 0, color: k === 0 && c !== null ? INK : SOFT, width: inner(i), align: col.align ?? 'left' });
          y += heightOf(doc, line, inner(i), s, bold && k === 0);
        });
      });
      this.y += h;
    };
    const firstH = measure(tb.rows[0]!, false);
    this.ensure(headH + firstH);
    header();
    for (let r = 0; r < tb.rows.length; r++) {
      const row = tb.rows[r]!;
      const h = measure(row, false);
      if (h > this.room()) {
        this.newPage();
        header();
      }
      draw(row, h, r % 2 === 1, false);
      progress.done++;
      if (progress.done % 250 === 0) {
        meta.onProgress?.(progress.done, progress.total);
        await yieldNow();
      }
    }
    if (tb.total) {
      const h = measure(tb.total, true);
      if (h > this.room()) {
        this.newPage();
        header();
      }
      doc.moveTo(M.left, this.y).lineTo(M.left + CONTENT_W, this.y).lineWidth(0.8).strokeColor(SOFT).stroke();
      draw(tb.total, h, false, true);
    }
    doc.moveTo(M.left, this.y).lineTo(M.left + CONTENT_W, this.y).lineWidth(0.5).strokeColor(LINE).stroke();
    this.y += 12;
  }

  private signatures(labels: string[]): void {
    const { doc } = this;
    this.ensure(60);
    this.y = Math.max(this.y + 24, Math.min(BOTTOM - 40, this.y + 40));
    const w = (CONTENT_W - 30 * (labels.length - 1)) / labels.length;
    labels.forEach((l, i) => {
      const x = M.left + i * (w + 30);
      doc.moveTo(x, this.y).lineTo(x + w, this.y).lineWidth(0.6).strokeColor(SOFT).stroke();
      text(doc, l, x, this.y + 4, { size: 8, color: SOFT, width: w, single: true });
    });
    this.y += 24;
  }

  /** One certificate on its own page, in the delegate's language. */
  certificate(c: Certificate, s: Strings, eventName: string, eventLine: { venue: string; dates: string; generated: string }, number: string): void {
    this.pageChrome = { t: s, eventName, title: s.certificates.title, generated: eventLine.generated };
    this.newPage();
    const { doc } = this;
    const cx = M.left;
    doc.save().lineWidth(1.2).strokeColor(BRAND).rect(M.left - 12, M.top - 8, CONTENT_W + 24, BOTTOM - M.top + 4).stroke();
    doc.lineWidth(0.4).strokeColor(ACCENT).rect(M.left - 8, M.top - 4, CONTENT_W + 16, BOTTOM - M.top - 4).stroke().restore();
    this.y = M.top + 40;
    const center = (str: string, size: number, o: { bold?: boolean; color?: string; gap?: number } = {}) => {
      const sz = fitSize(doc, str, CONTENT_W - 40, size, Math.min(size, 9), o.bold);
      const h = heightOf(doc, str, CONTENT_W - 40, sz, o.bold);
      text(doc, str, cx + 20, this.y, { size: sz, bold: o.bold, color: o.color ?? INK, width: CONTENT_W - 40, align: 'center' });
      this.y += h + (o.gap ?? 8);
    };
    center(s.certificates.title, 26, { bold: true, color: BRAND, gap: 4 });
    doc.rect(PAGE.w / 2 - 30, this.y + 4, 60, 2).fill(ACCENT);
    this.y += 30;
    center(s.certificates.certify, 11, { color: SOFT, gap: 14 });
    center(c.name.primary, 24, { bold: true, gap: c.name.secondary ? 4 : 10 });
    if (c.name.secondary) center(c.name.secondary, 13, { color: SOFT, gap: 10 });
    if (c.organisation) center(c.organisation, 11.5, { gap: 18 });
    center(s.certificates.attended(eventName), 11.5, { gap: 4 });
    center(s.certificates.heldAt(eventLine.venue, eventLine.dates), 10, { color: SOFT, gap: 20 });
    const listX = M.left + 50;
    const listW = CONTENT_W - 100;
    for (const d of c.days) {
      if (this.y > BOTTOM - 120) break;
      text(doc, d.date, listX, this.y, { size: 10, bold: true, color: BRAND, width: listW });
      this.y += heightOf(doc, d.date, listW, 10, true) + 3;
      for (const ses of d.sessions) {
        if (this.y > BOTTOM - 110) break;
        text(doc, ses.time, listX, this.y, { size: 9, color: SOFT, width: 42, single: true });
        text(doc, ses.title, listX + 46, this.y, { size: 9, color: INK, width: listW - 46 });
        this.y += heightOf(doc, ses.title, listW - 46, 9) + 3;
      }
      this.y += 6;
    }
    const sigY = BOTTOM - 70;
    doc.moveTo(PAGE.w - M.right - 200, sigY).lineTo(PAGE.w - M.right - 20, sigY).lineWidth(0.6).strokeColor(SOFT).stroke();
    text(doc, s.certificates.signature, PAGE.w - M.right - 200, sigY + 5, { size: 9, color: SOFT, width: 180, align: 'center', single: true });
    text(doc, s.certificates.number(number), M.left + 20, sigY + 5, { size: 8, color: SOFT, width: 200, single: true });
  }

  async end(): Promise<Buffer> {
    if (this.pageCount === 0) this.newPage();
    if (this.knownTotal === null) {
      const range = this.doc.bufferedPageRange();
      for (let i = 0; i < range.count; i++) {
        this.doc.switchToPage(range.start + i);
        this.chrome(i + 1, range.count);
      }
    }
    this.doc.end();
    return this.done;
  }
}

export async function renderReportPdf(content: ReportContent, meta: PdfMeta): Promise<Buffer> {
  const rows = content.pdf.blocks.reduce((n, b) => n + (b.type === 'table' ? b.table.rows.length : 0), 0);
  const progress = { done: 0, total: rows };
  const pdf = new ReportPdf(content.pdf.title, meta);
  pdf.titleBlock();
  await pdf.blocks(content.pdf.blocks, progress);
  meta.onProgress?.(rows, rows);
  return pdf.end();
}
