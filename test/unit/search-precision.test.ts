// Desk search finds a person however the name is typed — and finds only them: every query below lists exactly who
// it returns among people with near-miss names (Sato/Saito, Ono/Konno, 高橋/高田…). On the real SQLite index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(() => {
  t = makeApp();
  const people: Parameters<TestApp['add']>[0][] = [
    { familyName: 'Kondo', givenName: 'Yoko', familyNameKanji: '近藤', givenNameKanji: '陽子', familyNameKana: 'コンドウ', givenNameKana: 'ヨウコ', email: 'yoko.kondo@gifu.example.jp' },
    { familyName: 'Konno', givenName: 'Daiki', familyNameKanji: '今野', givenNameKanji: '大樹', familyNameKana: 'コンノ', givenNameKana: 'ダイキ' },
    { familyName: 'Ohno', givenName: 'Rei', familyNameKanji: '大野', givenNameKanji: '玲', familyNameKana: 'オオノ', givenNameKana: 'レイ' },
    { familyName: 'Sato', givenName: 'Kenji', familyNameKanji: '佐藤', givenNameKanji: '健二', familyNameKana: 'サトウ', givenNameKana: 'ケンジ' },
    { familyName: 'Saito', givenName: 'Keiko', familyNameKanji: '齋藤', givenNameKanji: '恵子', familyNameKana: 'サイトウ', givenNameKana: 'ケイコ' },
    { familyName: 'Takahashi', givenName: 'Misaki', familyNameKanji: '髙橋', givenNameKanji: '美咲', familyNameKana: 'タカハシ', givenNameKana: 'ミサキ' },
    { familyName: 'Takada', givenName: 'Sho', familyNameKanji: '高田', givenNameKanji: '翔', familyNameKana: 'タカダ', givenNameKana: 'ショウ' },
    { familyName: 'Watanabe', givenName: 'Jun', familyNameKanji: '渡邊', givenNameKanji: '潤', familyNameKana: 'ワタナベ', givenNameKana: 'ジュン' },
    { familyName: 'Yamazaki', givenName: 'Kenta', familyNameKanji: '山﨑', givenNameKanji: '健太', familyNameKana: 'ヤマザキ', givenNameKana: 'ケンタ' },
    { familyName: 'Müller', givenName: 'Jürgen', email: 'juergen.mueller@example.de' },
    { familyName: 'Møller', givenName: 'Søren', email: 'soren@example.dk' },
    { familyName: 'Ó Briain', givenName: 'Siobhán', externalCode: 'EJRC-2027-000006' },
    { familyName: 'Brian', givenName: 'Oliver', externalCode: 'EJRC-2027-000060' },
    { familyName: 'Mensah', givenName: 'Kwame', email: 'kwame.mensah@gh.example' },
    { familyName: 'Asante', givenName: 'Kwame', email: 'kwame.asante@gh.example' },
  ];
  for (const p of people) t.add(p);
});
afterAll(() => t.app.close());

// The exact level of the desk search (the forgiving level adds other spellings after these: forgiving-search.test.ts).
const found = (query: string) =>
  t.app.delegates.search(query, 50, { forgiving: false }).map((d) => `${d.familyName} ${d.givenName}`).sort();

describe('a query finds exactly the people it names', () => {
  it.each([
    ['kondo', ['Kondo Yoko']],
    ['kondou', ['Kondo Yoko']],
    ['kondoh', ['Kondo Yoko']],
    ['konno', ['Konno Daiki']],
    ['ono', ['Ohno Rei']],
    ['oono', ['Ohno Rei']],
    ['ohno', ['Ohno Rei']],
    ['sato', ['Sato Kenji']],
    ['satou', ['Sato Kenji']],
    ['saito', ['Saito Keiko']],
    ['keiko', ['Saito Keiko']],
    ['takahashi', ['Takahashi Misaki']],
    ['takada', ['Takada Sho']],
    ['髙橋', ['Takahashi Misaki']],
    ['高橋', ['Takahashi Misaki']],
    ['高田', ['Takada Sho']],
    ['齋藤', ['Saito Keiko']],
    ['斎藤', ['Saito Keiko']],
    ['佐藤', ['Sato Kenji']],
    ['渡辺', ['Watanabe Jun']],
    ['山崎', ['Yamazaki Kenta']],
    ['さいとう', ['Saito Keiko']],
    ['サトウ', ['Sato Kenji']],
    ['こんどうようこ', ['Kondo Yoko']],
    ['近藤陽子', ['Kondo Yoko']],
    ['muller', ['Müller Jürgen']],
    ['mueller', ['Müller Jürgen']],
    ['moller', ['Møller Søren']],
    ['soren', ['Møller Søren']],
    ['obriain', ['Ó Briain Siobhán']],
    ['o briain', ['Ó Briain Siobhán']],
    ['brian', ['Brian Oliver']],
    ['kwame', ['Asante Kwame', 'Mensah Kwame']],
    ['kwame mensah', ['Mensah Kwame']],
    ['kwame.mensah@gh', ['Mensah Kwame']],
    ['EJRC-2027-000006', ['Ó Briain Siobhán']],
    ['EJRC-2027-000060', ['Brian Oliver']],
  ])('%s → %j', (query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it('names nobody here: another person, a typo too far, a fragment of no word', () => {
    for (const q of ['kondu', 'sakamoto', 'takahasi', '高木', 'ミュラー', 'briainx', 'mensahk', 'zzz']) expect(found(q), q).toEqual([]);
  });
});
