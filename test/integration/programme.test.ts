// Programme import from the files organisers have (Indico, Google Calendar and Outlook .ics, pretalx schedule.json,
// frab schedule.xml, a spreadsheet), re-import in place, time zones, and programme changes reaching other devices.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { ServiceError } from '../../electron/services/core.js';
import { smallEventSpec, tempDir, TestClock } from '../helpers.js';
import { snapshot, syncAll, venue } from '../sync-rig.js';

const FIX = path.resolve('test/fixtures/programme');
const file = (name: string) => fs.readFileSync(path.join(FIX, name));

function newEvent(tz = 'Europe/Paris'): Uketsuke {
  const app = Uketsuke.open(path.join(tempDir(), 'own.db'), { now: () => Date.parse('2027-03-01T10:00:00Z'), printers: [] });
  app.programme.createEvent({ name: 'EU-Japan 2027', startsOn: '2027-04-27', endsOn: '2027-04-29', timezone: tz, venue: 'Strasbourg' });
  return app;
}

const times = (app: Uketsuke) => app.programme.sessions().map((s) => [s.title, s.startsAt, s.endsAt, s.room, s.dayNo]);

describe('programme import', () => {
  it('reads an Indico timetable with TZID=Europe/Paris: sessions, their doors and days', async () => {
    const app = newEvent();
    const r = await app.programme.import('timetable.ics', file('indico-timetable.ics'));
    expect(r).toMatchObject({ format: 'ics', created: 3, updated: 0, rejected: [] });
    expect(times(app)).toEqual([
      ['Opening session', '2027-04-27T09:00:00.000Z', '2027-04-27T10:30:00.000Z', 'Hemicycle', 1],
      ['Cooperation policies, instruments and experience', '2027-04-27T12:00:00.000Z', '2027-04-27T13:30:00.000Z', 'Hemicycle', 1],
      ['Pitch session of European and Japanese clusters', '2027-04-28T07:00:00.000Z', '2027-04-28T08:30:00.000Z', 'Room LOW N1.1', 2],
    ]);
    const opening = app.programme.sessions()[0]!;
    const cp = app.event.checkpoint(opening.checkpointId!);
    expect(cp).toMatchObject({ kind: 'session', target_id: opening.id, name: 'Opening session — Hemicycle', opens_at: '2027-04-27T08:30:00.000Z', closes_at: '2027-04-27T10:30:00.000Z' });
    app.close();
  });

  it('gives the same instants from the UTC Google Calendar export, whatever zone this machine is in; rejects what is not a session', async () => {
    const app = newEvent();
    await app.programme.import('timetable.ics', file('indico-timetable.ics'));
    const r = await app.programme.import('basic.ics', file('google-calendar.ics'));
    // Same uids, same instants: nothing to update; the floating time is read in the event's zone.
    expect(r.created).toBe(1);
    expect(r.updated).toBe(0);
    expect(r.unchanged).toBe(2);
    expect(r.rejected.map((x) => ['uid' in x ? x.uid : null, x.code])).toEqual([
      ['5k2l0c9m1v2q@google.com', 'all_day'],
      ['7h3coffee@google.com', 'recurring'],
    ]);
    expect(app.programme.sessions().find((s) => s.title === 'Debriefing')).toMatchObject({ startsAt: '2027-04-28T13:00:00.000Z', dayNo: 2 });
    app.close();
  });

  it('reads Outlook: Windows zone names and a custom VTIMEZONE', async () => {
    const app = newEvent();
    const r = await app.programme.import('calendar.ics', file('outlook.ics'));
    expect(r.rejected).toEqual([]);
    expect(times(app)).toEqual([
      ['Reception and informal networking', '2027-04-27T16:00:00.000Z', '2027-04-27T18:00:00.000Z', 'Salon des Personnalités', 1],
      ['Walking dinner', '2027-04-28T17:00:00.000Z', '2027-04-28T19:00:00.000Z', 'Salon des Personnalités', 2],
    ]);
    app.close();
  });

  it('reads a pretalx schedule.json and the frab schedule.xml of the same programme alike', async () => {
    const a = newEvent();
    const b = newEvent('Asia/Tokyo');
    const ra = await a.programme.import('schedule.json', file('pretalx-schedule.json'));
    const rb = await b.programme.import('schedule.xml', file('frab-schedule.xml'));
    expect(ra).toMatchObject({ format: 'pretalx-json', created: 3, rejected: [] });
    expect(rb).toMatchObject({ format: 'frab-xml', created: 3, rejected: [] });
    // The schedule's own zone (Europe/Paris) wins over the event's for a start without an offset.
    expect(times(a).map((t) => t.slice(1, 4))).toEqual(times(b).map((t) => t.slice(1, 4)));
    expect(a.programme.sessions()[2]).toMatchObject({ kind: 'pitch', startsAt: '2027-04-28T07:00:00.000Z', uid: '8b3c4d5e-6f7a-5b8c-9d0e-1f2a3b4c5d6e' });
    a.close();
    b.close();
  });

  it('re-imports an updated programme in place: matched by uid, never duplicated, changes reported', async () => {
    const app = newEvent();
    await app.programme.import('schedule.json', file('pretalx-schedule.json'));
    const ids = app.programme.sessions().map((s) => s.id);
    const changed = file('pretalx-schedule.json').toString('utf8').replace('"title": "Opening session"', '"title": "Opening ceremony"').replace('"date": "2027-04-27T14:00:00+02:00"', '"date": "2027-04-27T14:30:00+02:00"');
    const dry = await app.programme.import('schedule.json', Buffer.from(changed), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 0, updated: 2, unchanged: 1 });
    expect(app.programme.sessions()[0]!.title).toBe('Opening session');
    const r = await app.programme.import('schedule.json', Buffer.from(changed));
    expect(r.changes.map((c) => [c.title, c.change, c.fields])).toEqual([
      ['Opening ceremony', 'updated', ['title']],
      ['Cooperation policies, instruments and experience', 'updated', ['starts_at', 'ends_at']],
    ]);
    expect(app.programme.sessions().map((s) => s.id)).toEqual(ids);
    expect(app.event.checkpoint(app.programme.sessions()[0]!.checkpointId!).name).toBe('Opening ceremony — Hemicycle');
    const again = await app.programme.import('schedule.json', Buffer.from(changed));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    app.close();
  });

  it('reads a spreadsheet: day numbers or dates, Japanese titles; rejects a capacity of 0, other dates, backwards times; warns on overlaps', async () => {
    const app = newEvent();
    const r = await app.programme.import('programme.csv', file('programme.csv'));
    expect(r.created).toBe(3);
    expect(r.rejected.map((x) => ['line' in x ? x.line : null, x.code])).toEqual([
      [4, 'bad_capacity'],
      [5, 'outside_event'],
      [6, 'end_before_start'],
    ]);
    expect(r.warnings).toEqual([{ ref: { line: 7 }, code: 'overlap', message: 'Overlaps "Opening session" in Hemicycle.' }]);
    expect(app.programme.sessions()[0]).toMatchObject({ title: 'Opening session', titleJa: '開会セッション', capacity: 400, kind: 'plenary', startsAt: '2027-04-27T09:00:00.000Z' });
    const again = await app.programme.import('programme.csv', file('programme.csv'));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    app.close();
  });

  it('refuses a file it cannot read with a reason, writing nothing', async () => {
    const app = newEvent();
    await expect(app.programme.import('x.json', Buffer.from('{"not":"a schedule"}'))).rejects.toBeInstanceOf(ServiceError);
    await expect(app.programme.import('x.pdf', Buffer.from('%PDF'))).rejects.toThrow(/\.ics, \.json/);
    expect(app.programme.sessions()).toEqual([]);
    app.close();
  });
});

describe('delegates with their sessions', () => {
  it('names imported sessions by title (English or Japanese) or door id; a registered delegate is admitted at the new door', async () => {
    const app = newEvent();
    await app.programme.import('programme.csv', file('programme.csv'));
    const [opening, , side] = app.programme.sessions();
    const csv = `Last name,First name,Email,Sessions\nTanaka,Yuki,yuki@example.jp,開会セッション; ${side!.checkpointId}\nMüller,Jana,jana@example.de,opening session\nDoe,Jo,jo@example.org,No such talk\n`;
    const r = await app.importer.run('regs.csv', Buffer.from(csv));
    // A session the event does not have is a note on the row, never a refusal of the person.
    expect(r.imported).toBe(3);
    expect(r.rejected).toEqual([]);
    expect(r.notes.map((x) => [x.line, x.code, x.params.value])).toEqual([[4, 'session_unknown', 'No such talk']]);
    const yuki = app.delegates.findByIdOrEmail('yuki@example.jp')!;
    expect(app.delegates.isRegistered(yuki.id, opening!.id)).toBe(true);
    expect(app.delegates.isRegistered(yuki.id, side!.id)).toBe(true);
    app.programme.saveCheckpointRules(opening!.checkpointId!, { listRule: 'registered' });
    app.programme.updateEvent({ rehearsal: true });
    const scan = app.checkin.scan(opening!.checkpointId!, app.delegates.tokenFor(yuki)!);
    expect(scan.verdict).toBe('admitted');
    app.close();
  });
});

describe('event setup', () => {
  it('creates an event from scratch: days in its zone, an entrance, live by default; bad input refused', () => {
    const app = newEvent('Asia/Tokyo');
    const info = app.event.info();
    expect(info).toMatchObject({ name: 'EU-Japan 2027', timezone: 'Asia/Tokyo', startsOn: '2027-04-27', endsOn: '2027-04-29', rehearsal: false });
    expect(info.days.map((d) => d.date)).toEqual(['2027-04-27', '2027-04-28', '2027-04-29']);
    expect(app.event.venueCheckpoint().id).toBe('cp-entrance');
    expect(() => app.programme.createEvent({ name: 'x', startsOn: '2027-01-01', endsOn: '2027-01-02', timezone: 'UTC' })).toThrow(/already holds/);
    const other = Uketsuke.open(path.join(tempDir(), 'bad.db'), { printers: [] });
    expect(() => other.programme.createEvent({ name: 'x', startsOn: '2027-01-02', endsOn: '2027-01-01', timezone: 'UTC' })).toThrow(/ends before/);
    expect(() => other.programme.createEvent({ name: 'x', startsOn: '2027-01-01', endsOn: '2027-01-01', timezone: 'Mars/Olympus' })).toThrow(/time zone/);
    other.close();
    app.close();
  });

  it('refuses a bus departing before it boards, a capacity of 0, a session outside the event', () => {
    const app = newEvent();
    expect(() => app.programme.saveBus({ label: 'Bus 1', site: 'Biovalley', departsAt: '2027-04-29T07:00:00Z', boardsAt: '2027-04-29T07:30:00Z', capacity: 50 })).toThrow(/departs before boarding/);
    expect(() => app.programme.saveBus({ label: 'Bus 1', site: 'Biovalley', departsAt: '2027-04-29T07:00:00Z', capacity: 0 })).toThrow(/seat/);
    expect(() => app.programme.saveSession({ title: 'Late', startsAt: '2027-05-01T07:00:00Z', endsAt: '2027-05-01T08:00:00Z' })).toThrow(/event's days/);
    const bus = app.programme.saveBus({ label: 'Bus 1', site: 'Biovalley', departsAt: '2027-04-29T07:00:00Z', capacity: 50 });
    expect(app.programme.buses()[0]).toMatchObject({ id: bus, boardsAt: '2027-04-29T06:15:00.000Z', capacity: 50 });
    expect(app.event.checkpoint(app.programme.buses()[0]!.checkpointId!)).toMatchObject({ kind: 'bus', entry_rule: 'once', list_rule: 'registered', capacity: 50 });
    app.close();
  });
});

describe('programme changes sync', () => {
  const spec = () => smallEventSpec({ days: [{ dayNo: 1, date: '2027-04-27', title: 'Day 1' }, { dayNo: 2, date: '2027-04-28', title: 'Day 2' }, { dayNo: 3, date: '2027-04-29', title: 'Day 3' }] });

  it('reaches the other devices; edits of different fields on two offline devices both stay; the same file imported twice is one programme', async () => {
    const clock = new TestClock(Date.parse('2027-03-01T10:00:00Z'));
    const [a, b, c] = venue(spec(), ['dev-a', 'dev-b', 'dev-c'], clock);
    await a!.app.programme.import('timetable.ics', file('indico-timetable.ics'));
    clock.ms += 1000;
    await b!.app.programme.import('timetable.ics', file('indico-timetable.ics'));
    syncAll([a!, b!, c!]);
    expect(c!.app.programme.sessions().filter((s) => s.uid?.startsWith('indico'))).toHaveLength(3);
    const opening = c!.app.programme.sessions().find((s) => s.title === 'Opening session')!;
    // Offline: one device renames, another changes the capacity, a third archives the bus and goes live.
    clock.ms += 1000;
    a!.app.programme.saveSession({ ...opening, title: 'Opening ceremony' });
    clock.ms += 1000;
    b!.app.programme.saveCheckpointRules(opening.checkpointId!, { capacity: 120, listRule: 'registered' });
    c!.app.programme.archiveBus('bus');
    c!.app.programme.updateEvent({ rehearsal: true, venue: 'European Parliament', endsOn: '2027-04-30' });
    syncAll([a!, b!, c!]);
    for (const d of [a!, b!, c!]) {
      expect(d.app.event.checkpoint(opening.checkpointId!)).toMatchObject({ name: 'Opening ceremony — Hemicycle', capacity: 120, list_rule: 'registered' });
      expect(d.app.programme.buses()).toEqual([]);
      expect(d.app.event.info()).toMatchObject({ rehearsal: true, venue: 'European Parliament', endsOn: '2027-04-30' });
      expect(d.app.event.info().days).toHaveLength(4);
    }
    expect(snapshot(b!.app.db)).toEqual(snapshot(a!.app.db));
    expect(snapshot(c!.app.db)).toEqual(snapshot(a!.app.db));
  });
});

describe('event setup over the Api', () => {
  it('validates input at the boundary and answers the programme the Event screen shows', async () => {
    const app = newEvent();
    expect(() => app.dispatch('saveSession', { title: 'x', startsAt: '2027-04-27T09:00:00Z', endsAt: '2027-04-27T10:00:00Z', capacity: 0 })).toThrow(/capacity/);
    expect(() => app.dispatch('saveCheckpointRules', { id: 'cp-entrance', rules: { entryRule: 'twice' } })).toThrow(/entryRule/);
    const { id } = app.dispatch('saveSession', { title: 'Keynote', room: 'Hall A', startsAt: '2027-04-27T09:00:00Z', endsAt: '2027-04-27T10:00:00Z', capacity: 300 });
    const view = app.dispatch('archiveSession', { id, archived: false });
    expect(view.sessions).toEqual([expect.objectContaining({ id, title: 'Keynote', capacity: 300, archived: false })]);
    expect(view.checkpoints.map((c) => c.id)).toEqual(['cp-entrance', `cp-${id}`]);
    expect(app.dispatch('updateEvent', { rehearsal: true, nameJa: '私の会議' })).toMatchObject({ rehearsal: true, nameJa: '私の会議' });
    const report = await app.dispatch('programmeImport', { fileName: 'schedule.xml', base64: file('frab-schedule.xml').toString('base64'), dryRun: true });
    expect(report).toMatchObject({ format: 'frab-xml', dryRun: true, created: 3 });
    expect(app.dispatch('setStaffPin', { pin: '2468' })).toEqual({ staffPinSet: true, weak: true });
    expect(() => app.dispatch('setStaffPin', { pin: '1357' })).toThrow(/current PIN/);
    expect(() => app.dispatch('setStaffPin', { pin: '1357', current: '0000' })).toThrow(/current PIN/);
    expect(app.dispatch('setStaffPin', { pin: '1357', current: '2468' })).toEqual({ staffPinSet: true, weak: true });
    expect(app.staffLock.unlock('1357').ok).toBe(true);
    await expect(app.dispatch('newEvent', { name: 'x', timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2027-01-02' })).rejects.toThrow(/command line/);
    app.close();
  });
});
