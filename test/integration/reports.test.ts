// Reports from a known event state: two devices (a desk and a bus tablet) over two days, with every case that
// changes a count — two doors of one room, a re-entry, a re-scan, a denial, a supervisor's override, an undo, a
// cancelled registration, a reissued badge, and the same badge admitted on the bus by both devices while offline
// (a double entry, which must count one person). Every figure of every report is asserted somewhere below.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meetings } from '../../electron/services/people/meetings.js';
import { buildReport, type ReportRequest } from '../../electron/services/reports/build-report.js';
import { ReportRunner } from '../../electron/services/reports/report-jobs.js';
import { pathToFileURL } from 'node:url';
import type { EventSpec } from '../../electron/services/event/event-store.js';
import { syncAll, venue, type Device } from '../sync-rig.js';
import { tempDir, TestClock } from '../helpers.js';
import { pdfFonts, pdfPages, pdfWords } from './pdf-tools.js';

const spec: EventSpec = {
  id: 'report-test',
  name: 'Regions Forum',
  nameJa: '地域フォーラム',
  venue: 'Palais, Strasbourg',
  timezone: 'Europe/Paris',
  rehearsal: true,
  days: [
    { dayNo: 1, date: '2027-04-27', title: 'Day 1', titleJa: '1日目' },
    { dayNo: 2, date: '2027-04-28', title: 'Day 2', titleJa: '2日目' },
  ],
  sessions: [
    { id: 'talk', dayNo: 1, kind: 'plenary', title: 'Opening talk', titleJa: '開会講演', room: 'Hall', startsAt: '2027-04-27T07:00:00Z', endsAt: '2027-04-27T08:00:00Z', capacity: 3 },
    { id: 'panel', dayNo: 1, kind: 'panel', title: 'Cluster panel', titleJa: 'クラスターパネル', room: 'Hall', startsAt: '2027-04-27T08:30:00Z', endsAt: '2027-04-27T09:30:00Z', capacity: null },
    { id: 'meet', dayNo: 2, kind: 'meetings', title: 'Face-to-face meetings', titleJa: '個別商談会', room: 'Area B', startsAt: '2027-04-28T07:00:00Z', endsAt: '2027-04-28T09:00:00Z', capacity: null },
  ],
  buses: [{ id: 'bus1', label: 'Bus 1', site: 'Biovalley', departsAt: '2027-04-28T11:00:00Z', returnsAt: '2027-04-28T15:00:00Z', boarding: 'Coach park', capacity: 2 }],
  checkpoints: [
    { id: 'venue', kind: 'venue', name: 'Entrance', nameJa: '受付', entryRule: 'once_per_day', listRule: 'anyone' },
    { id: 'talk-a', kind: 'session', name: 'Talk door A', nameJa: '講演 入口A', targetId: 'talk', capacity: 3, entryRule: 'reentry', listRule: 'registered' },
    { id: 'talk-b', kind: 'session', name: 'Talk door B', nameJa: '講演 入口B', targetId: 'talk', capacity: 3, entryRule: 'reentry', listRule: 'registered' },
    { id: 'panel-door', kind: 'session', name: 'Panel door', targetId: 'panel', entryRule: 'reentry', listRule: 'registered' },
    { id: 'meet-door', kind: 'meeting', name: 'Meetings', targetId: 'meet', entryRule: 'reentry', listRule: 'registered' },
    { id: 'bus-door', kind: 'bus', name: 'Bus 1', nameJa: 'バス 1（バイオバレー）', targetId: 'bus1', capacity: 2, entryRule: 'once', listRule: 'registered' },
  ],
};

interface Scene {
  desk: Device;
  tablet: Device;
  clock: TestClock;
  ids: Record<'misaki' | 'zofia' | 'kwame' | 'huong' | 'kenta' | 'asa' | 'cancelled' | 'formula', string>;
  dir: string;
}

function scene(): Scene {
  const clock = new TestClock(Date.parse('2027-04-27T05:00:00Z'));
  const [desk, tablet] = venue(spec, ['desk-a', 'tablet-b'], clock) as [Device, Device];
  const app = desk.app;
  const add = (f: Parameters<typeof app.dispatch<'walkIn'>>[1]) => app.dispatch('walkIn', f);
  const people = {
    misaki: add({ familyName: 'Takahashi', givenName: 'Misaki', familyNameKanji: '髙橋', givenNameKanji: '美咲', familyNameKana: 'タカハシ', givenNameKana: 'ミサキ', organisation: '岩手県庁', country: 'Japan', region: '岩手県', role: 'speaker', registrations: ['talk', 'panel', 'meet', 'bus1'] }),
    zofia: add({ familyName: 'Müller-Łukasiewicz', givenName: 'Zofia', organisation: 'Mazovia Cluster ICT', country: 'Poland', region: 'Mazowieckie', registrations: ['talk', 'meet', 'bus1'] }),
    kwame: add({ familyName: 'Mensah', givenName: 'Kwame', organisation: 'GIPC', country: 'Ghana', region: 'Greater Accra', role: 'panellist', registrations: ['talk', 'panel'] }),
    huong: add({ familyName: 'Nguyễn', givenName: 'Thị Hương', organisation: 'Hanoi DoIT', country: 'Viet Nam', region: 'Hà Nội', registrations: ['panel', 'bus1'] }),
    kenta: add({ familyName: 'Yamazaki', givenName: 'Kenta', familyNameKanji: '山﨑', givenNameKanji: '健太', organisation: '岐阜県庁', country: 'Japan', region: 'Gifu', registrations: ['meet'] }),
    asa: add({ familyName: 'Lindqvist', givenName: 'Åsa', organisation: 'Medicon Village', country: 'Sweden', region: 'Skåne', registrations: ['talk'] }),
    cancelled: add({ familyName: 'Dupré', givenName: 'Noël', country: 'France', registrations: ['talk'] }),
    formula: add({ familyName: '=cmd|calc', givenName: '@SUM(1)', organisation: '+danger', country: 'France', region: 'Grand Est' }),
  };
  const ids = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.delegate.id])) as Scene['ids'];
  const token = (k: keyof Scene['ids']) => people[k].token!;
  app.core.tx(() => app.delegates.setCancelled(ids.cancelled, true));
  const meetings = new Meetings(app.core);
  app.core.tx(() => {
    meetings.add({ eventId: spec.id, sessionId: 'meet', delegateA: ids.zofia, delegateB: ids.misaki, startsAt: '2027-04-28T07:00:00Z', endsAt: '2027-04-28T07:25:00Z', tableNo: 'T1' });
    meetings.add({ eventId: spec.id, sessionId: 'meet', delegateA: ids.kenta, delegateB: ids.zofia, startsAt: '2027-04-28T07:30:00Z', endsAt: '2027-04-28T07:55:00Z', tableNo: 'T2' });
  });
  const at = (iso: string) => clock.set(iso);
  const scan = (cp: string, code: string) => app.dispatch('scan', { checkpointId: cp, code });
  // Day 1: four arrivals at the entrance (one re-scan), the talk through two doors, the panel.
  at('2027-04-27T06:10:00Z');
  for (const k of ['misaki', 'zofia', 'kwame', 'formula'] as const) app.dispatch('checkIn', { delegateId: ids[k] });
  at('2027-04-27T06:55:00Z'); scan('talk-a', token('misaki'));
  at('2027-04-27T06:58:00Z'); scan('talk-a', token('zofia'));
  at('2027-04-27T07:05:00Z'); expect(scan('talk-b', token('misaki')).verdict).toBe('readmitted');
  at('2027-04-27T07:10:00Z'); scan('talk-b', token('kwame'));
  at('2027-04-27T07:12:00Z'); expect(scan('talk-a', token('huong')).verdict).toBe('not_registered');
  at('2027-04-27T08:25:00Z'); scan('panel-door', token('misaki'));
  at('2027-04-27T08:31:00Z'); scan('panel-door', token('kwame'));
  at('2027-04-27T08:35:00Z'); scan('panel-door', token('huong'));
  at('2027-04-27T09:00:00Z'); expect(scan('venue', token('misaki')).verdict).toBe('already_checked_in');
  // Day 2: two arrivals and one undone, the meetings (Kenta does not come), the bus.
  at('2027-04-28T06:30:00Z');
  app.dispatch('checkIn', { delegateId: ids.misaki });
  app.dispatch('checkIn', { delegateId: ids.zofia });
  at('2027-04-28T06:40:00Z');
  const wrong = app.dispatch('checkIn', { delegateId: ids.formula });
  app.dispatch('undoScan', { scanId: wrong.scanId, reason: 'Checked in the wrong person' });
  at('2027-04-28T07:00:00Z'); scan('meet-door', token('misaki'));
  at('2027-04-28T07:02:00Z'); scan('meet-door', token('zofia'));
  app.dispatch('reissueBadge', { delegateId: ids.kwame });
  syncAll([desk, tablet]);
  // The bus tablets go offline: both admit Misaki.
  at('2027-04-28T10:40:00Z'); expect(scan('bus-door', token('misaki')).verdict).toBe('admitted');
  at('2027-04-28T10:45:00Z'); expect(tablet.app.dispatch('scan', { checkpointId: 'bus-door', code: token('misaki') }).verdict).toBe('admitted');
  at('2027-04-28T10:50:00Z'); scan('bus-door', token('zofia'));
  at('2027-04-28T10:52:00Z'); expect(scan('bus-door', token('zofia')).verdict).toBe('already_checked_in');
  at('2027-04-28T10:55:00Z'); app.dispatch('override', { checkpointId: 'bus-door', delegateId: ids.kwame, reason: 'Guest of the Iwate delegation' });
  at('2027-04-28T10:56:00Z'); expect(scan('bus-door', 'U1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').verdict).toMatch(/forged|unknown/);
  syncAll([desk, tablet]);
  at('2027-04-28T16:00:00Z');
  return { desk, tablet, clock, ids, dir: tempDir('uketsuke-reports-') };
}

let s: Scene;
const NOW = '2027-04-28T16:00:00.000Z';

async function report(kind: ReportRequest['kind'], format: ReportRequest['format'], lang: ReportRequest['lang'] = 'en', delegateIds?: string[]) {
  const f = await buildReport(s.desk.app.db, { kind, format, lang, now: NOW, delegateIds });
  const file = path.join(s.dir, f.fileName);
  fs.writeFileSync(file, f.data);
  return { ...f, file };
}

/** A multi-table CSV as {title: rows}; a single table under ''. */
function csvTables(data: Buffer): Record<string, string[][]> {
  expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = data.subarray(3).toString('utf8');
  const out: Record<string, string[][]> = {};
  for (const part of text.split('\r\n\r\n')) {
    const rows = Papa.parse<string[]>(part.trim(), { skipEmptyLines: true }).data;
    if (rows[0]?.length === 1 && rows.length > 1) out[rows[0][0]!] = rows.slice(1);
    else out[''] = rows;
  }
  return out;
}

beforeAll(() => {
  s = scene();
}, 60_000);

afterAll(() => {
  s.desk.app.close();
  s.tablet.app.close();
});

describe('reports: attendance', () => {
  it('counts people, not scans: two doors, a re-entry, a re-scan and a double entry each count once', async () => {
    const t = csvTables((await report('attendance', 'csv')).data);
    expect(t.Days).toEqual([
      ['Day', 'Registered', 'Attended', 'No-shows', 'Arrivals', 'Capacity', 'Fill rate', 'Peak occupancy'],
      ['2027-04-27', '5', '5', '1', '4', '', '', '3'],
      ['2027-04-28', '4', '3', '2', '2', '', '', '3'],
      ['Total', '7', '5', '2', '', '', '', ''],
    ]);
    expect(t.Sessions).toEqual([
      ['Day', 'Time', 'Session', 'Registered', 'Attended', 'Not on the list', 'No-shows', 'Capacity', 'Fill rate', 'Peak occupancy'],
      ['2027-04-27', '2027-04-27 09:00', 'Opening talk', '4', '3', '0', '1', '3', '100.0%', '3'],
      ['2027-04-27', '2027-04-27 10:30', 'Cluster panel', '3', '3', '0', '0', '', '', '3'],
      ['2027-04-28', '2027-04-28 09:00', 'Face-to-face meetings', '3', '2', '0', '1', '', '', '2'],
      ['2027-04-28', '2027-04-28 13:00', 'Bus 1 — Biovalley', '3', '3', '1', '1', '2', '150.0%', '3'],
    ]);
    expect(t['Arrivals per 15 min']).toEqual([
      ['Time', 'Arrivals'],
      ['2027-04-27 08:00', '4'],
      ['2027-04-28 08:30', '2'],
    ]);
  });

  it('as a PDF: the figures, the event and "page N of M" on every page, fonts embedded, in English and Japanese', async () => {
    const en = await report('attendance', 'pdf');
    const words = pdfWords(en.file);
    expect(words).toContain('Attendance');
    expect(words).toContain('Registered Came at least once Never came Busiest session 7 5 2 3 71.4% 28.6% Opening talk');
    expect(words).toContain('Tue 27 April 5 5 1 4 — — 3 Wed 28 April 4 3 2 2 — — 3');
    expect(words).toContain('Attendance per session Registered Attended Opening talk 4 3 Cluster panel 3 3 Face-to-face meetings 3 2');
    expect(words).toContain('Tue 27 April Opening talk 4 3 1 3 100.0% 3 09:00');
    expect(words).toContain('Wed 28 April Face-to-face meetings 3 2 1 — — 2 09:00');
    expect(words).toContain('Wed 28 April Bus 1 — Biovalley 3 3 1 2 150.0% 3 13:00');
    expect(words).toContain('One admission was of people not on the list');
    const pages = pdfPages(en.file);
    for (let p = 1; p <= pages; p++) expect(words).toContain(`Page ${p} of ${pages}`);
    expect(words.match(/Regions Forum/g)!.length).toBeGreaterThanOrEqual(pages);
    expect(words).toContain('Generated Wed, 28 April 2027, 18:00');
    expect(pdfFonts(en.file).every((f) => f.embedded)).toBe(true);
    const ja = await report('attendance', 'pdf', 'ja');
    const jw = pdfWords(ja.file);
    expect(jw).toContain('入場状況');
    expect(jw).toContain('地域フォーラム');
    expect(jw).toContain('4月27日(火) 開会講演 4 3 1 3 100.0% 3 09:00');
    expect(jw).toContain('1号車（バイオバレー）');
    expect(jw).toContain('作成日時：2027年4月28日(水) 18:00');
    expect(jw).toContain(`1 / ${pdfPages(ja.file)} ページ`);
    expect(pdfFonts(ja.file).map((f) => f.name).join(' ')).toMatch(/NotoSansJP/);
  });

  it('as XLSX: numbers stay numbers, shares are formatted as percentages', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await report('attendance', 'xlsx')).data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sessions')!;
    expect(ws.getRow(2).values).toEqual([undefined, '2027-04-27', '2027-04-27 09:00', 'Opening talk', 4, 3, 0, 1, 3, 1, 3]);
    expect(ws.getColumn(9).numFmt).toBe('0.0%');
    expect(wb.getWorksheet('About')!.getRow(1).values).toEqual([undefined, 'Attendance', 'Regions Forum']);
  });
});

describe('reports: bus manifest', () => {
  it('one page per bus: the list in family-name order, kanji and romaji, boarded or not and when, and who boarded off the list', async () => {
    const t = csvTables((await report('bus-manifest', 'csv')).data);
    expect(t['']).toEqual([
      ['Bus', 'Departure', 'Family name', 'Given name', 'Name (kanji)', 'Organisation', 'Badge no.', 'On the list', 'Boarded', 'Boarded at'],
      ['Bus 1 — Biovalley', '2027-04-28 13:00', 'Müller-Łukasiewicz', 'Zofia', '', 'Mazovia Cluster ICT', expect.any(String), 'Yes', 'Yes', '2027-04-28 12:50'],
      ['Bus 1 — Biovalley', '2027-04-28 13:00', 'Nguyễn', 'Thị Hương', '', 'Hanoi DoIT', expect.any(String), 'Yes', 'No', ''],
      ['Bus 1 — Biovalley', '2027-04-28 13:00', 'Takahashi', 'Misaki', '髙橋 美咲', '岩手県庁', expect.any(String), 'Yes', 'Yes', '2027-04-28 12:40'],
      ['Bus 1 — Biovalley', '2027-04-28 13:00', 'Mensah', 'Kwame', '', 'GIPC', expect.any(String), 'No', 'Yes', '2027-04-28 12:55'],
    ]);
    const pdf = await report('bus-manifest', 'pdf', 'ja');
    expect(pdfPages(pdf.file)).toBe(1);
    const w = pdfWords(pdf.file);
    expect(w).toContain('乗車名簿');
    expect(w).toContain('1号車（バイオバレー）');
    expect(w).toMatch(/1 MÜLLER-ŁUKASIEWICZ Zofia Mazovia Cluster ICT \d+ 乗車済み 12:50 2 NGUYỄN Thị Hương Hanoi DoIT \d+ — — 3 髙橋 美咲 岩手県庁 \d+ 乗車済み 12:40 TAKAHASHI Misaki/);
    expect(w).toContain('この号車の名簿にない乗車');
    expect(w).toContain('乗車 登録 定員 3 3 2');
    expect(w).toMatch(/4 MENSAH Kwame GIPC \d+ 乗車済み 12:55/);
    expect(w).toContain('運転手');
    const en = pdfWords((await report('bus-manifest', 'pdf')).file);
    expect(en).toMatch(/1 MÜLLER-ŁUKASIEWICZ Zofia Mazovia Cluster ICT \d+ Boarded 12:50/);
    expect(en).toContain('Departs Wed, 28 April 2027, 13:00 from Coach park');
  });
});

describe('reports: no-shows', () => {
  it('per session and for the whole event; a cancelled registration is not a no-show', async () => {
    const t = csvTables((await report('no-shows', 'csv')).data);
    expect(t.Summary).toEqual([
      ['Day', 'Time', 'Session', 'Registered', 'Attended', 'No-shows', 'No-show rate'],
      ['2027-04-27', '2027-04-27 09:00', 'Opening talk', '4', '3', '1', '25.0%'],
      ['2027-04-27', '2027-04-27 10:30', 'Cluster panel', '3', '3', '0', '0.0%'],
      ['2027-04-28', '2027-04-28 09:00', 'Face-to-face meetings', '3', '2', '1', '33.3%'],
      ['2027-04-28', '2027-04-28 13:00', 'Bus 1 — Biovalley', '3', '2', '1', '33.3%'],
      ['', '', 'Whole event', '7', '5', '2', '28.6%'],
    ]);
    expect(t['No-shows by session']!.slice(1).map((r) => [r[0], r[2]])).toEqual([['Opening talk', 'Lindqvist'], ['Face-to-face meetings', 'Yamazaki'], ['Bus 1 — Biovalley', 'Nguyễn']]);
    expect(t['Never came']!.slice(1).map((r) => [r[0], r[2], r[5]])).toEqual([['Lindqvist', '', 'Delegate'], ['Yamazaki', '山﨑 健太', 'Delegate']]);
    const w = pdfWords((await report('no-shows', 'pdf', 'ja')).file);
    expect(w).toContain('山﨑 健太');
    expect(w).toContain('個別商談会 — 未入場 1 名');
    expect(w).toContain('4月28日(水) 1号車（バイオバレー） 3 2 1 33.3% 13:00 合計 3');
    expect(w).toContain('登録者数 未来場者数 セッション別の未入場者数 7 2 3 28.6%');
  });
});

describe('reports: meetings', () => {
  it('held when both delegates were admitted to the meeting block, per EU–Japan pair', async () => {
    const t = csvTables((await report('meetings', 'csv')).data);
    const rows = t['']!;
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[9], r[11], r[14], r[15], r[16]])).toEqual([
      ['Face-to-face meetings', '2027-04-28 09:00', '1', 'Müller-Łukasiewicz', 'Takahashi', '髙橋 美咲', 'Yes', 'Yes', ''],
      ['Face-to-face meetings', '2027-04-28 09:30', '2', 'Müller-Łukasiewicz', 'Yamazaki', '山﨑 健太', 'No', 'No', 'Japanese side absent'],
    ]);
    const w = pdfWords((await report('meetings', 'pdf')).file);
    expect(w).toContain('Meetings planned Held Not held Held rate 2 1 1 50.0%');
    expect(w).toContain('Face-to-face meetings 2 1 0 1 0 Total 2 1 0 1 0');
    expect(w).toContain('09:00 1 MÜLLER-ŁUKASIEWICZ Zofia 髙橋 美咲 Held Mazovia Cluster ICT · Poland TAKAHASHI Misaki 岩手県庁 · Iwate');
    expect(w).toContain('09:30 2 MÜLLER-ŁUKASIEWICZ Zofia 山﨑 健太 Not held Mazovia Cluster ICT · Poland YAMAZAKI Kenta Japanese side absent 岐阜県庁 · Gifu');
  });
});

describe('reports: origin', () => {
  it('EU member states, Japan by prefecture, third countries (ASEAN, Africa), by country and role', async () => {
    const t = csvTables((await report('origin', 'csv')).data);
    expect(t['By origin']).toEqual([
      ['Group', 'Registered', 'Attended', 'Share of attendance'],
      ['EU member states', '3', '2', '40.0%'],
      ['Japan', '2', '1', '20.0%'],
      ['ASEAN', '1', '1', '20.0%'],
      ['Africa', '1', '1', '20.0%'],
      ['Other countries', '0', '0', '0.0%'],
      ['Not given', '0', '0', '0.0%'],
      ['Third countries', '2', '2', '40.0%'],
      ['Total', '7', '5', '100.0%'],
    ]);
    expect(t['By country']!.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['EU member states', 'France', 'FR', '1', '1'],
      ['EU member states', 'Poland', 'PL', '1', '1'],
      ['EU member states', 'Sweden', 'SE', '1', '0'],
      ['Japan', 'Japan', 'JP', '2', '1'],
      ['ASEAN', 'Vietnam', 'VN', '1', '1'],
      ['Africa', 'Ghana', 'GH', '1', '1'],
    ]);
    expect(t['Japan by prefecture']!.slice(1).map((r) => r.slice(0, 3))).toEqual([['Iwate', '1', '1'], ['Gifu', '1', '0']]);
    expect(t['EU by region']!.slice(1).map((r) => r.slice(0, 4))).toEqual([['France', 'Grand Est', '1', '1'], ['Poland', 'Mazowieckie', '1', '1'], ['Sweden', 'Skåne', '1', '0']]);
    expect(t['By role']!.slice(1).filter((r) => r.slice(1).some((v) => v !== '0'))).toEqual([
      ['Delegate', '2', '0', '1', '0', '0', '0'],
      ['Speaker', '0', '1', '0', '0', '0', '0'],
      ['Panellist', '0', '0', '0', '1', '0', '0'],
    ]);
    const w = pdfWords((await report('origin', 'pdf', 'ja')).file);
    expect(w).toContain('来場者数（1回以上） EU加盟国 日本 第三国 5 40.0% 20.0% 40.0% 登録 7 2 1 2');
    expect(w).toContain('EU加盟国 2 (40.0%) 日本 1 (20.0%) ASEAN 1 (20.0%) アフリカ 1 (20.0%)');
    expect(w).toContain('岩手県 1 1 20.0% 岐阜県 1 0 0.0% 合計 2 1 20.0%');
    expect(w).toContain('ASEAN ベトナム 1 1 20.0%');
    expect(w).toContain('参加者 2 0 1 0 0 3 登壇者 0 1 0 0 0 1 パネリスト 0 0 0 1 0 1');
  });
});

describe('reports: audit', () => {
  it('double entries, over-capacity, overrides with reasons, undos, denials by reason (re-scans apart), reprints', async () => {
    const t = csvTables((await report('audit', 'csv')).data);
    expect(t.Summary).toEqual([
      ['', 'Count'],
      ['Double entries', '1'],
      ['Targets over capacity', '1'],
      ['Staff overrides', '1'],
      ['Undone check-ins', '1'],
      ['Denied scans', '2'],
      ['Re-scans (not denials)', '2'],
      ['Reissued badges', '1'],
      ['Duplicate emails', '0'],
    ]);
    expect(t['Double entries']!.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Bus 1 — Biovalley', '2027-04-28 12:40', 'desk-a'],
      ['Bus 1 — Biovalley', '2027-04-28 12:45', 'tablet-b'],
    ]);
    expect(t['Staff overrides']!.slice(1).map((r) => [r[1], r[2], r[7]])).toEqual([['Bus 1', 'Mensah', 'Guest of the Iwate delegation']]);
    // A name typed as a formula is written as text, not run by Excel.
    expect(t['Undone check-ins']!.slice(1).map((r) => [r[1], r[2], r[3], r[8]])).toEqual([['Entrance', "'=cmd|calc", "'@SUM(1)", 'Checked in the wrong person']]);
    const denied = t['Denied scans']!;
    expect(denied[0]).toEqual(['Checkpoint', 'Not registered here', 'Full', 'Not open now', 'Badge no longer valid', 'Code not recognised', 'Invalid code', 'Total', 'Already checked in']);
    expect(denied.find((r) => r[0] === 'Talk door A')!.slice(1)).toEqual(['1', '0', '0', '0', '0', '0', '1', '0']);
    expect(denied.find((r) => r[0] === 'Entrance')!.slice(7)).toEqual(['0', '1']);
    expect(Number(denied.find((r) => r[0] === 'Bus 1')![7])).toBe(1);
    expect(t['Reissued badges']!.slice(1).map((r) => [r[0], r[4]])).toEqual([['Mensah', '2']]);
    const w = pdfWords((await report('audit', 'pdf', 'ja')).file);
    expect(w).toContain('二重入場');
    expect(w).toContain('髙橋 美咲 1号車（バイオバレー） 12:40 · desk-a · 1号車（バイオバレー） TAKAHASHI Misaki 12:45 · tablet-b · 1号車（バイオバレー）');
    // コードが見つかりません (JAPANESE.md's word, the screens' too) wraps in its column: the PDF's text runs row by row.
    expect(w).toContain('入場不可（理由別） チェックポイント 登録なし 満員 受付時間外 無効なバッジ コードが見つ 無効なコード 合計 かりません 講演 入口A 1 0 0 0 0 0 1');
    expect(w).toContain('Guest of the Iwate delegation');
  });
});

describe('reports: certificates', () => {
  it('one page per delegate who came, in their language, with the days and sessions attended', async () => {
    const pdf = await report('certificates', 'pdf');
    expect(pdfPages(pdf.file)).toBe(5);
    const w = pdfWords(pdf.file);
    expect(w).toContain('参加証明書');
    expect(w).toMatch(/髙橋 美咲 TAKAHASHI Misaki 岩手県庁 地域フォーラム/);
    expect(w).toMatch(/4月27日\(火\) 09:00 開会講演 10:30 クラスターパネル 4月28日\(水\) 09:00 個別商談会 13:00 1号車（バイオバレー）/);
    expect(w).toMatch(/Certificate of attendance This is to certify that Zofia Müller-Łukasiewicz Mazovia Cluster ICT/);
    expect(w).not.toContain('Lindqvist');
    const one = await report('certificates', 'pdf', 'en', [s.ids.kwame]);
    expect(pdfPages(one.file)).toBe(1);
    expect(pdfWords(one.file)).toContain('Kwame Mensah');
    const list = csvTables((await report('certificates', 'csv')).data)[''];
    expect(list!.map((r) => r[1])).toEqual(['Family name', "'=cmd|calc", 'Mensah', 'Müller-Łukasiewicz', 'Nguyễn', 'Takahashi']);
    expect(list![1]!.slice(2, 5)).toEqual(["'@SUM(1)", '', "'+danger"]);
    expect(list!.find((r) => r[1] === 'Takahashi')!.slice(6)).toEqual(['ja', '2027-04-27 2027-04-28', '4']);
    // The spreadsheet too: text that looks like a formula stays text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await report('certificates', 'xlsx')).data as unknown as ArrayBuffer);
    const row = wb.getWorksheet('Certificates')!.getRow(2);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(5).value]).toEqual(["'=cmd|calc", "'@SUM(1)", "'+danger"]);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('reports through the Api (a worker thread over the event file)', () => {
  it('answers with the same file as a direct build, while the core keeps answering', async () => {
    const app = s.desk.app;
    const direct = await buildReport(app.db, { kind: 'attendance', format: 'csv', lang: 'en', now: app.core.nowIso() });
    const pending = app.dispatch('report', { kind: 'attendance', format: 'csv', lang: 'en' });
    // The core is free while the worker builds.
    expect(app.dispatch('event', {}).name).toBe('Regions Forum');
    const file = await pending;
    expect(app.reports.threaded).toBe(true);
    expect(Buffer.from(file.base64, 'base64').equals(direct.data)).toBe(true);
    expect(file.fileName).toBe('attendance-en-2027-04-28.csv');
  });

  it('a worker that cannot start here does not lose the report: it is built on this thread instead', async () => {
    const broken = path.join(s.dir, 'broken-worker.mjs');
    fs.writeFileSync(broken, "throw new Error('cannot load pdfkit from here');\n");
    const runner = new ReportRunner(s.desk.app.db, s.desk.app.db.name, false, { url: pathToFileURL(broken), typescript: false });
    const f = await runner.run({ kind: 'origin', format: 'csv', lang: 'en', now: NOW });
    expect(f.data.toString('utf8')).toContain('EU member states,3,2,40.0%');
    expect(runner.threaded).toBe(false);
    expect((await runner.run({ kind: 'origin', format: 'csv', lang: 'ja', now: NOW })).fileName).toBe('origin-ja-2027-04-28.csv');
    runner.close();
  });

  it('a job reports progress, holds the file until collected, then is forgotten', async () => {
    const app = s.desk.app;
    let job = app.dispatch('reportStart', { kind: 'no-shows', format: 'pdf', lang: 'ja' });
    expect(job.state).toBe('running');
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = app.dispatch('reportStatus', { jobId: job.id });
    }
    expect(job.state).toBe('done');
    expect(Buffer.from(job.file!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(() => app.dispatch('reportStatus', { jobId: job.id })).toThrow(/No report job/);
    expect(() => app.dispatch('report', { kind: 'nonsense', format: 'pdf' } as never)).toThrow(/kind/);
  });
});

describe('dashboard and the per-checkpoint table', () => {
  it('headline figures, charts data, denied scans without re-scans, from every synced device', () => {
    const d = s.desk.app.dispatch('dashboard', {});
    expect(d).toMatchObject({ today: '2027-04-28', registered: 7, arrivedToday: 2, arrived: 4, noShowsSoFar: 2, buses: { boarded: 3, registered: 3 }, devices: { active: 2, known: 2 } });
    expect(d.arrivals).toEqual([
      { date: '2027-04-27', buckets: [{ at: '2027-04-27T06:00:00.000Z', n: 4 }] },
      { date: '2027-04-28', buckets: [{ at: '2027-04-28T06:30:00.000Z', n: 2 }] },
    ]);
    expect(d.sessions.map((x) => [x.targetKey, x.registered, x.admitted, x.capacity])).toEqual([['talk', 4, 3, 3], ['panel', 3, 3, null], ['meet', 3, 2, null], ['bus1', 3, 3, 2]]);
    expect(d.origin).toEqual([
      { group: 'eu', registered: 3, arrived: 2 },
      { group: 'jp', registered: 2, arrived: 1 },
      { group: 'asean', registered: 1, arrived: 0 },
      { group: 'africa', registered: 1, arrived: 1 },
    ]);
    const rows = s.desk.app.dispatch('attendance', {});
    expect(rows.map((r) => [r.checkpointId, r.registered, r.admitted, r.denied])).toEqual([
      ['venue', null, 2, 0],
      ['talk-a', 4, 3, 1],
      ['talk-b', 4, 3, 0],
      ['panel-door', 3, 3, 0],
      ['meet-door', 3, 2, 0],
      ['bus-door', 3, 3, 1],
    ]);
  });

  it('follows new scans and undos without a full re-read', () => {
    const app = s.desk.app;
    const before = app.dispatch('dashboard', {});
    s.clock.set('2027-04-28T16:05:00Z');
    const r = app.dispatch('checkIn', { delegateId: s.ids.kwame });
    expect(app.dispatch('dashboard', {}).arrivedToday).toBe(before.arrivedToday + 1);
    app.dispatch('undoScan', { scanId: r.scanId, reason: 'test undo' });
    expect(app.dispatch('dashboard', {}).arrivedToday).toBe(before.arrivedToday);
    app.dispatch('scan', { checkpointId: 'meet-door', code: 'U1NOPE' });
    expect(app.dispatch('attendance', {}).find((x) => x.checkpointId === 'meet-door')!.denied).toBe(1);
  });
});
