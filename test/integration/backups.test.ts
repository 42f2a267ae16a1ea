// A laptop that crashes or whose disk hiccups: automatic backups in rotation, a backup before every import, a
// damaged file refused at start with the way back, and a restore from an automatic backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptDatabaseError, listBackups, restoreBackup } from '../../db/backups.js';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { smallEventSpec, tempDir, TestClock } from '../helpers.js';

let app: Uketsuke | null = null;
afterEach(() => {
  if (app?.db.open) app.close();
  app = null;
});

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
    // A disk that wrote garbage over the middle of the file.
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let p = 2; p * pageSize < bytes.length; p += 2) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
    fs.writeFileSync(file, bytes);

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
});
