// A Shift_JIS CSV from Japanese Excel has lost European letters (J?rgen M?ller): each such row is flagged, and
// re-importing it never overwrites the names stored with their letters.
import { afterEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('lost letters', () => {
  it('flags each row whose name lost letters and keeps the stored names on re-import', async () => {
    t = makeApp();
    const utf8 = 'Last name,First name,姓,Email\nMüller,Jürgen,,jurgen@example.de\nÅkesson,Sofia,,sofia@example.se\n';
    expect((await t.app.importer.run('first.csv', Buffer.from(utf8))).imported).toBe(2);
    // The same people saved again by Excel in Shift_JIS, plus a new person whose letters were lost, and 髙橋, kept.
    const sjis = iconv.encode('Last name,First name,姓,Email\nMüller,Jürgen,,jurgen@example.de\nÅkesson,Sofia,,sofia@example.se\nBrontë,Anne,,anne@example.uk\nTakahashi,Misaki,髙橋,misaki@example.jp\n', 'cp932');
    const r = await t.app.importer.run('excel.csv', sjis);
    expect(r.encoding).toBe('shift_jis');
    expect(r.rejected).toEqual([]);
    expect(r.notes.filter((n) => n.code === 'lost_letters').map((n) => [n.line, n.params.value])).toEqual([[2, 'M?ller J?rgen'], [3, '?kesson'], [4, 'Bront?']]);
    const get = (email: string) => t.app.delegates.findByIdOrEmail(email)!;
    expect([get('jurgen@example.de').family_name, get('jurgen@example.de').given_name]).toEqual(['Müller', 'Jürgen']);
    expect(get('sofia@example.se').family_name).toBe('Åkesson');
    // A new person comes in as the file has them, flagged; 髙 survives CP932.
    expect(get('anne@example.uk').family_name).toBe('Bront?');
    expect(get('misaki@example.jp').family_name_kanji).toBe('髙橋');
  });

  it('a question mark in a UTF-8 file is what the person typed: no flag', async () => {
    t = makeApp();
    const r = await t.app.importer.run('q.csv', Buffer.from('Last name,First name,Email\nWho?,Anon,anon@example.org\n'));
    expect(r.notes).toEqual([]);
  });
});
