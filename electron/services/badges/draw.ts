// Where a badge is drawn. One function per side, laid out from the badge's own size, so every stock (A6, CR80,
// 4×6 in, 4×3 in, sheets) shares the same rules: names shrink or wrap to fit, never overflow or get cut.
import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Role } from '../../api/contract.js';
import type { BadgeData } from './badge-data.js';
import { fontFor, latinShapedByFont, type FontName } from './fonts.js';
import { MM } from './sizes.js';
import { drawSvg, svgText } from './svg.js';

type Doc = InstanceType<typeof PDFDocument>;

export { ROLE_STYLE } from './roles.js';

const INK = '#1b1f2e';
const SOFT = '#4a5068';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface FitOptions {
  bold?: boolean;
  maxSize: number;
  minSize: number;
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
  color?: string;
  font?: FontName;
}

/**
 * Draws text in the largest size from maxSize down that fits the box in at most maxLines lines; returns the
 * height used. At minSize it wraps as much as needed rather than cut anything off.
 */
export function fitText(doc: Doc, text: string, box: Box, o: FitOptions): number {
  const font = o.font ?? fontFor(text, o.bold ?? false);
  const maxLines = o.maxLines ?? 1;
  const opts = { width: box.w, align: o.align ?? 'left', lineGap: 0, ...shaping(font) } as const;
  doc.font(font).fillColor(o.color ?? INK);
  let size = o.maxSize;
  for (; size > o.minSize; size -= 0.5) {
    doc.fontSize(size);
    if (maxLines === 1 ? doc.widthOfString(text, opts) <= box.w : fits(doc, text, box, opts, maxLines)) break;
  }
  doc.fontSize(Math.max(size, o.minSize));
  if (maxLines === 1 && doc.widthOfString(text, opts) <= box.w) {
    doc.text(text, box.x, box.y, { ...opts, lineBreak: false });
    return doc.currentLineHeight(true);
  }
  const h = doc.heightOfString(text, opts);
  doc.text(text, box.x, box.y, opts);
  return h;
}

function fits(doc: Doc, text: string, box: Box, opts: PDFKit.Mixins.TextOptions, maxLines: number): boolean {
  const h = doc.heightOfString(text, opts);
  return h <= box.h + 0.5 && h <= maxLines * doc.currentLineHeight(true) * 1.05 + 0.5 && longestWord(doc, text, opts) <= box.w;
}

/** A single word wider than the box would be broken mid-word: shrink instead. */
function longestWord(doc: Doc, text: string, opts: PDFKit.Mixins.TextOptions): number {
  return Math.max(...text.split(/\s+/).map((w) => doc.widthOfString(w, opts)));
}

/**
 * Latin text is shaped without glyph composition (ccmp): Noto Sans would split ị into i + a combining dot, and
 * pdfkit's text layer maps a glyph to the characters it first stood for, so copy-paste and search would read
 * "Thi" for "Thị" — or "Vịet" for "Viet". Precomposed glyphs keep the PDF's text exactly the name.
 */
export function shaping(font: FontName): { features?: PDFKit.Mixins.TextOptions['features'] } {
  // When the shared fonts already shape this way (render.ts), the option is left out so pdfkit can cache layouts.
  if (latinShapedByFont || !font.startsWith('latin')) return {};
  return { features: { ccmp: false } as unknown as PDFKit.Mixins.TextOptions['features'] };
}

/** QR modules drawn as vector rectangles: crisp at any printer resolution. */
export function drawQr(doc: Doc, token: string, x: number, y: number, size: number): void {
  // Alphanumeric mode stated outright: the token is [0-9A-Z] only, and segment optimisation costs time per badge.
  const qr = QRCode.create([{ data: token, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  // The full four-module quiet zone: badges sit edge to edge on sheets, and a scanner needs the margin.
  const quiet = 4;
  const cell = size / (n + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell + 0.01, cell + 0.01);
    }
  }
  doc.fill().restore();
}

function roleBand(doc: Doc, b: BadgeData, box: Box): void {
  const s = b.brand;
  doc.rect(box.x, box.y, box.w, box.h).fill(s.colour);
  const size = Math.min(box.h * 0.5, 20);
  const en = s.label;
  const ja = s.labelJa;
  // The organisers' words may be long: both shrink together until they fit the band with a margin.
  let k = 1;
  const widths = (f: number) => {
    const enFont = fontFor(en, true);
    doc.font(enFont).fontSize(size * f);
    const enW = en ? doc.widthOfString(en, { characterSpacing: size * f * 0.12 }) : 0;
    doc.font(fontFor(ja, true)).fontSize(size * 0.85 * f);
    const jaW = ja && ja !== en ? doc.widthOfString(ja) : 0;
    return { enW, jaW, gap: enW && jaW ? size * f * 0.9 : 0 };
  };
  let w = widths(k);
  while (k > 0.4 && w.enW + w.gap + w.jaW > box.w * 0.92) w = widths((k -= 0.05));
  let x = box.x + (box.w - w.enW - w.gap - w.jaW) / 2;
  const y = box.y + (box.h - size * k) / 2;
  if (en) doc.font(fontFor(en, true)).fontSize(size * k).fillColor('#ffffff').text(en, x, y, { lineBreak: false, characterSpacing: size * k * 0.12 });
  x += w.enW + w.gap;
  if (w.jaW) doc.font(fontFor(ja, true)).fontSize(size * 0.85 * k).fillColor('#ffffff').text(ja, x, y + size * k * 0.05, { lineBreak: false });
}

/** Logos drawn once per document: pdfkit embeds an image object per buffer, shared by every badge that uses it. */
const logoBuffers = new Map<string, Buffer>();
function logoBuffer(base64: string): Buffer {
  let buf = logoBuffers.get(base64);
  if (!buf) {
    if (logoBuffers.size > 4) logoBuffers.clear();
    buf = Buffer.from(base64, 'base64');
    logoBuffers.set(base64, buf);
  }
  return buf;
}

/** The logo as one image object per document: pdfkit embeds a Buffer anew each time it is drawn, so a sheet or a
 * batch of a thousand badges would carry a thousand copies. */
const docLogos = new WeakMap<Doc, { base64: string; image: unknown }>();
function logoImage(doc: Doc, base64: string): Buffer {
  let e = docLogos.get(doc);
  if (!e || e.base64 !== base64) {
    e = { base64, image: (doc as unknown as { openImage(src: Buffer): unknown }).openImage(logoBuffer(base64)) };
    docLogos.set(doc, e);
  }
  // pdfkit draws an opened image (an object with width and height) as it is; the type says Buffer.
  return e.image as Buffer;
}

/** The logo on a white tile (a dark or transparent logo stays visible on the dark header); answers the width used. */
function logo(doc: Doc, b: BadgeData, x: number, y: number, h: number): number {
  const l = b.brand.logo;
  if (!l) return 0;
  const pad = h * 0.08;
  const w = Math.min(h * 2.4, Math.max(h * 0.8, (h - pad * 2) * (l.width / l.height) + pad * 2));
  doc.save().roundedRect(x, y, w, h, Math.min(3, h * 0.1)).fill('#ffffff').restore();
  // An SVG is drawn as vectors on each badge (pdfkit has no reusable vector object); a PNG is one shared image.
  if (l.mime === 'image/svg+xml') drawSvg(doc, svgText(l.base64), x + pad, y + pad, w - pad * 2, h - pad * 2);
  else doc.image(logoImage(doc, l.base64), x + pad, y + pad, { fit: [w - pad * 2, h - pad * 2], align: 'center', valign: 'center' });
  return w;
}

/** The sponsor line, small and centred above the role band. */
function sponsorLine(doc: Doc, b: BadgeData, box: Box): void {
  if (!b.brand.sponsor) return;
  fitText(doc, b.brand.sponsor, box, { maxSize: Math.min(box.h * 0.8, 8), minSize: 4, align: 'center', color: SOFT });
}

function header(doc: Doc, b: BadgeData, box: Box, compact: boolean): void {
  doc.rect(box.x, box.y, box.w, box.h).fill('#1f2a5c');
  doc.rect(box.x, box.y + box.h - 2, box.w, 2).fill('#c8372d');
  const pad = box.h * 0.14;
  const logoW = logo(doc, b, box.x + pad * 1.4, box.y + pad, box.h - pad * 2 - 2);
  const inner = { x: box.x + pad * 1.4 + (logoW ? logoW + pad : 0), w: box.w - pad * 2.8 - (logoW ? logoW + pad : 0) };
  let y = box.y + pad;
  y += fitText(doc, b.event.name, { ...inner, y, h: box.h * 0.4 }, { bold: true, maxSize: compact ? 8 : 11, minSize: 5, maxLines: compact ? 1 : 2, color: '#ffffff' });
  if (b.event.nameJa && !compact) y += fitText(doc, b.event.nameJa, { ...inner, y: y + 1, h: box.h * 0.25 }, { maxSize: 8, minSize: 5, color: '#e6e8f2' }) + 1;
  fitText(doc, `${b.event.dates} · ${b.event.venue}`, { ...inner, y: Math.max(y + 1, box.y + box.h - pad - 8), h: 10 }, { maxSize: compact ? 6 : 7.5, minSize: 4.5, color: '#cfd3e6' });
}

/** The name block: kanji large with the romanised name under it, or "Given" over "FAMILY". Returns its height. */
function nameBlock(doc: Doc, b: BadgeData, box: Box, scale: number, align: 'left' | 'center'): number {
  let y = box.y;
  if (b.nameKanji) {
    y += fitText(doc, b.nameKanji, { ...box, y, h: 44 * scale }, { bold: true, maxSize: 40 * scale, minSize: 12, align });
    y += 2 * scale;
    y += fitText(doc, `${b.familyName.toLocaleUpperCase('en')} ${b.givenName}`, { ...box, y, h: 20 * scale }, { bold: true, maxSize: 15 * scale, minSize: 6, align, color: SOFT });
  } else {
    y += fitText(doc, b.givenName, { ...box, y, h: 34 * scale }, { bold: true, maxSize: 28 * scale, minSize: 8, align, maxLines: 2 });
    y += fitText(doc, b.familyName.toLocaleUpperCase('en'), { ...box, y, h: 60 * scale }, { bold: true, maxSize: 28 * scale, minSize: 7, align, maxLines: 2 });
  }
  return y - box.y;
}

export function drawFront(doc: Doc, b: BadgeData, x: number, y: number, w: number, h: number): void {
  doc.save().rect(x, y, w, h).clip();
  doc.rect(x, y, w, h).fill('#ffffff');
  const landscape = w > h;
  const pad = 5 * MM * Math.min(1, w / (100 * MM));
  const bandH = landscape ? h * 0.14 : h * 0.085;
  const headH = landscape ? h * 0.2 : h * 0.15;
  header(doc, b, { x, y, w, h: headH }, landscape);
  roleBand(doc, b, { x, y: y + h - bandH, w, h: bandH });
  const sponsorH = b.brand.sponsor ? Math.max(7, h * (landscape ? 0.06 : 0.04)) : 0;
  if (landscape) {
    const qr = Math.min(h - headH - bandH - sponsorH - pad * 1.4, w * 0.38);
    const qrX = x + w - pad - qr;
    const qrY = y + headH + (h - headH - bandH - sponsorH - qr) / 2;
    drawQr(doc, b.token, qrX, qrY, qr);
    const textBox = { x: x + pad, y: y + headH + pad * 0.8, w: qrX - x - pad * 1.8, h: h - headH - bandH - sponsorH - pad };
    const scale = Math.min(1, h / (76 * MM)) * 0.72;
    let cy = textBox.y + nameBlock(doc, b, { ...textBox }, scale, 'left') + pad * 0.5;
    if (b.organisation) cy += fitText(doc, b.organisation, { ...textBox, y: cy, h: 24 * scale }, { maxSize: 10 * scale + 1, minSize: 5, maxLines: 2 }) + 1;
    if (b.place) fitText(doc, b.place, { ...textBox, y: cy, h: 10 }, { maxSize: 8 * scale + 1, minSize: 4.5, color: SOFT });
    badgeNumber(doc, b, qrX, qrY + qr, qr);
  } else {
    const scale = w / (105 * MM);
    const box = { x: x + pad, y: y + headH + pad * 1.2, w: w - pad * 2, h: h * 0.3 };
    let cy = box.y + nameBlock(doc, b, box, scale, 'center') + pad * 0.6;
    if (b.organisation) cy += fitText(doc, b.organisation, { ...box, y: cy, h: 40 * scale }, { maxSize: 13 * scale, minSize: 6, maxLines: 3, align: 'center' }) + 2;
    if (b.place) fitText(doc, b.place, { ...box, y: cy, h: 14 }, { maxSize: 10.5 * scale, minSize: 5, align: 'center', color: SOFT });
    const qr = Math.min(w * 0.42, 44 * MM);
    const qrY = y + h - bandH - sponsorH - qr - pad * 1.4;
    drawQr(doc, b.token, x + (w - qr) / 2, qrY, qr);
    badgeNumber(doc, b, x + (w - qr) / 2, qrY + qr, qr);
  }
  if (sponsorH) sponsorLine(doc, b, { x: x + pad, y: y + h - bandH - sponsorH - (landscape ? 1 : pad * 0.3), w: w - pad * 2, h: sponsorH });
  doc.restore();
}

function badgeNumber(doc: Doc, b: BadgeData, x: number, y: number, w: number): void {
  doc.font('latin').fontSize(5.5).fillColor(SOFT).text(`No. ${b.badgeNo}${b.issue > 1 ? ` · reissue ${b.issue}` : ''}`, x, y + 0.5, { width: w, align: 'center', lineBreak: false });
}

/** The back: the delegate's own programme (sessions, Day 2 meetings with table and counterpart, bus). */
export function drawBack(doc: Doc, b: BadgeData, x: number, y: number, w: number, h: number, formatTime: (iso: string) => string): void {
  doc.save().rect(x, y, w, h).clip();
  doc.rect(x, y, w, h).fill('#ffffff');
  const pad = 5 * MM * Math.min(1, w / (100 * MM));
  const headH = Math.max(h * 0.1, 18);
  doc.rect(x, y, w, headH).fill(b.brand.colour);
  const title = `${b.nameKanji ?? `${b.givenName} ${b.familyName}`}`;
  fitText(doc, title, { x: x + pad, y: y + headH * 0.22, w: w * 0.6 - pad, h: headH * 0.6 }, { bold: true, maxSize: Math.min(headH * 0.5, 14), minSize: 5, color: '#ffffff' });
  fitText(doc, 'My programme · マイプログラム', { x: x + w * 0.6, y: y + headH * 0.3, w: w * 0.4 - pad, h: headH * 0.5 }, { font: 'jp-bold', maxSize: Math.min(headH * 0.4, 11), minSize: 4, align: 'right', color: '#ffffff' });
  const area = { x: x + pad, y: y + headH + pad * 0.6, w: w - pad * 2, h: h - headH - pad * 1.6 };
  const rows = b.agenda.map((a) => ({ when: formatTime(a.startsAt), what: a.where ? `${a.titleJa && b.nameKanji ? a.titleJa : a.title} — ${a.where}` : (a.titleJa && b.nameKanji ? a.titleJa : a.title) }));
  if (rows.length === 0) rows.push({ when: '', what: 'Programme at the registration desk · 受付にてご案内します' });
  // Largest size at which every row fits; below the minimum, the rest is counted instead of cut.
  const whenW = (s: number) => s * 7.2;
  let size = 9;
  for (; size > 5; size -= 0.25) {
    let total = 0;
    for (const r of rows) total += heightOf(doc, r.what, area.w - whenW(size), size) + size * 0.35;
    if (total <= area.h) break;
  }
  let cy = area.y;
  let shown = 0;
  for (const r of rows) {
    const rowH = heightOf(doc, r.what, area.w - whenW(size), size);
    if (cy + rowH > area.y + area.h - size * 1.4 && shown < rows.length - 1) break;
    doc.font('latin-bold').fontSize(size).fillColor(INK).text(r.when, area.x, cy, { width: whenW(size) - 3, lineBreak: false });
    const font = fontFor(r.what, false);
    doc.font(font).fontSize(size).fillColor(INK).text(r.what, area.x + whenW(size), cy, { width: area.w - whenW(size), ...shaping(font) });
    cy += rowH + size * 0.35;
    shown++;
  }
  if (shown < rows.length) doc.font('latin').fontSize(size).fillColor(SOFT).text(`+ ${rows.length - shown} more at the desk`, area.x, cy, { width: area.w, lineBreak: false });
  doc.restore();
}

function heightOf(doc: Doc, text: string, width: number, size: number): number {
  const font = fontFor(text, false);
  return doc.font(font).fontSize(size).heightOfString(text, { width, ...shaping(font) });
}

/** Crop marks in the sheet margins at both ends of every cut line. */
export function cropMarks(doc: Doc, slots: { x: number; y: number }[], bw: number, bh: number): void {
  const xs = [...new Set(slots.flatMap((s) => [s.x, s.x + bw]))];
  const ys = [...new Set(slots.flatMap((s) => [s.y, s.y + bh]))];
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const gap = 1.5 * MM;
  const len = (space: number) => Math.max(0, Math.min(6 * MM, space - gap - 0.5 * MM));
  doc.save().lineWidth(0.3).strokeColor('#000000');
  for (const x of xs) {
    doc.moveTo(x, top - gap).lineTo(x, top - gap - len(top)).stroke();
    doc.moveTo(x, bottom + gap).lineTo(x, bottom + gap + len(doc.page.height - bottom)).stroke();
  }
  for (const y of ys) {
    doc.moveTo(left - gap, y).lineTo(left - gap - len(left), y).stroke();
    doc.moveTo(right + gap, y).lineTo(right + gap + len(doc.page.width - right), y).stroke();
  }
  doc.restore();
}
