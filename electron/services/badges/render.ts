// Turns badge data into a PDF: one badge, or a batch (the whole list, a filtered group) on any stock.
import PDFDocument from 'pdfkit';
import { fonts, shapeLatinWithoutComposition, type FontName } from './fonts.js';
import type { BadgeData } from './badge-data.js';
import { cropMarks, drawBack, drawFront } from './draw.js';
import { sheetSlots, STOCK, type BadgeSize } from './sizes.js';

export interface RenderOptions {
  size: BadgeSize;
  /** Add the delegate's programme on the back (the next page; print duplex or fold). */
  back?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export function renderBadges(badges: BadgeData[], opts: RenderOptions): Promise<Buffer> {
  const stock = STOCK[opts.size];
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true, info: { Title: badges.length === 1 ? `Badge ${badges[0]!.badgeNo}` : `Badges (${badges.length})`, Creator: 'Uketsuke' } });
  useSharedFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const slots = sheetSlots(opts.size);
  const [bw, bh] = stock.badge;
  const timeFormat = badges[0] ? agendaTimeFormat(badges[0].event.timezone) : null;
  for (let i = 0; i < badges.length; i += slots.length) {
    const group = badges.slice(i, i + slots.length);
    doc.addPage({ size: stock.page, margin: 0 });
    group.forEach((b, k) => drawFront(doc, b, slots[k]!.x, slots[k]!.y, bw, bh));
    if (slots.length > 1) cropMarks(doc, slots.slice(0, group.length), bw, bh);
    if (opts.back && timeFormat) {
      doc.addPage({ size: stock.page, margin: 0 });
      // Mirrored columns so each back lands behind its front when the sheet is turned over its long edge.
      group.forEach((b, k) => {
        const s = slots[k]!;
        const mirroredX = slots.length > 1 ? stock.page[0] - s.x - bw : s.x;
        drawBack(doc, b, mirroredX, s.y, bw, bh, timeFormat);
      });
    }
    opts.onProgress?.(Math.min(i + slots.length, badges.length), badges.length);
  }
  doc.end();
  return done;
}

function agendaTimeFormat(timeZone: string): (iso: string) => string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (iso) => f.format(new Date(iso)).replace(',', '');
}

/** pdfkit internals used to share parsed fonts between documents (checked at run time, with a plain fallback). */
interface PdfKitFontInternals {
  _font: { constructor: new (doc: unknown, font: unknown, id: string) => unknown } | null;
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
}

/** Layouts (glyph runs) kept across documents, per font: a warm badge re-uses the event name, labels, role words. */
const layoutCaches = new Map<FontName, Record<string, unknown>>();
const MAX_CACHED_LAYOUTS = 20_000;


let embeddedFont: (new (doc: unknown, font: unknown, id: string) => unknown) | null | undefined;

/**
 * Registers the badge fonts on a document. pdfkit parses a font anew for every document (cmap, GSUB… ~10 ms per
 * face for Noto Sans JP); handing it the fontkit objects parsed once per process makes a warm badge several times
 * faster. pdfkit does not export its EmbeddedFont class, so it is taken from a probe document; should a pdfkit
 * version differ, fonts are registered the ordinary way.
 */
export function useSharedFonts(doc: InstanceType<typeof PDFDocument>): void {
  const f = fonts();
  const names = Object.keys(f) as FontName[];
  for (const name of names) doc.registerFont(name, f[name].data);
  if (embeddedFont === undefined) {
    try {
      const probe = new PDFDocument({ autoFirstPage: false }) as unknown as PdfKitFontInternals & InstanceType<typeof PDFDocument>;
      probe.registerFont('probe', f.latin.data).font('probe');
      embeddedFont = probe._font?.constructor ?? null;
    } catch {
      embeddedFont = null;
    }
  }
  const internals = doc as unknown as PdfKitFontInternals;
  if (!embeddedFont || typeof internals._fontFamilies !== 'object' || typeof internals._fontCount !== 'number') return;
  shapeLatinWithoutComposition(f);
  for (const name of names) {
    // fontkit caches glyph objects with the characters they were first met for; the subsetter of the previous
    // document creates component glyphs (the O inside Ó) with none, which would leave this document's "O"
    // without text. A fresh glyph cache per document keeps the parsed tables and drops that state.
    const glyphCache = f[name].font as unknown as { _glyphs?: Record<number, unknown> };
    if (glyphCache._glyphs && typeof glyphCache._glyphs === 'object') glyphCache._glyphs = {};
    const embedded = new embeddedFont(doc, f[name].font, `F${++internals._fontCount}`) as { layoutCache?: Record<string, unknown> };
    let cache = layoutCaches.get(name);
    if (!cache || Object.keys(cache).length > MAX_CACHED_LAYOUTS) layoutCaches.set(name, (cache = Object.create(null) as Record<string, unknown>));
    if ('layoutCache' in embedded) embedded.layoutCache = cache;
    internals._fontFamilies[name] = embedded;
  }
}
