// The venue's Japanese name (issue 14): a field of the event like its Japanese name — set at creation, changed on
// any station, last writer wins everywhere, and a file from before it keeps its event and takes it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { latestVersion } from '../../db/migrations/index.js';
import { smallEventSpec, tempDir, TestClock } from '../helpers.js';
import { openDevice, snapshot, syncAll, venue } from '../sync-rig.js';

const at = (iso: string) => new TestClock(Date.parse(iso));

describe('the venue in Japanese', () => {
  it('travels with the event, and a change on one station reaches the other', () => {
    const clock = at('2027-04-27T09:00:00Z');
    const [a, b] = venue(smallEventSpec({ venueJa: 'ストラスブール' }), ['desk-a', 'desk-b'], clock);
    expect(b!.app.dispatch('event', {})).toMatchObject({ venue: 'Strasbourg', venueJa: 'ストラスブール' });

    a!.app.dispatch('updateEvent', { venueJa: '欧州議会（ストラスブール）' });
    expect(a!.app.event.header().venueJa).toBe('欧州議会（ストラスブール）');
    syncAll([a!, b!]);
    expect(b!.app.event.header()).toMatchObject({ venue: 'Strasbourg', venueJa: '欧州議会（ストラスブール）' });

    // Cleared (an empty field) on the other station: null everywhere, the English venue untouched.
    clock.ms += 1000;
    b!.app.dispatch('updateEvent', { venueJa: '  ' });
    syncAll([a!, b!]);
    for (const d of [a!, b!]) expect(d.app.dispatch('event', {})).toMatchObject({ venue: 'Strasbourg', venueJa: null });
    expect(snapshot(a!.app.db).event).toEqual(snapshot(b!.app.db).event);
  });

  it('a file from before the column keeps its event, upgrades, and replicates the new field', () => {
    const clock = at('2027-04-27T09:00:00Z');
    const dir = tempDir();
    const old = openDevice('old-desk', clock, dir);
    old.app.event.create(smallEventSpec());
    old.app.close();
    // Back to the shape of version 8: no venue_ja.
    const raw = new Database(old.file);
    raw.exec(`ALTER TABLE event DROP COLUMN venue_ja; DROP INDEX delegate_flagged; ALTER TABLE delegate DROP COLUMN flags; ALTER TABLE delegate DROP COLUMN ticket_type; ALTER TABLE event DROP COLUMN admit_waitlisted; PRAGMA user_version = 8;`);
    raw.close();

    const app = Uketsuke.open(old.file, { now: clock.now, deviceId: 'old-desk', printers: [] });
    expect(app.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(app.dispatch('event', {})).toMatchObject({ name: 'Test Event', venue: 'Strasbourg', venueJa: null });
    app.dispatch('updateEvent', { venueJa: 'ストラスブール' });
    expect(app.event.header().venueJa).toBe('ストラスブール');

    // A station joining later gets the event and the change.
    const fresh = openDevice('new-desk', clock, dir);
    syncAll([{ id: 'old-desk', app, file: old.file }, fresh]);
    expect(fresh.app.dispatch('event', {})).toMatchObject({ venue: 'Strasbourg', venueJa: 'ストラスブール' });
    app.close();
    fresh.app.close();
  });
});
