// Japanese names as pure functions (japanese-names.ts): splitting a kanji name typed without a space only where the
// dictionary leaves one choice, the likely reading of a kanji-only name, passport romaji of kana-only names.
import { describe, expect, it } from 'vitest';
import { dictionaryFrom, kanaNameRomaji, parseIpadicNames, readKanjiName, SEED_DICTIONARY as dict, splitKanjiName, suggestReading } from '../../electron/services/people/japanese-names.js';

describe('splitting a kanji name without a space', () => {
  it.each([
    ['佐藤健太', '佐藤', '健太'],
    ['中島美嘉', '中島', '美嘉'], // not 中 + 島美嘉: 島美嘉 is no given name
    ['林健太', '林', '健太'],
    ['髙橋美咲', '髙橋', '美咲'], // 髙 looked up as 高, kept as typed
  ])('%s → %s %s', (name, family, given) => {
    expect(splitKanjiName(name, dict)).toEqual({ family, given, split: true });
  });

  it.each([
    ['東海林太郎'], // 東海林 太郎 or 東海 林太郎: two choices, kept whole
    ['佐藤一郎'], // a given name the dictionary lacks
    ['小鳥遊ひな'], // a family name it lacks
    ['佐藤'], // a family name alone
  ])('%s is kept whole in the family name', (name) => {
    expect(splitKanjiName(name, dict)).toEqual({ family: name, given: '', split: false });
  });

  it('a space decides by itself', () => {
    expect(splitKanjiName('東海林　太郎', dict)).toEqual({ family: '東海林', given: '太郎', split: true });
  });
});

describe('a reading for a kanji-only name', () => {
  it('the most common reading of each part, its passport romaji, and the alternatives', () => {
    expect(suggestReading('高橋', '裕子', dict)).toEqual({
      familyKana: 'たかはし', givenKana: 'ゆうこ', familyRomaji: 'Takahashi', givenRomaji: 'Yuko',
      familyAlternatives: ['たかはし', 'たかばし'], givenAlternatives: ['ゆうこ', 'ひろこ'], complete: true,
    });
  });

  it('long vowels as on a passport: さとう → Sato, しょうじ → Shoji', () => {
    expect(readKanjiName('佐藤健太', dict)).toMatchObject({ name: { family: '佐藤', given: '健太' }, reading: { familyRomaji: 'Sato', givenRomaji: 'Kenta', complete: true } });
    expect(suggestReading('東海林', '', dict)).toMatchObject({ familyKana: 'しょうじ', familyRomaji: 'Shoji', complete: true });
  });

  it('a part the dictionary does not know has no guess; a name it knows nothing of has none at all', () => {
    expect(suggestReading('佐藤', '一郎', dict)).toMatchObject({ familyKana: 'さとう', givenKana: null, givenRomaji: '', complete: false });
    expect(suggestReading('小鳥遊', '一郎', dict)).toBeNull();
  });
});

describe('kana-only names', () => {
  it('are their own reading: passport romaji', () => {
    expect(kanaNameRomaji('サトウ ケンタ')).toBe('Sato Kenta');
    expect(kanaNameRomaji('コンドウ・リョウ')).toBe('Kondo Ryo');
    expect(kanaNameRomaji('佐藤 健太')).toBeNull();
  });
});

describe('the IPADIC person-name table', () => {
  // Lines in the format of IPADIC's Noun.name.csv (written for this test, not copied from the dictionary).
  const csv = [
    '高橋,1290,1290,2000,名詞,固有名詞,人名,姓,*,*,高橋,タカハシ,タカハシ',
    '高橋,1290,1290,9000,名詞,固有名詞,人名,姓,*,*,高橋,タカバシ,タカバシ',
    '美咲,1291,1291,8000,名詞,固有名詞,人名,名,*,*,美咲,ミサキ,ミサキ',
    '岐阜,1293,1293,5000,名詞,固有名詞,地域,一般,*,*,岐阜,ギフ,ギフ',
    '',
  ].join('\n');

  it('reads family and given names with their readings, most common (lowest cost) first', () => {
    const entries = parseIpadicNames(csv);
    expect(entries).toHaveLength(3);
    const d = dictionaryFrom(entries);
    expect(d.family('髙橋').map((r) => r.kana)).toEqual(['たかはし', 'たかばし']);
    expect(d.given('美咲')).toEqual([{ kana: 'みさき', rank: 8000 }]);
    expect(d.family('岐阜')).toEqual([]);
    expect(readKanjiName('高橋美咲', d)).toMatchObject({ name: { family: '高橋', given: '美咲', split: true }, reading: { familyRomaji: 'Takahashi', givenRomaji: 'Misaki' } });
  });
});
