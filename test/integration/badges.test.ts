// Badges as a reader sees them: every name exactly, fonts embedded, and the printed QR decodes to a token that
// verifies and scans. Rendered with the real fonts, read back with poppler and zbar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { BADGE_SIZES } from '../../electron/services/badges/sizes.js';
import { tempDir } from '../helpers.js';
import { pdfFonts, pdfPages, pdfWords, qrCodesOn } from './pdf-tools.js';

let app: Uketsuke;
const dir = tempDir('uketsuke-badges-');

beforeAll(() => {
  app = Uketsuke.open(path.join(dir, 'event.db'));
  buildDemo(app);
});
afterAll(() => app.close());

const CAST = [
  { email: 'misaki.takahashi@iwate.example.jp', expect: ['髙橋 美咲', 'TAKAHASHI Misaki', '岩手県庁 商工労働観光部'] },
  { email: 'kenta.yamazaki@gifu.example.jp', expect: ['山﨑 健太', 'YAMAZAKI Kenta'] },
  { email: 'zofia.muller-lukasiewicz@mazovia.example.pl', expect: ['Zofia', 'MÜLLER-ŁUKASIEWICZ'] },
  { email: 'siobhan.obriain@southern.example.ie', expect: ['Siobhán', 'Ó BRIAIN'] },
  { email: 'huong.nguyen@vn.example.vn', expect: ['Thị Hương', 'NGUYỄN', 'Hà Nội'] },
  { email: 'maximiliane.schoenberger@bw-cluster.example.de', expect: ['Maximiliane Charlotte Eleonore', 'SCHŒNBERGER-WITTELSBACH VON HOHENZOLLERN-SIGMARINGEN', 'Wirtschaftsförderung Region Stuttgart — Internationale Kooperation und Clusterentwicklung'] },
];

async function badgeFile(email: string, size: (typeof BADGE_SIZES)[number], back = false): Promise<string> {
  const file = path.join(dir, `${email.split('@')[0]}-${size}${back ? '-back' : ''}.pdf`);
  fs.writeFileSync(file, await app.badges.pdf(email, { size, back }));
  return file;
}

describe('badges', () => {
  for (const size of ['a6', 'cr80', '4x6in', '4x3in'] as const) {
    for (const who of CAST) {
      it(`${size}: ${who.expect[0]} — every name exact, fonts embedded, QR scans`, async () => {
        const file = await badgeFile(who.email, size);
        const words = pdfWords(file);
        for (const text of who.expect) expect(words).toContain(text);
        const fonts = pdfFonts(file);
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.every((f) => f.embedded)).toBe(true);
        const row = app.delegates.findByIdOrEmail(who.email)!;
        const codes = qrCodesOn(file, 1, size === 'cr80' ? 300 : 150);
        expect(codes).toEqual([app.delegates.tokenFor(row)]);
      });
    }
  }

  it('Japanese names embed a Japanese font subset (a machine without Japanese fonts prints them)', async () => {
    const fonts = pdfFonts(await badgeFile(CAST[0]!.email, 'a6'));
    expect(fonts.some((f) => /NotoSansJP/.test(f.name) && f.embedded)).toBe(true);
  });

  it('the printed QR decodes to a token that verifies and scans admitted at a checkpoint', async () => {
    const file = await badgeFile('kwame.mensah@gh.example.gh', 'a6');
    const [code] = qrCodesOn(file);
    expect(app.event.tokens().check(code!).ok).toBe(true);
    expect(app.dispatch('scan', { checkpointId: 'cp-bus-2', code: code! }).verdict).toBe('admitted');
  });

  it('the back carries the delegate programme: sessions, Day 2 meetings with table and counterpart, bus', async () => {
    const file = await badgeFile('misaki.takahashi@iwate.example.jp', 'a6', true);
    expect(pdfPages(file)).toBe(2);
    const words = pdfWords(file);
    expect(words).toContain('マイプログラム');
    expect(words).toMatch(/Bus 1 → Biovalley cluster/);
    expect(words).toMatch(/Meeting: .+ Table \d+/);
    expect(words).toContain('開会セッション');
  });

  it('a reprint revokes the older badge: its QR then scans revoked', async () => {
    const email = 'asa.lindqvist@skane.example.se';
    const [old] = qrCodesOn(await badgeFile(email, 'a6'));
    app.dispatch('reissueBadge', { delegateId: app.delegates.findByIdOrEmail(email)!.id });
    const [fresh] = qrCodesOn(await badgeFile(email, 'a6'));
    expect(fresh).not.toBe(old);
    expect(app.dispatch('scan', { checkpointId: 'cp-d2-pitches', code: old! }).verdict).toBe('revoked');
    expect(app.dispatch('scan', { checkpointId: 'cp-d2-pitches', code: fresh! }).verdict).toBe('admitted');
  });

  it('A4 sheets: six badges a page with crop marks, every QR readable', async () => {
    const { pdf, count } = await app.badges.batch({ role: 'speaker' }, { size: 'a4-sheet' });
    const file = path.join(dir, 'speakers.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdfPages(file)).toBe(Math.ceil(count / 6));
    expect(qrCodesOn(file, 1, 200)).toHaveLength(Math.min(6, count));
  });

  it('batch for a filtered list (all Japanese delegates) reports progress to the end', async () => {
    const progress: number[] = [];
    const { pdf, count } = await app.badges.batch({ country: 'Japan' }, { size: 'a6', onProgress: (d) => progress.push(d) });
    const file = path.join(dir, 'japan.pdf');
    fs.writeFileSync(file, pdf);
    expect(count).toBeGreaterThan(100);
    expect(pdfPages(file)).toBe(count);
    expect(progress.at(-1)).toBe(count);
  });

  it('no badge for a cancelled registration or an unknown person', async () => {
    await expect(app.badges.pdf('nobody@example.org', { size: 'a6' })).rejects.toThrow(/No delegate/);
  });
});
