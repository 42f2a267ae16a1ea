// A laptop that crashes or whose disk hiccups: automatic backups in rotation, a backup before every import, a
// damaged file refused at start with the way back, and a restore from an automatic backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptDatabaseError, listBackups, restoreBackup } from '../../db/backups.js';
import { cleanMarker, needsCheckAtOpen } from '../../db/clean-close.js';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { smallEventSpec, tempDir, TestClock } from '../helpers.js';

let app: Uketsuke | null = null;
afterEach(() => {
  if (app?.db.open) app.close();
  app = null;
});

/** A disk that wrote garbage over the middle of the file. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (let p = 2; p * pageSize < bytes.length; p += 2) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
  fs.writeFileSync(file, bytes);
}

function open(file: string, clock: TestClock): Uketsuke {
  return Uketsuke.open(file, { now: clock.now, backup: { intervalMs: 0, keep: 3, now: clock.now } });
}

describe('data safety', () => {
  it('keeps the newest backups in rotation and takes one before an import', async () => {
    const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
    const file = path.join(tempDir(), 'event.db');
    app = open(file, clock);
    app.event.create(smallEventSpec());
    for (let i = 0; i < 5; i++) {
      clock.ms += 5 * 60_000;
      await app.backups!.backup('auto');
    }
    expect(listBackups(file)).toHaveLength(3);
    expect(path.basename(listBackups(file)[0]!)).toMatch(/^2027-04-27T09-25-00-000Z\.auto\.db$/);
    clock.ms += 60_000;
    const job = app.dispatch('importStart', { fileName: 'a.csv', base64: Buffer.from('First name,Last name\nAda,Lovelace\n').toString('base64') });
    // Wait for the job's state, not for a time.
    let state = job.state;
    while (state === 'running') {
      await new Promise((r) => setImmediate(r));
      state = app.dispatch('importStatus', { jobId: job.id }).state;
    }
    expect(state).toBe('done');
    expect(path.basename(listBackups(file)[0]!)).toMatch(/before-import\.db$/);
  });

  it('refuses a damaged file at start, naming the last good backup, and restores from it', async () => {
    const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
    const file = path.join(tempDir(), 'event.db');
    app = open(file, clock);
    app.event.create(smallEventSpec());
    app.dispatch('walkIn', { familyName: 'Saved', givenName: 'Before' });
    await app.backups!.backup('auto');
    for (let i = 0; i < 200; i++) app.dispatch('walkIn', { familyName: `Later${i}`, givenName: 'X' });
    app.close();
    damage(file);

    let err: unknown = null;
    try {
      app = open(file, clock);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CorruptDatabaseError);
    const corrupt = err as CorruptDatabaseError;
    expect(corrupt.lastGoodBackup).toBe(listBackups(file)[0]);
    expect(corrupt.message).toMatch(/uketsuke restore --db/);

    restoreBackup(file);
    app = open(file, clock);
    expect(app.dispatch('searchDelegates', { query: 'Saved' }).map((d) => d.familyName)).toEqual(['Saved']);
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.startsWith('event.db.damaged-'))).toBe(true);
  });

  it('reads every page at open only after an unclean shutdown or a change made outside Uketsuke', () => {
    const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
    const file = path.join(tempDir(), 'event.db');
    app = open(file, clock);
    app.event.create(smallEventSpec());
    // While the file is open a crash could cut it off: the next open would check it.
    expect(fs.existsSync(cleanMarker(file))).toBe(false);
    expect(needsCheckAtOpen(file)).toBe(true);
    app.close();
    expect(needsCheckAtOpen(file)).toBe(false);
    // An unclean shutdown: the process ended with the file open (the marker gone, the log left behind).
    app = open(file, clock);
    app.dispatch('walkIn', { familyName: 'Crash', givenName: 'Before' });
    expect(needsCheckAtOpen(file)).toBe(true);
    app.close();
    // Copied over by hand, or touched by another program: checked.
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(needsCheckAtOpen(file)).toBe(true);
  });

  it('finds damage in the background on a schedule, stops the automatic backups, and the next start refuses the file', async () => {
    const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
    const file = path.join(tempDir(), 'event.db');
    app = open(file, clock);
    app.event.create(smallEventSpec());
    for (let i = 0; i < 200; i++) app.dispatch('walkIn', { familyName: `Later${i}`, givenName: 'X' });
    expect(await app.integrity.runNow()).toEqual([]);
    app.close();
    // One page near the end overwritten (the schema on the first pages still reads).
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const last = Math.floor(bytes.length / pageSize) - 2;
    bytes.fill(0xa5, last * pageSize, last * pageSize + 200);
    fs.writeFileSync(file, bytes);
    // Damage no open would see (a file opened without the check), found by the scheduled check on the worker thread.
    app = Uketsuke.open(file, { now: clock.now, integrityCheck: false, backup: { intervalMs: 60_000, keep: 3, now: clock.now } });
    expect(app.backups!.scheduled).toBe(true);
    const problems = await app.integrity.runNow();
    expect(app.backups!.scheduled).toBe(false);
    expect(problems?.length).toBeGreaterThan(0);
    expect(app.integrity.problems).toEqual(problems);
    app.close();
    // Closed with the damage known: not marked clean, so the next start checks it and refuses it.
    expect(needsCheckAtOpen(file)).toBe(true);
    expect(() => (app = open(file, clock))).toThrow(CorruptDatabaseError);
  });
});
