// An SVG logo drawn as vectors with svg-to-pdfkit, fitted and centred in a box. Only SVGs that passed
// event/svg-logo.ts are stored; the callbacks below are a second fence: no file is read, no other document loaded.
import type PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

const texts = new Map<string, string>();
/** The SVG's text for a stored logo (base64), decoded once per process. */
export function svgText(base64: string): string {
  let s = texts.get(base64);
  if (s === undefined) {
    if (texts.size > 4) texts.clear();
    s = Buffer.from(base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    texts.set(base64, s);
  }
  return s;
}

export function drawSvg(doc: Doc, svg: string, x: number, y: number, w: number, h: number): void {
  const registered = (doc as unknown as { _registeredFonts?: Record<string, unknown> })._registeredFonts ?? {};
  doc.save();
  SVGtoPDF(doc as unknown as typeof PDFDocument, svg, x, y, {
    width: w,
    height: h,
    preserveAspectRatio: 'xMidYMid meet',
    // Text in a logo: the badge's Noto Sans JP (Latin and Japanese) where the document has it, else Helvetica.
    fontCallback: (_family, bold) => (registered['jp-bold'] ? (bold ? 'jp-bold' : 'jp') : bold ? 'Helvetica-Bold' : 'Helvetica'),
    imageCallback: () => '',
    documentCallback: () => [],
    // Unsupported features (filters, say) are left out of the drawing rather than written to the console.
    warningCallback: () => undefined,
  });
  doc.restore();
}
