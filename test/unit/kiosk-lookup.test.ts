import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { nameMatches } from '../../electron/services/people/kiosk-lookup.js';
import { tempDir } from '../helpers.js';

let app: Uketsuke;
beforeAll(() => {
  app = Uketsuke.open(path.join(tempDir(), 'demo.db'));
  buildDemo(app);
  app.core.tx(() => {
    app.delegates.insert({ familyName: 'Li', givenName: 'Wei', email: 'wei.li@example.cn' });
    app.delegates.insert({ familyName: 'Ng', givenName: 'Mei Ling', email: 'ml.ng@example.sg' });
    app.delegates.insert({ familyName: 'Hayashi', givenName: 'Ken', familyNameKanji: '林', givenNameKanji: '健', familyNameKana: 'ハヤシ', givenNameKana: 'ケン', email: 'ken.hayashi@example.jp' });
  });
});
afterAll(() => app.close());

const find = (name: string, email: string) => app.kiosk.find(name, email);
const misaki = 'misaki.takahashi@iwate.example.jp';

describe('kiosk: one person by name and email, nobody by a fragment', () => {
  it.each([
    ['髙橋', misaki],
    ['高橋', misaki],
    ['高橋美咲', misaki],
    ['髙橋 美咲', misaki],
    ['たかはし', misaki],
    ['タカハシ', misaki],
    ['Takahashi', misaki],
    ['misaki takahashi', misaki],
    ['ＴＡＫＡＨＡＳＨＩ', ' Misaki.Takahashi@IWATE.example.jp '],
    ['Li', 'wei.li@example.cn'],
    ['Ng', 'ml.ng@example.sg'],
    ['林', 'ken.hayashi@example.jp'],
    ['mueller-lukasiewicz', 'zofia.muller-lukasiewicz@mazovia.example.pl'],
    ['O Briain', 'siobhan.obriain@southern.example.ie'],
    ['kondou', 'yoko.kondo@jetro.example.jp'],
  ])('%s + %s finds the person', (name, email) => {
    const d = find(name, email);
    expect(d).not.toBeNull();
    expect(d!.email).toBe(email.trim().toLowerCase());
  });

  it.each([
    // A fragment of the name is not the name.
    ['tak', misaki],
    ['髙', misaki],
    ['L', 'wei.li@example.cn'],
    // The right name with someone else's email, or an email alone.
    ['Takahashi', 'kenta.yamazaki@gifu.example.jp'],
    ['', misaki],
    ['Takahashi', ''],
    // Only an email's domain, as a stranger might try.
    ['Takahashi', 'iwate.example.jp'],
    // A name plus one word that is not theirs.
    ['Takahashi Kenta', misaki],
  ])('%s + %s finds nobody', (name, email) => {
    expect(find(name, email)).toBeNull();
  });

  it('a cancelled registration is not found', () => {
    const [hit] = app.delegates.search('wei.li@example.cn', 1);
    app.core.tx(() => app.delegates.setCancelled(hit!.id, true));
    expect(find('Li', 'wei.li@example.cn')).toBeNull();
    app.core.tx(() => app.delegates.setCancelled(hit!.id, false));
    expect(find('Li', 'wei.li@example.cn')).not.toBeNull();
  });

  it('the Api answers with the match only', () => {
    const r = app.dispatch('kioskFind', { name: '林', email: 'KEN.HAYASHI@example.jp' }) as { match: { familyNameKanji: string | null } | null };
    expect(r.match?.familyNameKanji).toBe('林');
    expect(app.dispatch('kioskFind', { name: 'ha', email: 'ken.hayashi@example.jp' })).toEqual({ match: null });
  });

  it('names compare as whole words in any script', () => {
    const d = { familyName: 'Kondo', givenName: 'Yoko', familyNameKanji: '近藤', givenNameKanji: '陽子', familyNameKana: 'コンドウ', givenNameKana: 'ヨウコ' };
    expect(nameMatches('こんどう', d)).toBe(true);
    expect(nameMatches('kondoh yoko', d)).toBe(true);
    expect(nameMatches('陽子', d)).toBe(true);
    expect(nameMatches('kon', d)).toBe(false);
    expect(nameMatches('近', d)).toBe(false);
  });
});
