// Badge branding as the printed badge shows it: the organisers' title in both languages, their logo, role colours
// and words, and a sponsor line on every size; a logo checked for kind and size with a reason; branding that
// reaches another station through the log like any other change. Read back with poppler and zbar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../db/demo/build-demo.js';
import { BADGE_SIZES } from '../../electron/services/badges/sizes.js';
import { LOGO_BYTES } from '../../electron/services/event/branding.js';
import { tempDir } from '../helpers.js';
import { makePng, sampleLogo } from '../fixtures/logo.js';
import { pdfWords, qrCodesOn } from './pdf-tools.js';

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

  it('refuses an SVG, a file that is not a PNG, too many bytes, too many pixels and a broken PNG — saving nothing', async () => {
    const before = app.branding.get();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const noisy = makePng(400, 400, () => [Math.random() * 256, Math.random() * 256, Math.random() * 256, 255].map(Math.floor) as [number, number, number, number]);
    expect(noisy.length).toBeGreaterThan(LOGO_BYTES);
    const huge = makePng(2400, 100, () => [0, 0, 0, 255]);
    const broken = Buffer.concat([sampleLogo().subarray(0, 40), Buffer.alloc(60, 7)]);
    const cases: [string, Buffer, string][] = [
      ['logo.svg', svg, 'svg_unsupported'],
      ['logo.png', svg, 'svg_unsupported'],
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
});
