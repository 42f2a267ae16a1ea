// One report, from the event database to a file: figures read in one read transaction (one consistent snapshot,
// whatever devices keep merging meanwhile), then rendered as PDF, CSV or XLSX.
import type { Db } from '../../../db/open.js';
import { loadContext, type ReportContext } from './context.js';
import type { Lang, ReportContent } from './doc.js';
import { renderReportPdf, ReportPdf } from './pdf.js';
import { sheetsToCsv, sheetsToXlsx } from './sheets.js';
import { STRINGS } from './strings.js';
import type { ReportFormat, ReportKind } from '../../api/contract.js';
import { attendanceReport } from './kinds/attendance.js';
import { busManifestReport } from './kinds/bus-manifest.js';
import { noShowsReport } from './kinds/no-shows.js';
import { meetingsReport } from './kinds/meetings.js';
import { originReport } from './kinds/origin.js';
import { auditReport } from './kinds/audit.js';
import { certificatesReport } from './kinds/certificates.js';

export { REPORT_KINDS, REPORT_FORMATS } from '../../api/contract.js';
export type { ReportFormat } from '../../api/contract.js';

export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  lang: Lang;
  /** Certificates for these delegates only (ids); everyone who attended when absent. */
  delegateIds?: string[];
  /** When the report is made: the app's business time. */
  now: string;
}

export interface ReportFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

const BUILDERS: Record<ReportKind, (ctx: ReportContext, req: ReportRequest) => ReportContent> = {
  attendance: (ctx) => attendanceReport(ctx),
  'bus-manifest': (ctx) => busManifestReport(ctx),
  'no-shows': (ctx) => noShowsReport(ctx),
  meetings: (ctx) => meetingsReport(ctx),
  origin: (ctx) => originReport(ctx),
  audit: (ctx) => auditReport(ctx),
  certificates: (ctx, req) => certificatesReport(ctx, req.delegateIds),
};

export const MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The figures, read in one snapshot (call on a connection no one else writes through meanwhile). */
export function reportContent(db: Db, req: Pick<ReportRequest, 'kind' | 'lang' | 'now' | 'delegateIds'>): { ctx: ReportContext; content: ReportContent } {
  return db.transaction(() => {
    const ctx = loadContext(db, req.lang, req.now);
    return { ctx, content: BUILDERS[req.kind](ctx, { ...req, format: 'pdf' }) };
  })();
}

export async function buildReport(db: Db, req: ReportRequest, onProgress?: (done: number, total: number) => void): Promise<ReportFile> {
  const { ctx, content } = reportContent(db, req);
  const stamp = req.now.slice(0, 10);
  const fileName = `${req.kind}-${req.lang}-${stamp}.${req.format}`;
  const t = STRINGS[req.lang];
  if (req.format === 'csv') return { fileName, mime: MIME.csv, data: sheetsToCsv(content.sheets) };
  if (req.format === 'xlsx') {
    const about: [string, string][] = [
      [t.kinds[req.kind], ctx.eventName()],
      [ctx.eventVenue(), ctx.fmt.range(ctx.event.startsOn, ctx.event.endsOn)],
      [t.generated(ctx.fmt.dateTime(req.now)), t.timeZone(ctx.event.timezone)],
    ];
    return { fileName, mime: MIME.xlsx, data: await sheetsToXlsx(content.sheets, about) };
  }
  const meta = {
    t,
    eventName: ctx.eventName(),
    eventLine: `${ctx.fmt.range(ctx.event.startsOn, ctx.event.endsOn)} · ${ctx.eventVenue()}`,
    generated: ctx.fmt.dateTime(req.now),
    timeZone: ctx.event.timezone,
    onProgress,
  };
  if (content.certificates) return { fileName, mime: MIME.pdf, data: await certificatesPdf(ctx, content, meta) };
  return { fileName, mime: MIME.pdf, data: await renderReportPdf(content, meta) };
}

/** One page per delegate, each in the delegate's language (page chrome too). */
async function certificatesPdf(ctx: ReportContext, content: ReportContent, meta: Parameters<typeof renderReportPdf>[1]): Promise<Buffer> {
  const list = content.certificates ?? [];
  if (list.length === 0) return renderReportPdf(content, meta);
  const pdf = new ReportPdf(content.pdf.title, meta, list.length);
  const inLang = (lang: Lang) => {
    const c = lang === ctx.lang ? ctx : loadContext(ctx.db, lang, ctx.now);
    return { s: STRINGS[lang], name: c.eventName(), venue: c.eventVenue(), dates: c.fmt.range(ctx.event.startsOn, ctx.event.endsOn), generated: c.fmt.dateTime(ctx.now) };
  };
  const byLang = { en: inLang('en'), ja: inLang('ja') };
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const l = byLang[c.lang];
    pdf.certificate(c, l.s, l.name, { venue: l.venue, dates: l.dates, generated: l.generated }, `${ctx.event.id.slice(0, 12).toUpperCase()}-${c.badgeNo}`);
    if (i % 50 === 49) {
      meta.onProgress?.(i + 1, list.length);
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  meta.onProgress?.(list.length, list.length);
  return pdf.end();
}
