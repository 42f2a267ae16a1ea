// The A4 page the reports draw on: its size and margins, the colours, and text set in the badge fonts (Noto Sans,
// Noto Sans JP, chosen per string so Japanese is shaped) with the measures layout needs. Shared by the report
// document (pdf.ts) and its charts (pdf-charts.ts).
import type PDFDocument from 'pdfkit';
import { fontFor, type FontName } from '../badges/fonts.js';
import { shaping } from '../badges/draw.js';

export type Doc = InstanceType<typeof PDFDocument>;

/** Where the next block goes, and a new page when it does not fit: what ReportPdf gives the chart drawers. */
export interface PdfCursor {
  readonly doc: Doc;
  /** Where the next block starts on the current page. */
  y: number;
  /** A new page when fewer than `h` points are left on this one (or none is open yet). */
  ensure(h: number): void;
  newPage(): void;
  /** Points left above the footer on this page. */
  room(): number;
}

export const PAGE = { w: 595.28, h: 841.89 };
export const M = { left: 42, right: 42, top: 64, bottom: 54 };
export const CONTENT_W = PAGE.w - M.left - M.right;
export const BOTTOM = PAGE.h - M.bottom;
export const INK = '#1b1f2e';
export const SOFT = '#4a5068';
export const LINE = '#d9d6cc';
export const BRAND = '#1f2a5c';
export const ACCENT = '#c8372d';
export const ZEBRA = '#f6f5f1';
export const SERIES = ['#b9c1e0', BRAND];
export const PALETTE = [BRAND, '#c8372d', '#0c6470', '#8a6d00', '#6d2fae', '#7a7f95'];

export const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export function setFont(doc: Doc, text: string, size: number, bold = false): ReturnType<typeof shaping> {
  const f: FontName = fontFor(text, bold);
  doc.font(f).fontSize(size);
  return shaping(f);
}

export interface TextOpts {
  size: number;
  bold?: boolean;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** One line only (the caller has measured or shrunk it). */
  single?: boolean;
}

export function text(doc: Doc, s: string, x: number, y: number, o: TextOpts): void {
  const shape = setFont(doc, s, o.size, o.bold);
  doc.fillColor(o.color ?? INK).text(s, x, y, { width: o.width, align: o.align ?? 'left', lineGap: 0, lineBreak: !o.single, ...shape });
}

export function heightOf(doc: Doc, s: string, width: number, size: number, bold = false): number {
  const shape = setFont(doc, s, size, bold);
  if (doc.widthOfString(s, shape) <= width) return doc.currentLineHeight(true);
  return doc.heightOfString(s, { width, lineGap: 0, ...shape });
}

export function widthOf(doc: Doc, s: string, size: number, bold = false): number {
  const shape = setFont(doc, s, size, bold);
  return doc.widthOfString(s, shape);
}

/** The largest size up to `max` at which `s` fits `width` on one line (never below `min`). */
export function fitSize(doc: Doc, s: string, width: number, max: number, min: number, bold = false): number {
  let size = max;
  while (size > min && widthOf(doc, s, size, bold) > width) size -= 0.5;
  return size;
}
