// One registration row → the delegate it describes, or why it is rejected. Pure (checkRow) for each rule, and
// through the importer into the real SQLite event where what a row decides shows at a door.
import { afterEach, describe, expect, it } from 'vitest';
import type { DelegateFields } from '../../electron/services/people/delegates.js';
import type { ImportField } from '../../electron/services/people/import/columns.js';
import { checkRow, MAX_FIELD_LENGTH, type RowCheck } from '../../electron/services/people/import/validate.js';
import { makeApp, type TestApp } from '../helpers.js';
import { SessionMatcher } from '../../electron/services/people/import/session-match.js';

/** A row given as column → cell, in that order; unmapped columns are given with a null key via `extra`. */
function check(row: Partial<Record<ImportField, string>>, extra: string[] = []): RowCheck {
  const entries = Object.entries(row) as [ImportField, string][];
  const mapping: (ImportField | null)[] = [...entries.map(([f]) => f), ...extra.map(() => null)];
  return checkRow([...entries.map(([, v]) => v), ...extra], mapping, mapping.length);
}

function accepted(row: Partial<Record<ImportField, string>>, extra: string[] = []): { fields: DelegateFields; registrations: string[] } {
  const r = check(row, extra);
  if (!r.ok) throw new Error(`expected the row to be accepted, got: ${r.rejection.reason}`);
  return r.row;
}

const NONE: DelegateFields = {
  familyName: '', givenName: '', familyNameKanji: null, givenNameKanji: null, familyNameKana: null, givenNameKana: null,
  organisation: null, country: null, region: null, email: null, role: 'delegate', externalCode: null, flags: '', ticketType: null,
};

describe('names', () => {
  it('a row with a Latin name and a kana reading keeps its Latin name ("Ohno" stays Ohno, "Yūko" stays Yūko)', () => {
    const r = accepted({ familyName: 'Ohno', givenName: 'Yūko', familyNameKanji: '大野', givenNameKanji: '優子', familyNameKana: 'オオノ', givenNameKana: 'ユウコ' });
    expect(r.fields).toEqual({ ...NONE, familyName: 'Ohno', givenName: 'Yūko', familyNameKanji: '大野', givenNameKanji: '優子', familyNameKana: 'オオノ', givenNameKana: 'ユウコ' });
  });

  it('without a Latin name, each part is romanised from its own kana, passport style', () => {
    expect(accepted({ familyNameKanji: '大野', givenNameKanji: '陽子', familyNameKana: 'オオノ', givenNameKana: 'ヨウコ' }).fields).toMatchObject({ familyName: 'Ono', givenName: 'Yoko' });
    expect(accepted({ familyNameKanji: '近藤', familyNameKana: 'コンドウ', givenName: 'Yōko' }).fields).toMatchObject({ familyName: 'Kondo', givenName: 'Yōko' });
    expect(accepted({ familyName: 'Kondoh', givenNameKanji: '陽子', givenNameKana: 'ヨウコ' }).fields).toMatchObject({ familyName: 'Kondoh', givenName: 'Yoko' });
  });

  it('a Latin full name: the last word is the family name, the rest the given name', () => {
    expect(accepted({ fullName: 'Kwame Mensah' }).fields).toMatchObject({ familyName: 'Mensah', givenName: 'Kwame' });
    expect(accepted({ fullName: 'Anna Maria  Rossi' }).fields).toMatchObject({ familyName: 'Rossi', givenName: 'Anna Maria' });
    // The family name begins at its particle; titles are no part of the given name.
    expect(accepted({ fullName: 'Siobhán Ó Briain' }).fields).toMatchObject({ familyName: 'Ó Briain', givenName: 'Siobhán' });
    expect(accepted({ fullName: 'Lotte van der Berg' }).fields).toMatchObject({ familyName: 'van der Berg', givenName: 'Lotte' });
    expect(accepted({ fullName: 'Prof. Dr. Jürgen Weiß' }).fields).toMatchObject({ familyName: 'Weiß', givenName: 'Jürgen' });
    expect(accepted({ familyName: 'Weiß', givenName: 'Prof. Dr. Jürgen' }).fields).toMatchObject({ familyName: 'Weiß', givenName: 'Jürgen' });
    expect(accepted({ fullName: 'Madonna' }).fields).toMatchObject({ familyName: 'Madonna', givenName: '' });
  });

  it('a full name is used only when no separate name column is filled', () => {
    expect(accepted({ fullName: 'Kwame Mensah', familyName: 'Asante' }).fields).toMatchObject({ familyName: 'Asante', givenName: '' });
    expect(accepted({ fullName: 'Kwame Mensah', givenName: 'Kofi' }).fields).toMatchObject({ familyName: '', givenName: 'Kofi' });
  });

  it('a Japanese full name: family name first, split at a Japanese or a Latin space; the kana reading likewise', () => {
    const r = accepted({ fullName: '髙橋　美咲', fullNameKana: 'タカハシ ミサキ エミ' });
    expect(r.fields).toMatchObject({ familyName: 'Takahashi', givenName: 'Misaki Emi', familyNameKanji: '髙橋', givenNameKanji: '美咲', familyNameKana: 'タカハシ', givenNameKana: 'ミサキ エミ' });
  });

  it('kanji from a name column already filled are kept, and the full name never becomes the Latin name', () => {
    const r = accepted({ fullName: '髙橋 美咲', familyNameKanji: '高橋', givenNameKanji: '美咲子', familyNameKana: 'タカハシ', givenNameKana: 'ミサキ' });
    expect(r.fields).toMatchObject({ familyName: 'Takahashi', givenName: 'Misaki', familyNameKanji: '高橋', givenNameKanji: '美咲子' });
  });

  it('kanji typed in the Latin name columns (姓/名 on Japanese forms) are the kanji name', () => {
    const r = accepted({ familyName: '山﨑', givenName: '健太', familyNameKana: 'ヤマザキ', givenNameKana: 'ケンタ' });
    expect(r.fields).toMatchObject({ familyName: 'Yamazaki', givenName: 'Kenta', familyNameKanji: '山﨑', givenNameKanji: '健太' });
  });

  it('one name part is enough; only a row naming nobody is rejected; kanji alone gets a guessed (or missing) reading', () => {
    expect(accepted({ familyName: 'Diop' }).fields).toMatchObject({ familyName: 'Diop', givenName: '' });
    expect(accepted({ givenName: 'Awa' }).fields).toMatchObject({ familyName: '', givenName: 'Awa' });
    expect(check({ organisation: 'No name', country: 'Japan' })).toEqual({
      ok: false, rejection: { code: 'no_name', params: {}, reason: 'No name: give a family or given name.' },
    });
    // An e-mail names the person: imported under its local part, to be completed at the desk.
    expect(accepted({ email: 'nobody@example.org', organisation: 'No name' }).fields).toMatchObject({ familyName: 'nobody', flags: 'reading_missing' });
    const guessed = check({ familyNameKanji: '髙橋', givenNameKanji: '美咲' });
    expect(guessed.ok && guessed.row.flags).toEqual([{ flag: 'reading_guessed', value: '髙橋 美咲' }]);
    expect(guessed.ok && guessed.row.fields).toMatchObject({ familyName: 'Takahashi', givenName: 'Misaki', familyNameKana: 'たかはし', givenNameKana: 'みさき', flags: 'reading_guessed' });
    expect(accepted({ givenNameKanji: '美咲' }).fields).toMatchObject({ familyName: '', givenName: 'Misaki', flags: 'reading_guessed' });
    // A name the dictionary does not know: the kanji alone, "reading missing".
    expect(accepted({ familyNameKanji: '鶺鴒', givenNameKanji: '龘' }).fields).toMatchObject({ familyName: '', givenName: '', familyNameKanji: '鶺鴒', flags: 'reading_missing' });
  });
});

describe('the other fields', () => {
  it('organisation, country and region are kept; the email is stored in lower case; the code as given', () => {
    const r = accepted({ familyName: 'Takahashi', organisation: 'Iwate Prefectural Government', country: 'Japan', region: 'Iwate', email: 'Misaki.Takahashi@Iwate.Example.JP', externalCode: 'EJRC-2027-000001', role: 'Speaker' });
    expect(r.fields).toEqual({
      ...NONE, familyName: 'Takahashi', organisation: 'Iwate Prefectural Government', country: 'Japan', region: 'Iwate',
      email: 'misaki.takahashi@iwate.example.jp', role: 'speaker', externalCode: 'EJRC-2027-000001',
    });
  });

  it('a row without an email column, or with an empty or blank email cell, has no email (and does not crash)', () => {
    expect(accepted({ familyName: 'Diop' }).fields.email).toBeNull();
    expect(accepted({ familyName: 'Diop', email: '' }).fields.email).toBeNull();
    expect(accepted({ familyName: 'Diop', email: '   ' }).fields.email).toBeNull();
  });

  it('empty cells are no value, not an empty string', () => {
    expect(accepted({ familyName: 'Diop', organisation: '', country: ' ', region: '\t', externalCode: '', familyNameKanji: '', familyNameKana: '' }).fields).toEqual({ ...NONE, familyName: 'Diop' });
  });

  it('cells are trimmed and stored in NFC whatever the spreadsheet wrote', () => {
    const nfd = 'Le\u0301vesque';
    expect(accepted({ familyName: `  ${nfd}\t`, organisation: ' Re\u0301gion Grand Est ' }).fields).toMatchObject({ familyName: 'Lévesque', organisation: 'Région Grand Est' });
  });

  it('an invalid email or an unknown role imports the person flagged, quoting what was found', () => {
    const mail = check({ familyName: 'Diop', email: 'awa.diop@' });
    expect(mail.ok && [mail.row.fields.email, mail.row.flags]).toEqual([null, [{ flag: 'email_invalid', value: 'awa.diop@' }]]);
    const role = check({ familyName: 'Diop', role: 'Chef' });
    expect(role.ok && [role.row.fields.role, role.row.fields.ticketType, role.row.flags]).toEqual(['delegate', 'Chef', [{ flag: 'role_unknown', value: 'Chef' }]]);
  });

  it('the Sessions cell is kept whole (titles hold commas); the matcher splits it at ; | 、 and id lists at ,', () => {
    expect(accepted({ familyName: 'Diop', registrations: ' talk ; bus|dinner,  visit 、lunch ' }).registrations).toEqual(['talk ; bus|dinner,  visit 、lunch']);
    const m = new SessionMatcher(['talk', 'bus', 'dinner', 'visit', 'lunch'].map((id) => ({ id, name: id })));
    expect(m.match(' talk ; bus|dinner,  visit 、lunch ')).toEqual({ ids: ['talk', 'bus', 'dinner', 'visit', 'lunch'], notes: [] });
    expect(m.match('talk;;, ;bus')).toEqual({ ids: ['talk', 'bus'], notes: [] });
    expect(accepted({ familyName: 'Diop', registrations: 'Site visit: Biovalley' }).registrations).toEqual(['Site visit: Biovalley']);
    expect(accepted({ familyName: 'Diop', registrations: '' }).registrations).toEqual([]);
    expect(accepted({ familyName: 'Diop' }).registrations).toEqual([]);
  });
});

describe('row shape and length', () => {
  it('a row cut short is rejected with how many columns it has and needs', () => {
    expect(checkRow(['Diop', 'Awa'], ['familyName', 'givenName', 'email'], 3)).toEqual({
      ok: false,
      rejection: { code: 'too_few_columns', params: { count: 2, expected: 3 }, reason: 'Only 2 of 3 columns: the row is cut short (check quotes and delimiters).' },
    });
  });

  it('200 characters are accepted, counted as characters (𠮷 is one) after trimming and NFC', () => {
    expect(MAX_FIELD_LENGTH).toBe(200);
    expect(accepted({ familyName: 'a'.repeat(200) }).fields.familyName).toHaveLength(200);
    expect(accepted({ familyName: '𠮷'.repeat(200), familyNameKana: 'ヨシ' }).fields.familyName).toBe('Yoshi');
    expect(accepted({ familyName: ` ${'b'.repeat(200)} ` }).fields.familyName).toBe('b'.repeat(200));
    expect(accepted({ familyName: 'e\u0301'.repeat(200) }).fields.familyName).toBe('é'.repeat(200));
  });

  it('an unmapped column is ignored, however long', () => {
    expect(accepted({ familyName: 'Diop' }, ['x'.repeat(5000)]).fields).toEqual({ ...NONE, familyName: 'Diop' });
  });

  it.each([
    ['familyName', 'Family name'], ['givenName', 'Given name'], ['fullName', 'Name'], ['familyNameKanji', 'Family name (kanji)'],
    ['givenNameKanji', 'Given name (kanji)'], ['familyNameKana', 'Family name (kana)'], ['givenNameKana', 'Given name (kana)'],
    ['fullNameKana', 'Name (kana)'], ['organisation', 'Organisation'], ['country', 'Country'], ['region', 'Region'], ['email', 'Email'],
    ['role', 'Role'], ['externalCode', 'Registration code'], ['registrations', 'Sessions'],
  ] as const)('201 characters in %s are rejected, naming the field "%s"', (field, label) => {
    const r = check({ familyName: 'Diop', [field]: 'é'.repeat(201) });
    expect(r).toEqual({
      ok: false,
      rejection: { code: 'too_long', params: { field, max: 200, length: 201 }, reason: `${label} is longer than 200 characters (201).` },
    });
  });
});

describe('what an imported row decides at a door', () => {
  let t: TestApp;
  afterEach(() => t?.app.close());

  it('sessions listed in the file admit at their doors; a person not listed is not_registered there', async () => {
    t = makeApp(undefined, '2027-04-28T06:00:00Z');
    const csv = 'Last name,First name,Email,Country,Region,Sessions\r\n' +
      'Diop,Awa,awa@example.sn,Senegal,Dakar,talk ; bus\r\n' +
      'Ohno,Rei,rei@example.jp,Japan,Iwate,talk\r\n' +
      'Kamau,Wanjiru,,Kenya,,\r\n';
    const report = await t.app.importer.run('reg.csv', Buffer.from(csv, 'utf8'));
    expect(report).toMatchObject({ imported: 3, rejected: [] });
    const people = t.app.db.prepare('SELECT family_name, email, country, region FROM delegate ORDER BY badge_no').all();
    expect(people).toEqual([
      { family_name: 'Diop', email: 'awa@example.sn', country: 'Senegal', region: 'Dakar' },
      { family_name: 'Ohno', email: 'rei@example.jp', country: 'Japan', region: 'Iwate' },
      { family_name: 'Kamau', email: null, country: 'Kenya', region: null },
    ]);
    const code = (family: string) => (t.app.db.prepare('SELECT badge_no, badge_issue FROM delegate WHERE family_name = ?').get(family) as { badge_no: number; badge_issue: number });
    const token = (family: string) => t.app.event.tokens().issue({ badgeNo: code(family).badge_no, issue: code(family).badge_issue });
    expect(t.app.dispatch('scan', { checkpointId: 'bus-door', code: token('Diop') }).verdict).toBe('admitted');
    expect(t.app.dispatch('scan', { checkpointId: 'bus-door', code: token('Ohno') })).toMatchObject({ verdict: 'not_registered', reason: 'Not on the list for this checkpoint.' });
    expect(t.app.dispatch('scan', { checkpointId: 'bus-door', code: token('Kamau') }).verdict).toBe('not_registered');
  });
});
