// Registration files as they arrive from real systems and Excel, in Europe and Japan: made here, byte for byte.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeApp, type TestApp } from '../helpers.js';
import { rejectedCsv } from '../../electron/services/people/import/importer.js';

let t: TestApp;
afterEach(() => t?.app.close());

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)]);
const names = () => (t.app.db.prepare('SELECT family_name, given_name, family_name_kanji, given_name_kanji, organisation, email, role FROM delegate ORDER BY badge_no').all() as Record<string, string | null>[]);

describe('reading registration files', () => {
  it('UTF-8 with BOM, English headers, comma, CRLF, quoted delimiters, quotes and newlines; lines are physical lines', async () => {
    t = makeApp();
    const csv = 'First name,Last name,Email,Organisation\r\n' +
      'Amélie,Lefèvre,amelie@example.fr,"Région Grand Est, Strasbourg"\r\n' +
      'Seán,"Ó ""Bríain""",sean@example.ie,"Enterprise Ireland\r\nCork office"\r\n' +
      ',,,No name\r\n';
    const r = await t.app.importer.run('reg.csv', bom(csv));
    expect(r).toMatchObject({ imported: 2, encoding: 'utf-8-bom', delimiter: ',' });
    expect(r.rejected).toEqual([{ line: 5, code: 'no_name', params: {}, reason: 'No name: give a family or given name.', cells: ['', '', '', 'No name'] }]);
    expect(names()[1]).toMatchObject({ family_name: 'Ó "Bríain"', organisation: 'Enterprise Ireland\r\nCork office' });
  });

  it('Shift_JIS (CP932) from Japanese Excel, detected without asking: 髙 and 﨑 kept; Japanese headers and role words', async () => {
    t = makeApp();
    const csv = '姓,名,セイ,メイ,所属,都道府県,メールアドレス,区分\r\n髙橋,美咲,タカハシ,ミサキ,岩手県庁,岩手県,misaki@example.jp,登壇者\r\n山﨑,健太,ヤマザキ,ケンタ,岐阜県庁,岐阜県,kenta@example.jp,参加者\r\n';
    const bytes = iconv.encode(csv, 'cp932');
    expect(utf8(csv).equals(bytes)).toBe(false);
    const r = await t.app.importer.run('参加者.csv', bytes);
    expect(r).toMatchObject({ imported: 2, encoding: 'shift_jis', rejected: [] });
    expect(names()).toEqual([
      { family_name: 'Takahashi', given_name: 'Misaki', family_name_kanji: '髙橋', given_name_kanji: '美咲', organisation: '岩手県庁', email: 'misaki@example.jp', role: 'speaker' },
      { family_name: 'Yamazaki', given_name: 'Kenta', family_name_kanji: '山﨑', given_name_kanji: '健太', organisation: '岐阜県庁', email: 'kenta@example.jp', role: 'delegate' },
    ]);
    expect(t.app.dispatch('searchDelegates', { query: 'たかはし' })[0]?.familyNameKanji).toBe('髙橋');
  });

  it('Windows-1252 from European Excel with semicolons and French headers', async () => {
    t = makeApp();
    const csv = 'Nom;Prénom;Courriel;Société;Rôle\r\nMüller;Jürgen;jurgen@example.de;Wirtschaftsförderung;Intervenant\r\nLefèvre;Amélie;amelie@example.fr;Région Grand Est;Presse\r\n';
    const r = await t.app.importer.run('inscrits.csv', iconv.encode(csv, 'win1252'));
    expect(r).toMatchObject({ imported: 2, encoding: 'windows-1252', delimiter: ';' });
    expect(names().map((n) => [n.family_name, n.given_name, n.role])).toEqual([['Müller', 'Jürgen', 'speaker'], ['Lefèvre', 'Amélie', 'press']]);
  });

  it('tab-separated UTF-8 without BOM, German headers', async () => {
    t = makeApp();
    const r = await t.app.importer.run('anmeldungen.tsv', utf8('Nachname\tVorname\tE-Mail-Adresse\tFirma\tRolle\nGroßmann\tSören\tsoren@example.de\tBIOPRO\tReferent\n'));
    expect(r).toMatchObject({ imported: 1, delimiter: '\t', encoding: 'utf-8' });
    expect(names()[0]).toMatchObject({ family_name: 'Großmann', given_name: 'Sören', role: 'speaker', organisation: 'BIOPRO' });
  });

  it('XLSX with a full-name column (氏名) and kana reading (フリガナ); row numbers are Excel row numbers', async () => {
    t = makeApp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('参加者');
    ws.addRow(['氏名', 'フリガナ', 'Email', 'Organisation']);
    ws.addRow(['渡邊 直樹', 'ワタナベ ナオキ', 'naoki@example.jp', '宮城県']);
    ws.addRow([]);
    ws.addRow(['Siobhán Ó Briain', '', 'siobhan@', 'Enterprise Ireland']);
    const r = await t.app.importer.run('list.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toMatchObject({ imported: 2, format: 'xlsx', rejected: [] });
    expect(r.flagged).toEqual([{ line: 4, flag: 'email_invalid', value: 'siobhan@' }]);
    expect(names()[0]).toMatchObject({ family_name: 'Watanabe', given_name: 'Naoki', family_name_kanji: '渡邊', given_name_kanji: '直樹' });
  });
});

describe('validation, row by row', () => {
  it('rejects only rows naming nobody or unreadable, with line and reason; soft problems import flagged by line', async () => {
    t = makeApp();
    const long = 'x'.repeat(201);
    const csv = [
      'First name,Last name,Email,Organisation,Role',
      'Ok,One,one@example.org,Org,Speaker',
      ',,,Org,',
      'Bad,Mail,not-an-email,Org,',
      'Dup,Licate,ONE@example.org,Org,',
      `Long,Org,long@example.org,${long},`,
      'Short,Row,short@example.org',
      'Odd,Role,odd@example.org,Org,Juggler',
      'Ok,Two,two@example.org,Org,',
    ].join('\n');
    const r = await t.app.importer.run('reg.csv', utf8(csv));
    expect(r.imported).toBe(5);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [3, 'No name: give a family or given name.'],
      [6, 'Organisation is longer than 200 characters (201).'],
      [7, 'Only 3 of 5 columns: the row is cut short (check quotes and delimiters).'],
    ]);
    expect(r.flagged).toEqual([
      { line: 4, flag: 'email_invalid', value: 'not-an-email' },
      { line: 5, flag: 'possible_duplicate', value: 'one@example.org (line 2)' },
      { line: 8, flag: 'role_unknown', value: 'Juggler' },
    ]);
    // The rejected rows come back as a CSV to fix and import again.
    const fix = rejectedCsv(r.headers, r.rejected);
    expect(fix.split('\r\n')[0]).toBe('\uFEFFFirst name,Last name,Email,Organisation,Role,Line,Reason');
    expect(fix).toContain(',,,Org,,3,No name: give a family or given name.');
  });

  it('text that looks like a formula, markup or SQL is stored literally', async () => {
    t = makeApp();
    const csv = 'First name,Last name,Email,Organisation\n<script>alert(1)</script>,"Robert\'); DROP TABLE delegate;--",bobby@example.org,=HYPERLINK("http://evil.example")\n';
    const r = await t.app.importer.run('reg.csv', utf8(csv));
    expect(r.imported).toBe(1);
    expect(names()[0]).toMatchObject({ given_name: '<script>alert(1)</script>', family_name: "Robert'); DROP TABLE delegate;--", organisation: '=HYPERLINK("http://evil.example")' });
  });

  it('a file with no name column says which columns it found', async () => {
    t = makeApp();
    await expect(t.app.importer.run('x.csv', utf8('Foo,Bar\n1,2\n'))).rejects.toThrow(/No name column recognised among: Foo, Bar/);
  });
});

describe('re-import and dry run', () => {
  const v1 = 'First name,Last name,Email,Organisation,Ticket\nAmélie,Lefèvre,amelie@example.fr,Région Grand Est,T-1\nKwame,Mensah,kwame@example.gh,GIPC,T-2\n';
  const v2 = 'First name,Last name,Email,Organisation,Ticket\nAmélie,Lefèvre,amelie@example.fr,EU-Japan Centre,T-1\nKwame,Mensah,kwame.new@example.gh,GIPC,T-2\nHương,Nguyễn,huong@example.vn,Hanoi DoIT,T-3\n';

  it('updates people matched by email or registration code, adds new ones, keeps badges and check-ins', async () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    await t.app.importer.run('v1.csv', utf8(v1));
    const amelie = t.app.delegates.findByIdOrEmail('amelie@example.fr')!;
    const token = t.app.delegates.tokenFor(amelie)!;
    t.app.dispatch('reissueBadge', { delegateId: amelie.id });
    t.app.dispatch('checkIn', { delegateId: amelie.id });
    const r = await t.app.importer.run('v2.csv', utf8(v2));
    expect(r).toMatchObject({ imported: 1, updated: 2, rejected: [] });
    expect((t.app.db.prepare('SELECT count(*) AS n FROM delegate').get() as { n: number }).n).toBe(3);
    const after = t.app.delegates.findByIdOrEmail('amelie@example.fr')!;
    expect(after).toMatchObject({ id: amelie.id, badge_no: amelie.badge_no, badge_issue: 2, organisation: 'EU-Japan Centre' });
    expect(t.app.dispatch('scan', { checkpointId: 'venue', code: token }).verdict).toBe('revoked');
    expect(t.app.dispatch('checkIn', { delegateId: amelie.id }).verdict).toBe('already_checked_in');
    expect(t.app.delegates.findByExternalCode('T-2')!.email).toBe('kwame.new@example.gh');
    const again = await t.app.importer.run('v2.csv', utf8(v2));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });

  it('a dry run reports the same and writes nothing', async () => {
    t = makeApp();
    await t.app.importer.run('v1.csv', utf8(v1));
    const before = t.app.db.prepare('SELECT count(*) AS n FROM change_log').get();
    const dry = await t.app.importer.run('v2.csv', utf8(v2), { dryRun: true });
    expect(dry).toMatchObject({ imported: 1, updated: 2, dryRun: true });
    expect(t.app.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual(before);
    expect(t.app.delegates.findByIdOrEmail('amelie@example.fr')!.organisation).toBe('Région Grand Est');
  });
});

describe('export and privacy', () => {
  it('CSV in UTF-8 with BOM and XLSX, with check-in state; formula cells neutralised', async () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    await t.app.importer.run('reg.csv', utf8('First name,Last name,Email,Organisation\nZofia,Müller-Łukasiewicz,zofia@example.pl,=1+1\nMisaki,髙橋,misaki@example.jp,@SUM(A1)\n'));
    t.app.dispatch('checkIn', { delegateId: t.app.delegates.findByIdOrEmail('zofia@example.pl')!.id });
    const { data } = t.app.exporter.csv();
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = data.subarray(3).toString('utf8');
    expect(text).toContain("Müller-Łukasiewicz,Zofia,,,,,'=1+1");
    expect(text).toContain("'@SUM(A1)");
    expect(text).toMatch(/zofia@example\.pl,delegate,,2027-04-27T07:00:00\.000Z,Entrance/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.app.exporter.xlsx()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const zofiaRow = [2, 3].map((n) => ws.getRow(n)).find((row) => row.getCell(11).value === 'zofia@example.pl')!;
    const cell = zofiaRow.getCell(8);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("'=1+1");
  });

  it('Shift_JIS export for Japanese Excel keeps 髙 and says which cells it could not hold', async () => {
    t = makeApp();
    await t.app.importer.run('reg.csv', utf8('姓,名,セイ,メイ,Email\n髙橋,美咲,タカハシ,ミサキ,misaki@example.jp\nMüller,Jürgen,,,jurgen@example.de\n'));
    const { data, lossyCells } = t.app.exporter.csv('shift_jis');
    const back = iconv.decode(data, 'cp932');
    expect(back).toContain('髙橋');
    expect(lossyCells).toBe(2);
  });

  it('exports everything about one person, and purges personal data after the event keeping counts', async () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    await t.app.importer.run('reg.csv', utf8('First name,Last name,Email\nKwame,Mensah,kwame@example.gh\nAma,Owusu,ama@example.gh\n'));
    const kwame = t.app.delegates.findByIdOrEmail('kwame@example.gh')!;
    t.app.dispatch('checkIn', { delegateId: kwame.id });
    const subject = t.app.privacy.subjectExport('kwame@example.gh');
    expect(subject).toMatchObject({ delegate: { familyName: 'Mensah', email: 'kwame@example.gh' } });
    expect((subject.scans as unknown[]).length).toBe(1);
    expect(() => t.app.privacy.purge()).toThrow(/after it ends/);
    t.clock.set('2027-05-01T10:00:00Z');
    expect(t.app.privacy.purge()).toEqual({ delegates: 2 });
    const dump = JSON.stringify(t.app.db.prepare('SELECT * FROM delegate').all()) + JSON.stringify(t.app.db.prepare('SELECT payload FROM change_log').all()) + JSON.stringify(t.app.db.prepare('SELECT code FROM scan').all());
    for (const secret of ['Mensah', 'kwame@example.gh', 'Owusu', 'ama@']) expect(dump).not.toContain(secret);
    // Anonymous counts stay: the admission and the scan are still there, tied to an anonymous delegate.
    expect(t.app.db.prepare("SELECT count(*) AS n FROM admission WHERE target_key = 'venue'").get()).toEqual({ n: 1 });
    expect(t.app.db.prepare("SELECT count(*) AS n FROM scan WHERE verdict = 'admitted'").get()).toEqual({ n: 1 });
    expect((t.app.db.prepare("SELECT count(*) AS n FROM change_log WHERE type IN ('privacy.exported', 'privacy.purged')").get() as { n: number }).n).toBe(2);
  });
});

describe('large imports', () => {
  it('index the search once at the end, and a file left mid-import by a crash is re-indexed when opened', async () => {
    t = makeApp();
    const rows = Array.from({ length: 2500 }, (_, i) => `Given${i},Family${i},p${i}@example.org`);
    const r = await t.app.importer.run('big.csv', utf8(['First name,Last name,Email', ...rows, 'Misaki,高橋,misaki@example.jp'].join('\n')));
    expect(r.imported).toBe(2501);
    expect(t.app.delegates.searchIndexDeferred()).toBe(false);
    expect(t.app.dispatch('searchDelegates', { query: 'family2499' })[0]?.email).toBe('p2499@example.org');
    // A crash between rows: the flag stays behind, the index misses new rows until the file is opened again.
    t.app.delegates.deferSearchIndex();
    t.app.core.tx(() => t.app.delegates.insert({ familyName: 'Afterthecrash', givenName: 'Late' }));
    expect(t.app.dispatch('searchDelegates', { query: 'afterthecrash' })).toEqual([]);
    t.app.close();
    const { Uketsuke } = await import('../../electron/services/uketsuke.js');
    const reopened = Uketsuke.open(t.file);
    expect(reopened.dispatch('searchDelegates', { query: 'afterthecrash' })[0]?.givenName).toBe('Late');
    reopened.close();
  });
});

describe('encoding detection on long files', () => {
  it('a Shift_JIS file whose first thousands of rows are ASCII is still read as Shift_JIS', async () => {
    t = makeApp();
    const ascii = Array.from({ length: 6000 }, (_, i) => `Given${i},Family${i},,,ascii${i}@example.org`);
    const csv = ['First name,Last name,姓,名,Email', ...ascii, 'Misaki,Takahashi,髙橋,美咲,misaki@example.jp'].join('\r\n');
    const bytes = iconv.encode(csv, 'cp932');
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    const r = await t.app.importer.run('long.csv', bytes);
    expect(r.encoding).toBe('shift_jis');
    expect(t.app.delegates.findByIdOrEmail('misaki@example.jp')!.family_name_kanji).toBe('髙橋');
  });
});

describe('telling Shift_JIS from Windows-1252', () => {
  it.each([
    ['a two-line Japanese file', '姓,名\r\n髙橋,美咲\r\n', 'cp932', 'shift_jis', '髙橋'],
    ['a short German file', 'Nachname;Vorname\r\nMüller;Jürgen\r\n', 'win1252', 'windows-1252', 'Müller'],
    ['a French file with many accents', 'Nom;Prénom\r\nLefèvre;Amélie\r\nBéranger;Gaëlle\r\nDupré;Hélène\r\n', 'win1252', 'windows-1252', 'Gaëlle'],
    ['half-width katakana readings', 'Last name,First name,ｾｲ,ﾒｲ\r\nKondo,Ryo,ｺﾝﾄﾞｳ,ﾘｮｳ\r\n', 'cp932', 'shift_jis', 'ｺﾝﾄﾞｳ'],
  ])('%s', async (_name, text, enc, expected, sample) => {
    const { decodeText } = await import('../../electron/services/files/read-file.js');
    const r = decodeText(iconv.encode(text, enc));
    expect(r.encoding).toBe(expected);
    expect(r.text).toContain(sample);
  });
});
