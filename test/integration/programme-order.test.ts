// The Event screen's finer edits: the order of a day's sessions (up/down), day titles, Day 2 meeting blocks, and a
// session removed after it had scans — each a replicated change that every station ends up with.
import { describe, expect, it } from 'vitest';
import { smallEventSpec, TestClock } from '../helpers.js';
import { snapshot, syncAll, venue } from '../sync-rig.js';

const at = (hm: string, day = '2027-04-27') => new Date(`${day}T${hm}:00+02:00`).toISOString();

function setup() {
  const clock = new TestClock(Date.parse('2027-04-27T07:00:00Z'));
  const devices = venue(smallEventSpec({ sessions: [], checkpoints: smallEventSpec().checkpoints.filter((c) => c.kind === 'venue') }), ['desk-a', 'desk-b'], clock);
  const a = devices[0]!.app;
  const ids = ['Opening', 'Policies', 'Closing'].map((title, i) => a.programme.saveSession({ title, startsAt: at(`${String(9 + i * 2).padStart(2, '0')}:00`), endsAt: at(`${10 + i * 2}:00`), room: 'Hemicycle' }));
  const day2 = a.programme.saveSession({ title: 'Pitches', startsAt: at('09:00', '2027-04-28'), endsAt: at('10:00', '2027-04-28') });
  return { clock, devices, a, b: devices[1]!.app, ids, day2 };
}
const titles = (app: ReturnType<typeof setup>['a']) => app.programme.sessions().map((s) => s.title);

describe('programme order, days and meeting blocks', () => {
  it('moves a session up and down within its day; every station lists the same order', () => {
    const { devices, a, b, ids } = setup();
    expect(titles(a)).toEqual(['Opening', 'Policies', 'Closing', 'Pitches']);
    a.programme.moveSession(ids[2]!, 'up');
    expect(titles(a)).toEqual(['Opening', 'Closing', 'Policies', 'Pitches']);
    a.programme.moveSession(ids[0]!, 'down');
    expect(titles(a)).toEqual(['Closing', 'Opening', 'Policies', 'Pitches']);
    // The first of a day goes no higher, and never into another day.
    a.programme.moveSession(ids[2]!, 'up');
    a.programme.moveSession(ids[1]!, 'down');
    expect(titles(a)).toEqual(['Closing', 'Opening', 'Policies', 'Pitches']);
    syncAll(devices);
    expect(titles(b)).toEqual(titles(a));
    // Another station moves it back: the later change wins everywhere.
    b.programme.moveSession(ids[0]!, 'up');
    syncAll(devices);
    expect(titles(a)).toEqual(['Opening', 'Closing', 'Policies', 'Pitches']);
    expect(snapshot(b.db)).toEqual(snapshot(a.db));
  });

  it('day titles in both languages reach every station', () => {
    const { devices, a, b } = setup();
    a.programme.saveDay(2, 'Matchmaking day', '商談会の日');
    syncAll(devices);
    expect(b.event.info().days.find((d) => d.dayNo === 2)).toMatchObject({ title: 'Matchmaking day', titleJa: '商談会の日' });
    expect(() => a.programme.saveDay(9, 'x', null)).toThrow(/No day 9/);
    expect(() => a.programme.saveDay(1, '  ', null)).toThrow(/needs a title/);
  });

  it('a Day 2 meeting block has a meeting door; turning a session into one turns its door too', () => {
    const { a, day2 } = setup();
    const block = a.programme.saveSession({ title: 'Face-to-face meetings', kind: 'meetings', startsAt: at('11:00', '2027-04-28'), endsAt: at('12:30', '2027-04-28') });
    const s = a.programme.sessions().find((x) => x.id === block)!;
    expect(s.kind).toBe('meetings');
    expect(a.event.checkpoint(s.checkpointId!).kind).toBe('meeting');
    const pitch = a.programme.sessions().find((x) => x.id === day2)!;
    a.programme.saveSession({ ...pitch, kind: 'meetings' });
    expect(a.event.checkpoint(pitch.checkpointId!).kind).toBe('meeting');
  });

  it('removing a session with scans archives it: its door is offered nowhere, its scans stay', () => {
    const { a, ids } = setup();
    const s = a.programme.sessions()[0]!;
    const person = a.dispatch('walkIn', { familyName: 'Dubois', givenName: 'Camille', registrations: [s.id] });
    a.programme.updateEvent({ rehearsal: true });
    expect(a.dispatch('scan', { checkpointId: s.checkpointId!, code: person.token! }).verdict).toBe('admitted');
    a.programme.archiveSession(s.id);
    expect(a.programme.sessions().map((x) => x.id)).not.toContain(s.id);
    expect(a.event.checkpointRows().map((c) => c.id)).not.toContain(s.checkpointId);
    expect(a.db.prepare('SELECT count(*) FROM scan WHERE checkpoint_id = ?').pluck().get(s.checkpointId)).toBe(1);
    expect(a.db.prepare('SELECT count(*) FROM session WHERE id = ?').pluck().get(s.id)).toBe(1);
  });
});
