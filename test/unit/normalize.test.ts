// How names are folded for search and romanised for badges, rule by rule: each variant kanji, each Latin letter
// that has no combining mark, the long-vowel spellings, passport romaji, and the exact words indexed for a person.
import { describe, expect, it } from 'vitest';
import { collapseLongVowels, foldText, kanaToRomaji, passportRomaji, searchTextFor, type SearchableDelegate } from '../../electron/services/model/normalize.js';

const person = (over: Partial<SearchableDelegate> & Pick<SearchableDelegate, 'familyName' | 'givenName'>): SearchableDelegate => ({
  familyNameKanji: null, givenNameKanji: null, familyNameKana: null, givenNameKana: null, organisation: null, email: null, externalCode: null, badgeNo: 1, ...over,
});

/** The indexed words of a person, sorted; the text starts with one space so a query can match a word start. */
function words(d: SearchableDelegate): string[] {
  const text = searchTextFor(d);
  expect(text.startsWith(' ')).toBe(true);
  return text.slice(1).split(' ').sort();
}

describe('foldText', () => {
  it.each([
    ['髙', '高'], ['﨑', '崎'], ['嵜', '崎'], ['邊', '辺'], ['邉', '辺'], ['濵', '浜'], ['濱', '浜'], ['齋', '斎'], ['齊', '斎'], ['斉', '斎'],
    ['澤', '沢'], ['櫻', '桜'], ['廣', '広'], ['德', '徳'], ['眞', '真'], ['國', '国'], ['藏', '蔵'], ['龍', '竜'], ['𠮷', '吉'], ['槗', '橋'], ['﨣', '橋'],
  ])('variant kanji %s folds to %s, in place, wherever it stands', (variant, plain) => {
    expect(foldText(variant)).toBe(plain);
    expect(foldText(`田${variant}`)).toBe(`田${plain}`);
    expect(foldText(`${variant}${variant}子`)).toBe(`${plain}${plain}子`);
  });

  it('folds every variant in a long register name, astral ones (𠮷) included', () => {
    expect(foldText('𠮷田 髙橋 山﨑 渡邊 齋藤 澤田 櫻井 廣瀬 國分 龍崎')).toBe('吉田 高橋 山崎 渡辺 斎藤 沢田 桜井 広瀬 国分 竜崎');
  });

  it.each([
    ['ß', 'ss'], ['ł', 'l'], ['Ł', 'l'], ['đ', 'd'], ['Đ', 'd'], ['ð', 'd'], ['ø', 'o'], ['Ø', 'o'], ['æ', 'ae'], ['Æ', 'ae'],
    ['œ', 'oe'], ['Œ', 'oe'], ['þ', 'th'], ['Þ', 'th'], ['ı', 'i'], ['ħ', 'h'], ['Ħ', 'h'],
  ])('Latin %s (no combining mark) folds to %s', (letter, plain) => {
    expect(foldText(letter)).toBe(plain);
    expect(foldText(`a${letter}${letter}b`)).toBe(`a${plain}${plain}b`);
  });

  it('names with those letters fold as a person at the desk would type them', () => {
    expect(foldText('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(foldText('Ægir Þórsson')).toBe('aegir thorsson');
    expect(foldText('Đorđević')).toBe('dordevic');
    expect(foldText('Œuvray')).toBe('oeuvray');
    expect(foldText('Ħamrun Borġ')).toBe('hamrun borg');
    expect(foldText('Großmann GROẞMANN')).toBe('grossmann grossmann');
  });

  it('accents off (Latin marks only), case and width folded, katakana as hiragana, spaces collapsed and trimmed', () => {
    expect(foldText('  Nguyễn \t Thị   Hương  ')).toBe('nguyen thi huong');
    expect(foldText('ＭＥＮＳＡＨ　Ｋｗａｍｅ')).toBe('mensah kwame');
    expect(foldText('ﾀｶﾊｼ')).toBe('たかはし');
    expect(foldText('ガッコウ ヴ')).toBe('がっこう ゔ');
    expect(foldText('ヷ')).toBe('ヷ'); // beyond the katakana block that has a hiragana twin: kept
    expect(foldText('ソフィー・マルタン')).toBe('そふぃー・まるたん');
    expect(foldText('ａｂ\u3000\u3000ｃ')).toBe('ab c');
  });
});

describe('long vowels', () => {
  it.each([
    ['kondou', 'kondo'], ['kondoh', 'kondo'], ['kondo', 'kondo'], ['ohno', 'ono'], ['oono', 'ono'], ['itoh', 'ito'], ['yuuki', 'yuki'],
    ['okaasan', 'okasan'], ['niigata', 'nigata'], ['keiko', 'keko'], ['rei', 're'], ['seiji', 'seji'],
  ])('%s → %s', (spelled, collapsed) => {
    expect(collapseLongVowels(spelled)).toBe(collapsed);
  });

  it.each([['ohara'], ['tohoku'], ['ohya'], ['eia'], ['sato'], ['saito'], ['takahashi']])('%s is left as it is (an h or ei before a vowel is not a long vowel)', (s) => {
    expect(collapseLongVowels(s)).toBe(s);
  });
});

describe('kana → romaji', () => {
  it('reads katakana, hiragana and half-width kana alike', () => {
    expect(kanaToRomaji('コンドウ')).toBe('kondou');
    expect(kanaToRomaji('こんどう')).toBe('kondou');
    expect(kanaToRomaji('ｺﾝﾄﾞｳ')).toBe('kondou');
    expect(kanaToRomaji('ヤマザキ')).toBe('yamazaki');
  });

  it.each([
    ['コンドウ', 'Kondo'], ['オオノ', 'Ono'], ['ユウキ', 'Yuki'], ['サイトウ', 'Saito'], ['ヤマザキ', 'Yamazaki'],
    ['ケイコ', 'Keiko'], ['オオハラ', 'Ohara'], ['ｺﾝﾄﾞｳ ﾖｳｺ', 'Kondo Yoko'], ['　タカハシ　ミサキ ', 'Takahashi Misaki'], ['たかはし みさき', 'Takahashi Misaki'],
    ['コンドウ 　 ヨウコ', 'Kondo Yoko'],
  ])('passport romaji of %s is %s', (kana, latin) => {
    expect(passportRomaji(kana)).toBe(latin);
  });
});

describe('the words indexed for a person', () => {
  it('a Japanese delegate: Latin, kanji (folded, and family+given), kana as hiragana, romaji of the reading, email, badge, code', () => {
    const d = person({
      familyName: 'Kondoh', givenName: 'Yōko', familyNameKanji: '近藤', givenNameKanji: '陽子', familyNameKana: 'コンドウ', givenNameKana: 'ヨウコ',
      organisation: 'Gifu Prefecture', email: 'Yoko.Kondo@Gifu.Example.JP', externalCode: 'EJRC-2027-000005', badgeNo: 5,
    });
    expect(words(d)).toEqual([
      '5', 'ejrc-2027-000005', 'gifu', 'gifuprefecture', 'kondo', 'kondoh', 'kondou', 'prefecture', 'yoko', 'yoko.kondo@gifu.example.jp', 'youko',
      'こんどう', 'こんどうようこ', 'ようこ', '近藤', '近藤陽子', '陽子',
    ].sort());
  });

  it('kanji or kana for one name part only: that part once, nothing invented for the other', () => {
    expect(words(person({ familyName: 'Yamazaki', givenName: 'Kenta', familyNameKanji: '山﨑', familyNameKana: 'ヤマザキ', badgeNo: 8 }))).toEqual(['8', 'kenta', 'yamazaki', 'やまざき', '山崎'].sort());
    expect(words(person({ familyName: 'Sato', givenName: 'Kenji', givenNameKanji: '健二', givenNameKana: 'ケンジ', badgeNo: 9 }))).toEqual(['9', 'kenji', 'sato', 'けんじ', '健二'].sort());
  });

  it('European names: accents off, spelled-out umlauts, and without spaces, hyphens, apostrophes and dots', () => {
    const d = person({ familyName: 'Müller-Łukasiewicz', givenName: 'Jörg Ähm', organisation: "Ó Briain's Co. · Ltd", email: null, badgeNo: 3 });
    expect(words(d)).toEqual([
      '3', 'aehm', 'briain\'s', 'co.', 'jorg', 'joerg', 'jorgahm', 'joergaehm', 'ltd', 'muller-lukasiewicz', 'mullerlukasiewicz', 'mueller-lukasiewicz', 'muellerlukasiewicz', 'o', 'obriainscoltd', 'ahm', '·',
    ].sort());
  });

  it('Latin names given with long vowels are also indexed collapsed, without any kana', () => {
    expect(words(person({ familyName: 'Oohashi', givenName: 'Yuuki', badgeNo: 4 }))).toEqual(['4', 'ohashi', 'oohashi', 'yuki', 'yuuki']);
  });

  it('a field that folds to nothing adds no empty word', () => {
    expect(searchTextFor(person({ familyName: 'Diop', givenName: 'Awa', organisation: '\u3000 \t', badgeNo: 12 }))).toBe(' diop awa 12');
  });

  it('a plain name with no umlaut is indexed once, not twice', () => {
    expect(words(person({ familyName: 'Mensah', givenName: 'Kwame', email: 'kwame.mensah@gh.example', badgeNo: 2 }))).toEqual(['2', 'kwame', 'kwame.mensah@gh.example', 'mensah']);
  });
});
