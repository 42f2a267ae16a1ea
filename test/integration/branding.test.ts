// Badge branding as the printed badge shows it: the organisers' title in both languages, their logo, role colours
// and words, and a sponsor line on every size; a logo checked for kind and size with a reason; branding that
// reaches another station through the log like any other change. Read back with poppler and zbar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { BADGE_SIZES } from '../../electron/services/badges/sizes.js';
import { LOGO_BYTES, SVG_BYTES } from '../../electron/services/event/branding.js';
import { tempDir } from '../helpers.js';
import { makePng, sampleLogo, sampleSvg } from '../fixtures/logo.js';
import { pdfWords, qrCodesOn } from './pdf-tools.js';
import { tempDir as pngDir } from '../helpers.js';

let app: Uketsuke;
const dir = tempDir('uketsuke-branding-');
let SPEAKER = '';

beforeAll(() => {
  app = Uketsuke.open(path.join(dir, 'event.db'));
  buildDemo(app);
  // A Japanese delegate: the badge has both titles and a kanji name.
  SPEAKER = app.core.db.prepare("SELECT email FROM delegate WHERE role = 'delegate' AND family_name_kanji IS NOT NULL AND email IS NOT NULL LIMIT 1").pluck().get() as string;
});
afterAll(() => app.close());

const images = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);

describe('badge branding', () => {
  it('title (both languages), logo, role words and sponsor line on every badge size; the QR still scans', async () => {
    const view = await app.branding.set({
      title: 'Kansai Clusters Forum 2027', titleJa: '関西クラスターフォーラム2027', sponsor: 'Supported by Region Grand Est · 協賛 関西経済連合会',
      logo: { fileName: 'logo.png', base64: sampleLogo().toString('base64') },
      roles: { delegate: { label: 'PARTICIPANT', labelJa: '参加者様', colour: '#0b5d1e' } },
    });
    expect(view.saved).toBe(true);
    expect(view.refused).toBeNull();
    expect(view.branding.logo).toMatchObject({ mime: 'image/png', width: 360, height: 120 });
    for (const size of BADGE_SIZES) {
      const file = path.join(dir, `branded-${size}.pdf`);
      fs.writeFileSync(file, await app.badges.pdf(SPEAKER, { size }));
      const words = pdfWords(file);
      expect(words, size).toContain('Kansai Clusters Forum 2027');
      expect(words, size).toContain('Supported by Region Grand Est');
      // Role words are letter-spaced: poppler reads them with spaces.
      expect(words.replace(/ /g, ''), size).toContain('PARTICIPANT');
      expect(words, size).toContain('参加者様');
      if (size !== 'cr80' && size !== '4x3in' && size !== 'a4-sheet') expect(words, size).toContain('関西クラスターフォーラム2027');
      expect(words, size).not.toContain('EU-Japan Clusters');
      // The logo is one image (with its transparency as a soft mask).
      expect(images(file).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l)), size).toHaveLength(1);
      expect(qrCodesOn(file, 1, size === 'cr80' ? 300 : 150), size).toEqual([app.delegates.tokenFor(app.delegates.findByIdOrEmail(SPEAKER)!)]);
    }
  });

  it('a sheet or a batch carries the logo once, however many badges it holds', async () => {
    const file = path.join(dir, 'sheet.pdf');
    const { pdf, count } = await app.badges.batch({ country: 'Japan' }, { size: 'a4-sheet' });
    expect(count).toBeGreaterThan(6);
    fs.writeFileSync(file, pdf);
    const drawn = images(file).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    expect(drawn.length).toBe(count);
    // pdfimages lists every placement; the object id (column 11) is the same for all of them.
    expect(new Set(drawn.map((l) => l.trim().split(/\s+/)[10])).size).toBe(1);
  });

  it('refuses an SVG with a script, a file that is not a PNG, too many bytes, too many pixels and a broken PNG — saving nothing', async () => {
    const before = app.branding.get();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const noisy = makePng(400, 400, () => [Math.random() * 256, Math.random() * 256, Math.random() * 256, 255].map(Math.floor) as [number, number, number, number]);
    expect(noisy.length).toBeGreaterThan(LOGO_BYTES);
    const huge = makePng(2400, 100, () => [0, 0, 0, 255]);
    const broken = Buffer.concat([sampleLogo().subarray(0, 40), Buffer.alloc(60, 7)]);
    const cases: [string, Buffer, string][] = [
      ['logo.svg', svg, 'svg_unsafe'],
      ['logo.png', svg, 'svg_unsafe'],
      ['logo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(60)]), 'not_an_image'],
      ['logo.png', noisy, 'too_many_bytes'],
      ['logo.png', huge, 'too_many_pixels'],
      ['logo.png', broken, 'unreadable'],
    ];
    for (const [fileName, bytes, code] of cases) {
      const v = await app.branding.set({ sponsor: 'must not be saved', logo: { fileName, base64: bytes.toString('base64') } });
      expect(v.refused?.code, `${fileName} ${code}`).toBe(code);
      expect(v.saved).toBe(false);
    }
    expect(app.branding.get()).toEqual(before);
  });

  it('warns of a role colour white words cannot be read on; a dry run writes nothing', async () => {
    const entries = () => app.core.db.prepare("SELECT count(*) FROM change_log WHERE type = 'branding.changed'").pluck().get() as number;
    const n = entries();
    const dry = await app.branding.set({ roles: { press: { colour: '#f5d90a' } }, dryRun: true });
    expect(dry.saved).toBe(false);
    expect(dry.branding.roles.press.colour).toBe('#f5d90a');
    expect(dry.warnings).toEqual([expect.objectContaining({ code: 'low_contrast', role: 'press' })]);
    expect(dry.warnings[0]!.ratio).toBeLessThan(4.5);
    expect(entries()).toBe(n);
    expect(app.branding.get().roles.press.colour).not.toBe('#f5d90a');
    expect((await app.branding.set({ roles: { press: { colour: 'yellow' } } })).refused?.code).toBe('bad_colour');
    expect(app.branding.view().warnings).toEqual([]);
  });

  it('reaches another station through the log: its badges carry the same branding', async () => {
    const other = Uketsuke.open(path.join(dir, 'other.db'));
    try {
      other.core.replica.receive(app.core.replica.missing(other.core.replica.vector()));
      // A desk that issues badges holds the event's signing key (pairing gives it; here it is copied).
      other.core.db.prepare('UPDATE event SET private_key = ?').run(app.core.db.prepare('SELECT private_key FROM event').pluck().get());
      other.event.invalidate();
      expect(other.branding.get()).toEqual(app.branding.get());
      const file = path.join(dir, 'other.pdf');
      fs.writeFileSync(file, await other.badges.pdf(SPEAKER, { size: 'a6' }));
      expect(pdfWords(file)).toContain('Supported by Region Grand Est');
      expect(images(file).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l))).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('an SVG logo is drawn as vectors on every badge size (no image object) and the QR still scans', async () => {
    const a6 = path.join(dir, 'before-svg.pdf');
    fs.writeFileSync(a6, await app.badges.pdf(SPEAKER, { size: 'a6' }));
    expect(magentaPixels(a6)).toBe(0);
    const view = await app.branding.set({ logo: { fileName: 'logo.svg', base64: sampleSvg().toString('base64') } });
    expect(view.refused).toBeNull();
    expect(view.branding.logo).toMatchObject({ mime: 'image/svg+xml', width: 1000, height: 333 });
    for (const size of BADGE_SIZES) {
      const file = path.join(dir, `svg-${size}.pdf`);
      fs.writeFileSync(file, await app.badges.pdf(SPEAKER, { size }));
      // The logo's disc is magenta: nothing else on a badge is. It is vector paths, so no image object at all.
      expect(magentaPixels(file), size).toBeGreaterThan(size === 'cr80' || size === '4x3in' || size === 'a4-sheet' ? 8 : 20);
      expect(images(file), size).toHaveLength(0);
      expect(pdfWords(file), size).toContain('Supported by Region Grand Est');
      expect(qrCodesOn(file, 1, size === 'cr80' ? 300 : 150), size).toEqual([app.delegates.tokenFor(app.delegates.findByIdOrEmail(SPEAKER)!)]);
    }
  });

  it('refuses an unsafe SVG with what it contains — scripts, foreign content, images, outside links, entities — saving nothing', async () => {
    const before = app.branding.get();
    const entries = () => app.core.db.prepare("SELECT count(*) FROM change_log WHERE type = 'branding.changed'").pluck().get() as number;
    const n = entries();
    const svg = (body: string, head = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">') => Buffer.from(`${head}${body}</svg>`);
    const cases: [string, Buffer, string, string?][] = [
      ['script', svg('<script>alert(1)</script>'), 'svg_unsafe', '<script>'],
      ['namespaced script', svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">x</svg:script>'), 'svg_unsafe', 'script'],
      ['foreignObject', svg('<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'), 'svg_unsafe', 'foreignObject'],
      ['image', svg('<image href="#a" width="5" height="5"/>'), 'svg_unsafe', '<image>'],
      ['xlink:href to a file', svg('<use xlink:href="file:///etc/passwd#x"/>'), 'svg_unsafe', 'file:///etc/passwd'],
      ['href to the web', svg('<a href="https://evil.example/"><rect width="5" height="5"/></a>'), 'svg_unsafe', 'https://evil.example/'],
      ['url() to the web', svg('<rect width="5" height="5" fill="url(https://evil.example/p.svg#g)"/>'), 'svg_unsafe', 'url(https://evil.example'],
      ['url() in a style attribute, entity-encoded', svg('<rect width="5" height="5" style="fill: &#117;rl(\'other.svg#g\')"/>'), 'svg_unsafe', 'other.svg'],
      ['url() in a <style>', svg('<style><![CDATA[rect { fill: url("http://x.example/a#b") }]]></style>'), 'svg_unsafe', 'http://x.example'],
      ['@import', svg('<style>@import "http://x.example/a.css";</style>'), 'svg_unsafe', '@import'],
      ['event attribute', svg('<rect width="5" height="5" onclick="alert(1)"/>'), 'svg_unsafe', 'onclick'],
      ['external entity', Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&x;</text></svg>'), 'svg_unsafe', 'DOCTYPE'],
      ['stylesheet instruction', Buffer.from('<?xml version="1.0"?><?xml-stylesheet href="http://x.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>'), 'svg_unsafe', 'xml-stylesheet'],
      ['no size', svg('<rect width="5" height="5"/>', '<svg xmlns="http://www.w3.org/2000/svg">'), 'svg_no_size'],
      ['percent size only', svg('<rect width="5" height="5"/>', '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%">'), 'svg_no_size'],
      ['not XML', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect></svg>'), 'svg_invalid'],
      ['too many bytes', sampleSvg(`<!-- ${'x'.repeat(SVG_BYTES)} -->`), 'too_many_bytes'],
    ];
    for (const [what, bytes, code, mentions] of cases) {
      const v = await app.branding.set({ sponsor: 'must not be saved', logo: { fileName: 'logo.svg', base64: bytes.toString('base64') } });
      expect(v.refused?.code, what).toBe(code);
      if (mentions) expect(String(v.refused?.values.what), what).toContain(mentions);
      expect(v.saved, what).toBe(false);
    }
    expect(entries()).toBe(n);
    expect(app.branding.get()).toEqual(before);
    // Links inside the file (#id, url(#id)) are how gradients and reused shapes work: accepted.
    expect((await app.branding.set({ logo: { fileName: 'logo.svg', base64: sampleSvg('<rect fill="url( #g )" width="1" height="1"/>').toString('base64') }, dryRun: true })).refused).toBeNull();
  });
});

/** Pixels of the SVG logo's magenta on page 1, rendered by poppler at 60 dpi. */
function magentaPixels(file: string): number {
  const out = pngDir('uketsuke-ppm-');
  execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', file, path.join(out, 'p')]);
  const ppm = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.ppm'))!));
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  let offset = 0;
  for (let fields = 0; fields < 4; fields++) {
    while (/\s/.test(String.fromCharCode(ppm[offset]!))) offset++;
    while (!/\s/.test(String.fromCharCode(ppm[offset]!))) offset++;
  }
  offset++;
  let n = 0;
  for (let i = offset; i + 2 < ppm.length; i += 3) if (ppm[i]! > 180 && ppm[i + 1]! < 90 && ppm[i + 2]! > 160) n++;
  return n;
}
