// A walk-in (or an edit) given in kanji and kana needs no Latin names: they are derived from the kana as an import
// derives them; with neither Latin nor kana the core refuses with a message screens can say in their language.
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/services/core.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('walk-in names', () => {
  it('kanji and kana only: the Latin names come from the kana', () => {
    t = makeApp();
    const d = t.app.dispatch('walkIn', { familyName: '', givenName: '', familyNameKanji: '近藤', givenNameKanji: '亮', familyNameKana: 'コンドウ', givenNameKana: 'リョウ' });
    expect(d.delegate).toMatchObject({ familyName: 'Kondo', givenName: 'Ryo', familyNameKanji: '近藤' });
    // Typed Latin names win over the kana.
    const e = t.app.dispatch('updateDelegate', { id: d.delegate.id, fields: { familyName: 'Kondoh', givenName: '', familyNameKana: 'コンドウ', givenNameKana: 'リョウ', familyNameKanji: '近藤', givenNameKanji: '亮' } });
    expect(e.delegate).toMatchObject({ familyName: 'Kondoh', givenName: 'Ryo' });
  });

  it('neither Latin nor kana: refused with the key names_required', () => {
    t = makeApp();
    let err: unknown;
    try {
      t.app.dispatch('walkIn', { familyName: '', givenName: 'Ryo', familyNameKanji: '近藤' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).say).toEqual({ key: 'names_required', values: {} });
  });
});
