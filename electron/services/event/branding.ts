// Badge branding: the title in both languages, a logo, role colours and words, a sponsor line. Stored as
// `branding.changed` entries (settings rows, last writer wins per field), so every station prints the same badge.
// A logo is checked before it is written: a PNG of at most LOGO_BYTES and LOGO_PIXELS, or an SVG of at most SVG_BYTES
// that reaches nothing outside itself (svg-logo.ts); either must be drawable by the badge renderer — a refusal writes
// nothing.
import { ROLES, type Branding, type BrandingView, type LogoProblem, type Role, type RoleBrand } from '../../api/contract.js';
import { AA_TEXT, contrast, HEX_COLOUR } from '../model/contrast.js';
import { ROLE_STYLE } from '../badges/roles.js';
import type { Core } from '../core.js';
import { inspectSvg, looksLikeSvg } from './svg-logo.js';
import { drawSvg } from '../badges/svg.js';
import type { PayloadOf } from '../replication/entries.js';

export const LOGO_BYTES = 200 * 1024;
export const LOGO_SIDE = 2000;
export const LOGO_PIXELS = 2_000_000;
/** An SVG is drawn anew on every badge (pdfkit cannot reuse vector drawings), so a sheet grows with it: 400 badges
 * with a 90 KB SVG of 1,650 paths made a 12.6 MB PDF in 59 s; 39 KB (717 paths) made 6.1 MB in 26 s,
 * hence the cap. */
export const SVG_BYTES = 40 * 1024;
const LIMITS = { logoBytes: LOGO_BYTES, logoPixels: LOGO_PIXELS, logoSide: LOGO_SIDE, svgBytes: SVG_BYTES };

export interface BrandingInput {
  title?: string | null;
  titleJa?: string | null;
  sponsor?: string | null;
  logo?: { fileName: string; base64: string } | null;
  roles?: Partial<Record<Role, { colour?: string; label?: string; labelJa?: string }>>;
  dryRun?: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A logo file's problem, or its size in pixels. Reads the header only: the drawability check is `drawable`. */
export function inspectLogo(fileName: string, bytes: Buffer): { ok: true; mime: 'image/png' | 'image/svg+xml'; width: number; height: number } | { ok: false; code: LogoProblem; values: Record<string, string | number> } {
  if (looksLikeSvg(fileName, bytes)) {
    if (bytes.length > SVG_BYTES) return { ok: false, code: 'too_many_bytes', values: { kb: Math.ceil(bytes.length / 1024), max: SVG_BYTES / 1024 } };
    const svg = inspectSvg(fileName, bytes);
    if (!svg.ok) return svg;
    // Whole numbers in the proportions of the drawing (the entry keeps integers): the longer side is 1000.
    const k = 1000 / Math.max(svg.width, svg.height);
    return { ok: true, mime: 'image/svg+xml', width: Math.max(1, Math.round(svg.width * k)), height: Math.max(1, Math.round(svg.height * k)) };
  }
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return { ok: false, code: 'not_an_image', values: { file: fileName.slice(0, 100) } };
  if (bytes.length > LOGO_BYTES) return { ok: false, code: 'too_many_bytes', values: { kb: Math.ceil(bytes.length / 1024), max: LOGO_BYTES / 1024 } };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > LOGO_SIDE || height > LOGO_SIDE || width * height > LOGO_PIXELS) {
    return { ok: false, code: 'too_many_pixels', values: { width, height, side: LOGO_SIDE, megapixels: LOGO_PIXELS / 1_000_000 } };
  }
  return { ok: true, mime: 'image/png', width, height };
}

/** Whether pdfkit can draw the PNG (a corrupt or exotic file would otherwise fail every badge print later). */
async function drawable(bytes: Buffer, mime: 'image/png' | 'image/svg+xml'): Promise<boolean> {
  const { default: PDFDocument } = await import('pdfkit');
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.addPage({ size: [100, 100] });
    if (mime === 'image/svg+xml') drawSvg(doc, bytes.toString('utf8'), 0, 0, 50, 50);
    else doc.image(bytes, 0, 0, { fit: [50, 50] });
    doc.end();
    return true;
  } catch {
    return false;
  }
}

export class BrandingStore {
  private cached: Branding | null = null;

  constructor(private readonly core: Core) {
    core.replica.onApplied((types) => {
      if (types.has('branding.changed')) this.cached = null;
    });
  }

  get(): Branding {
    if (this.cached) return this.cached;
    const rows = this.core.db.prepare("SELECT key, value FROM setting WHERE key LIKE 'branding.%'").all() as { key: string; value: string }[];
    const v = new Map(rows.map((r) => [r.key.slice('branding.'.length), JSON.parse(r.value) as unknown]));
    const str = (k: string) => (typeof v.get(k) === 'string' && (v.get(k) as string).trim() ? (v.get(k) as string) : null);
    const roles = Object.fromEntries(
      ROLES.map((r): [Role, RoleBrand] => [r, {
        colour: str(`role.${r}.colour`) ?? ROLE_STYLE[r].color,
        label: str(`role.${r}.label`) ?? ROLE_STYLE[r].en,
        labelJa: str(`role.${r}.labelJa`) ?? ROLE_STYLE[r].ja,
      }]),
    ) as Record<Role, RoleBrand>;
    this.cached = { title: str('title'), titleJa: str('titleJa'), sponsor: str('sponsor'), logo: (v.get('logo') as Branding['logo']) ?? null, roles };
    return this.cached;
  }

  view(): BrandingView {
    const branding = this.get();
    return { branding, warnings: warningsFor(branding), refused: null, saved: false, limits: LIMITS };
  }

  /** Checks a change and (unless a dry run) writes it as one entry; answers the branding as it is (or would be). */
  async set(input: BrandingInput): Promise<BrandingView> {
    const current = this.get();
    const fields: PayloadOf<'branding.changed'>['fields'] = {};
    const clean = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);
    if (input.title !== undefined) fields.title = clean(input.title) ?? null;
    if (input.titleJa !== undefined) fields.titleJa = clean(input.titleJa) ?? null;
    if (input.sponsor !== undefined) fields.sponsor = clean(input.sponsor) ?? null;
    const refuse = (code: LogoProblem | 'bad_colour', values: Record<string, string | number>): BrandingView => ({ ...this.view(), refused: { code, values } });
    if (input.roles) {
      const roles: NonNullable<typeof fields.roles> = {};
      for (const [role, f] of Object.entries(input.roles) as [Role, { colour?: string; label?: string; labelJa?: string }][]) {
        const out: { colour?: string; label?: string; labelJa?: string } = {};
        if (f.colour !== undefined) {
          if (!HEX_COLOUR.test(f.colour.trim())) return refuse('bad_colour', { colour: f.colour.slice(0, 20) });
          out.colour = f.colour.trim().toLowerCase();
        }
        // An emptied label goes back to the role's standard word.
        if (f.label !== undefined) out.label = f.label.trim() || ROLE_STYLE[role].en;
        if (f.labelJa !== undefined) out.labelJa = f.labelJa.trim() || ROLE_STYLE[role].ja;
        roles[role] = out;
      }
      fields.roles = roles;
    }
    if (input.logo === null) fields.logo = null;
    else if (input.logo) {
      const bytes = Buffer.from(input.logo.base64, 'base64');
      const seen = inspectLogo(input.logo.fileName, bytes);
      if (!seen.ok) return refuse(seen.code, seen.values);
      if (!(await drawable(bytes, seen.mime))) return refuse('unreadable', { file: input.logo.fileName.slice(0, 100) });
      fields.logo = { mime: seen.mime, base64: bytes.toString('base64'), width: seen.width, height: seen.height };
    }
    const next: Branding = {
      title: fields.title !== undefined ? fields.title : current.title,
      titleJa: fields.titleJa !== undefined ? fields.titleJa : current.titleJa,
      sponsor: fields.sponsor !== undefined ? fields.sponsor : current.sponsor,
      logo: fields.logo !== undefined ? fields.logo : current.logo,
      roles: Object.fromEntries(ROLES.map((r) => [r, { ...current.roles[r], ...fields.roles?.[r] }])) as Record<Role, RoleBrand>,
    };
    if (input.dryRun) return { branding: next, warnings: warningsFor(next), refused: null, saved: false, limits: LIMITS };
    if (Object.keys(fields).length) {
      this.core.tx(() => this.core.commit('branding.changed', { fields, at: this.core.nowIso() }));
      this.cached = null;
    }
    return { ...this.view(), saved: true };
  }
}

function warningsFor(b: Branding): BrandingView['warnings'] {
  return ROLES.map((role) => ({ code: 'low_contrast' as const, role, ratio: Math.round(contrast('#ffffff', b.roles[role].colour) * 100) / 100 })).filter((w) => w.ratio < AA_TEXT);
}
