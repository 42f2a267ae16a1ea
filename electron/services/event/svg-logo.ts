// An SVG logo is checked before it is stored or drawn. The badge renderer (svg-to-pdfkit) would follow links to other
// files and images, so anything that reaches outside the file, runs code or defines entities is refused by name, in the
// user's language: <script>, <foreignObject>, <image>, event attributes (onload=…), an href that is not "#id", url()
// that is not url(#id), @import, a DOCTYPE or ENTITY, a stylesheet processing instruction. The logo must also say
// its size (viewBox, else width and height) so the badge can keep its proportions. Its size as drawn is bounded too,
// counted after <use> is expanded (drawnSize): the same check runs on an uploaded logo and on one that arrives in a
// synced `branding.changed` (trust/entry-rules.ts).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LogoProblem } from '../../api/contract.js';

export type SvgCheck = { ok: true; width: number; height: number } | { ok: false; code: LogoProblem; values: Record<string, string | number> };

/** Whether the bytes are an SVG (by name or by content), so the PNG checks are not applied to it. */
export function looksLikeSvg(fileName: string, bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /\.svgz?$/i.test(fileName) || head.startsWith('<svg') || (head.startsWith('<?xml') || head.startsWith('<!--') || head.startsWith('<!doctype')) && head.includes('<svg');
}

const FORBIDDEN = new Set(['script', 'foreignobject', 'image', 'feimage', 'iframe', 'object', 'embed', 'audio', 'video', 'handler', 'listener']);

/** Character references decoded, so `&#117;rl(` and `url(` are the same thing to the checks. */
function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(parseInt(d, 10), 0x10ffff)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The first url(…) that points outside the file, if any (CSS escapes and comments folded away first). */
function externalUrl(value: string): string | null {
  const v = decode(value).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff))).replace(/\\(.)/g, '$1');
  if (/@import/i.test(v)) return '@import';
  for (const m of v.matchAll(/url\s*\(\s*(['"]?)\s*([^)'"]*)/gi)) {
    if (!m[2]!.startsWith('#')) return `url(${m[2]!.slice(0, 60)})`;
  }
  return null;
}

const UNIT: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };
function length(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in)?\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]) * UNIT[(m[2] ?? '').toLowerCase()]!;
  return Number.isFinite(n) && n > 0 ? n : null;
}

type Node = Record<string, unknown>;

/**
 * What the renderer draws is the tree after `<use>` (and every `href="#id"` / `url(#id)`) is expanded: a 1.4 KB file
 * of ten `<use>` per level, five levels deep, is 100 000 elements and froze a desk for ten seconds per badge. Both
 * limits are counted after expansion; a reference cycle is refused too.
 */
export const SVG_LIMITS = { drawnElements: 20_000, nesting: 100 } as const;

interface El {
  children: El[];
  refs: string[];
}

/** Elements drawn and nesting after expansion, or what is too much; linear in the file (each id counted once). */
export function drawnSize(tree: readonly Node[], limits: { drawnElements: number; nesting: number } = SVG_LIMITS): { ok: true; elements: number; nesting: number } | { ok: false; what: string } {
  const ids = new Map<string, El>();
  const build = (nodes: readonly Node[]): El[] => {
    const out: El[] = [];
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@' || key.startsWith('#') || key.startsWith('?')) continue;
        const attrs = (node[':@'] ?? {}) as Record<string, string>;
        const refs: string[] = [];
        for (const [name, raw] of Object.entries(attrs)) {
          const val = decode(String(raw)).trim();
          if (name.toLowerCase().replace(/^.*:/, '') === 'href' && val.startsWith('#')) refs.push(val.slice(1));
          for (const m of val.matchAll(/url\s*\(\s*['"]?\s*#([^)'"\s]*)/gi)) refs.push(m[1]!);
        }
        const el: El = { children: build(value as Node[]), refs };
        if (typeof attrs.id === 'string' && !ids.has(attrs.id)) ids.set(attrs.id, el);
        out.push(el);
      }
    }
    return out;
  };
  const top = build(tree);
  const memo = new Map<El, { elements: number; nesting: number }>();
  const open = new Set<El>();
  let refused: string | null = null;
  const size = (el: El, depth: number): { elements: number; nesting: number } => {
    const known = memo.get(el);
    if (known) return known;
    if (open.has(el)) { refused ??= 'a <use> that refers to itself'; return { elements: 0, nesting: 0 }; }
    if (depth > limits.nesting) { refused ??= `nesting deeper than ${limits.nesting} after <use> is expanded`; return { elements: 0, nesting: 0 }; }
    open.add(el);
    let elements = 1;
    let nesting = 0;
    const add = (child: El) => {
      const s = size(child, depth + 1);
      elements = Math.min(elements + s.elements, limits.drawnElements + 1);
      nesting = Math.max(nesting, s.nesting);
    };
    for (const child of el.children) { if (refused) break; add(child); }
    for (const ref of el.refs) { if (refused) break; const target = ids.get(ref); if (target) add(target); }
    open.delete(el);
    const result = { elements, nesting: nesting + 1 };
    memo.set(el, result);
    return result;
  };
  let elements = 0;
  let nesting = 0;
  for (const el of top) {
    const s = size(el, 1);
    elements = Math.min(elements + s.elements, limits.drawnElements + 1);
    nesting = Math.max(nesting, s.nesting);
    if (refused) return { ok: false, what: refused };
  }
  if (nesting > limits.nesting) return { ok: false, what: `nesting deeper than ${limits.nesting} after <use> is expanded` };
  if (elements > limits.drawnElements) return { ok: false, what: `more than ${limits.drawnElements} drawn elements after <use> is expanded` };
  return { ok: true, elements, nesting };
}

export function inspectSvg(fileName: string, bytes: Buffer): SvgCheck {
  const file = fileName.slice(0, 100);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { ok: false, code: 'svg_invalid', values: { file } };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const unsafe = (what: string): SvgCheck => ({ ok: false, code: 'svg_unsafe', values: { what: what.slice(0, 80) } });
  if (/<!DOCTYPE/i.test(text)) return unsafe('<!DOCTYPE>');
  if (/<!ENTITY/i.test(text)) return unsafe('<!ENTITY>');
  if (XMLValidator.validate(text, { allowBooleanAttributes: true }) !== true) return { ok: false, code: 'svg_invalid', values: { file } };
  let tree: Node[];
  try {
    tree = new XMLParser({
      preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', allowBooleanAttributes: true,
      processEntities: false, parseTagValue: false, parseAttributeValue: false, trimValues: false, cdataPropName: '#cdata',
      commentPropName: '#comment', ignoreDeclaration: false, ignorePiTags: false,
    }).parse(text) as Node[];
  } catch {
    return { ok: false, code: 'svg_invalid', values: { file } };
  }
  let root: { attrs: Record<string, string> } | null = null;
  let problem: SvgCheck | null = null;
  let depth = 0;
  const walk = (nodes: Node[]): void => {
    if (++depth > 200) problem ??= { ok: false, code: 'svg_invalid', values: { file } };
    for (const node of nodes) {
      if (problem) return;
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@' || key === '#comment') continue;
        if (key === '#text' || key === '#cdata') {
          const body = key === '#cdata' ? (value as Node[]).map((n) => String(n['#text'] ?? '')).join('') : String(value);
          const url = externalUrl(body);
          if (url) problem = unsafe(url);
          continue;
        }
        if (key.startsWith('?')) {
          if (key !== '?xml') problem = unsafe(`<${key}>`);
          continue;
        }
        const local = key.toLowerCase().replace(/^.*:/, '');
        if (FORBIDDEN.has(local)) { problem = unsafe(`<${key}>`); return; }
        if (!root) {
          if (local !== 'svg') { problem = { ok: false, code: 'svg_invalid', values: { file } }; return; }
          root = { attrs };
        }
        for (const [name, raw] of Object.entries(attrs)) {
          const attr = name.toLowerCase().replace(/^.*:/, '');
          const val = decode(String(raw)).trim();
          if (attr.startsWith('on')) { problem = unsafe(`${name}=`); return; }
          if (attr === 'href' && !val.startsWith('#')) { problem = unsafe(`${name}="${val.slice(0, 60)}"`); return; }
          const url = externalUrl(val);
          if (url) { problem = unsafe(url); return; }
        }
        walk(value as Node[]);
      }
    }
    depth--;
  };
  walk(tree);
  if (problem) return problem;
  if (!root) return { ok: false, code: 'svg_invalid', values: { file } };
  const drawn = drawnSize(tree);
  if (!drawn.ok) return unsafe(drawn.what);
  const attrs = (root as { attrs: Record<string, string> }).attrs;
  const vb = typeof attrs.viewBox === 'string' ? attrs.viewBox.trim().split(/[\s,]+/).map(Number) : null;
  if (vb && vb.length === 4 && vb.every(Number.isFinite) && vb[2]! > 0 && vb[3]! > 0) return { ok: true, width: vb[2]!, height: vb[3]! };
  const w = length(attrs.width);
  const h = length(attrs.height);
  if (w && h) return { ok: true, width: w, height: h };
  return { ok: false, code: 'svg_no_size', values: {} };
}
