// The header classifier and value inference beneath the system profiles (classify.ts, profiles.ts mappingFor):
// question-style and bilingual headers in eight languages, columns recognised from their values, and the reasons.
import { describe, expect, it } from 'vitest';
import { classifyHeader, valueKind } from '../../electron/services/people/import/classify.js';
import { mappingFor } from '../../electron/services/people/import/profiles.js';

describe('header classifier', () => {
  it.each([
    ['お名前（名札に印字します）', 'fullName'],
    ['Family name / 姓', 'familyName'],
    ['Given name / 名', 'givenName'],
    ['Name in kanji (Japanese participants)', 'familyNameKanji'],
    ['姓（漢字）をご入力ください', 'familyNameKanji'],
    ['フリガナ（セイ）', 'familyNameKana'],
    ['ふりがな（めい）', 'givenNameKana'],
    ['お名前（ふりがな）', 'fullNameKana'],
    ['Your e-mail address?', 'email'],
    ['Adresse e-mail professionnelle', 'email'],
    ['Dirección de correo electrónico', 'email'],
    ['Indirizzo email', 'email'],
    ['E-mailadres', 'email'],
    ['Adres e-mail', 'email'],
    ['ご所属（会社名・団体名）', 'organisation'],
    ['Nom de votre organisation', 'organisation'],
    ['Nombre de la empresa', 'organisation'],
    ['Organizzazione di appartenenza', 'organisation'],
    ['Naam organisatie', 'organisation'],
    ['Nazwa organizacji', 'organisation'],
    ['Prénom', 'givenName'],
    ['Nom de famille', 'familyName'],
    ['Apellidos', 'familyName'],
    ['Cognome', 'familyName'],
    ['Achternaam', 'familyName'],
    ['Nazwisko', 'familyName'],
    ['Imię', 'givenName'],
    ['Voornaam', 'givenName'],
    ['Nome e cognome', 'fullName'],
    ['Imię i nazwisko', 'fullName'],
    ['Volledige naam', 'fullName'],
    ['Country of residence', 'country'],
    ['Pays / 国', 'country'],
    ['Herkunftsland', 'country'],
    ['Participant type (delegate, speaker…)', 'role'],
    ['参加区分', 'role'],
    ['Ticket type', 'ticketType'],
    ['Registration status', 'status'],
    ['Ticket reference', 'externalCode'],
    ['Booking reference number', 'orderCode'],
    ['QR code', 'ticketCode'],
    ['Workshops you will attend', 'registrations'],
  ])('%s → %s', (h, f) => {
    expect(classifyHeader(h)?.field).toBe(f);
  });

  it.each(['Timestamp', 'タイムスタンプ', 'Horodateur', 'Zeitstempel', 'Marca temporal', 'Informazioni cronologiche', 'Start time', 'Phone number', 'Dietary requirements ?'])('%s is known not to be a person', (h) => {
    const m = classifyHeader(h);
    expect(m === null || m.field === null).toBe(true);
  });
});

describe('value inference', () => {
  it('recognises e-mail addresses, kana, kanji names, status words, URLs and unique codes', () => {
    expect(valueKind(['a@x.org', 'b@y.jp', 'c@z.fr'])).toBe('email');
    expect(valueKind(['anonymous', 'anonymous'])).toBe('emailPlaceholder');
    expect(valueKind(['サトウ ケンタ', 'たかはし みさき'])).toBe('kana');
    expect(valueKind(['佐藤健太', '髙橋 美咲'])).toBe('kanjiName');
    expect(valueKind(['参加', 'キャンセル', '補欠'])).toBe('status');
    expect(valueKind(['https://lu.ma/check-in/evt-1?pk=g-1', 'https://lu.ma/check-in/evt-1?pk=g-2'])).toBe('url');
    expect(valueKind(['TK-4821', 'TK-4822', 'TK-4830'])).toBe('code');
    // Repeated values, dates, phone numbers and row numbers are not codes.
    expect(valueKind(['TK-1', 'TK-1'])).toBeNull();
    expect(valueKind(['2027-04-27', '2027-04-28'])).toBeNull();
    expect(valueKind(['09012345678', '08098765432'])).toBeNull();
    expect(valueKind(['1', '2', '3'])).toBeNull();
    expect(valueKind(['only one'])).toBeNull();
  });

  it('a file of question headers: each column with its reason; a column without header by its values', () => {
    const headers = ['Timestamp', 'お名前（名札に印字します）', 'フリガナ', 'ご所属', 'Q4', 'Q5', 'Q6'];
    const rows = [
      { cells: ['2027/03/01 10:00:00', '佐藤 健太', 'サトウ ケンタ', '岐阜県庁', 'kenta@gifu.example.jp', '参加', 'R-1001'] },
      { cells: ['2027/03/01 11:00:00', '髙橋 美咲', 'タカハシ ミサキ', '岩手県', 'misaki@iwate.example.jp', 'キャンセル', 'R-1002'] },
    ];
    const r = mappingFor(headers, rows);
    expect(r.profile?.id).toBe('google-forms-en');
    expect(r.mapping).toEqual([null, 'fullName', 'fullNameKana', 'organisation', 'email', 'status', 'externalCode']);
    expect(r.reasons.map((x) => x.reason)).toEqual([
      'column 1: Google Forms — responses, “Timestamp”',
      'column 2: “お名前（名札に印字します）” reads as a name',
      'column 3: header “フリガナ”',
      'column 4: “ご所属” reads as an organisation',
      'column 5: e-mail addresses',
      'column 6: status words',
      'column 7: unique code-like values',
    ]);
  });

  it('Microsoft Forms, anonymous: "anonymous" in its Email column, the address in the e-mail question', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Full name', 'Your e-mail address'];
    const rows = [
      { cells: ['1', '3/1/27 10:00:00', '3/1/27 10:02:00', 'anonymous', '', 'Aoife Byrne', 'aoife@ei.example.ie'] },
      { cells: ['2', '3/1/27 10:05:00', '3/1/27 10:09:00', 'anonymous', '', 'Jürgen Weiß', 'juergen@biopro.example.de'] },
    ];
    const r = mappingFor(headers, rows);
    expect(r.profile?.id).toBe('ms-forms-en');
    expect(r.mapping).toEqual([null, null, null, null, null, 'fullName', 'email']);
    expect(r.reasons[3]!.reason).toBe('column 4: placeholders such as “anonymous”, not addresses, so not the e-mail');
    expect(r.reasons[6]!.reason).toBe('column 7: e-mail addresses');
  });
});
