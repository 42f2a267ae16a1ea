// What a report is before it becomes a file: blocks for the PDF (headings, figures, charts, tables) and flat
// sheets for CSV/XLSX. Each report builds both from the same figures, so the PDF and the spreadsheet agree.

export type Lang = 'en' | 'ja';

/** A table cell: text, a number, nothing, or lines (a kanji name with its romanised form under it). */
export type Cell = string | number | null | { lines: string[] };

export interface Column {
  label: string;
  /** Relative width; the table takes the page's width. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** pct: a share from 0 to 1, printed as a percentage. */
  kind?: 'text' | 'int' | 'pct';
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
  /** A bold last row (totals). */
  total?: Cell[];
  /** Shown instead of an empty table. */
  empty?: string;
}

export interface Kpi {
  label: string;
  value: string;
  note?: string;
}

export type Chart =
  /** Vertical bars over time (arrivals per 15 minutes). */
  | { type: 'columns'; title: string; labels: string[]; values: number[]; labelEvery: number }
  /** Horizontal bars, one group per row (registered vs attended per session). */
  | { type: 'bars'; title: string; series: string[]; rows: { label: string; values: number[] }[] }
  /** One stacked bar of shares with a legend (origin split). */
  | { type: 'split'; title: string; parts: { label: string; value: number }[] };

export type Block =
  | { type: 'heading'; text: string; note?: string }
  | { type: 'text'; text: string; muted?: boolean }
  | { type: 'kpis'; items: Kpi[] }
  | { type: 'chart'; chart: Chart }
  | { type: 'table'; table: Table }
  | { type: 'pageBreak' }
  /** Lines to sign on (a bus manifest: the driver and the host). */
  | { type: 'signatures'; labels: string[] };

export interface PdfReport {
  title: string;
  blocks: Block[];
}

export type SheetValue = string | number | null;

export interface Sheet {
  name: string;
  columns: { label: string; kind?: 'text' | 'int' | 'pct' }[];
  rows: SheetValue[][];
}

/** One delegate's certificate of attendance, in the delegate's language. */
export interface Certificate {
  lang: Lang;
  name: { primary: string; secondary: string | null };
  organisation: string | null;
  badgeNo: number;
  days: { date: string; sessions: { time: string; title: string }[] }[];
}

export interface ReportContent {
  pdf: PdfReport;
  sheets: Sheet[];
  /** Certificates are pages of their own instead of blocks. */
  certificates?: Certificate[];
}
