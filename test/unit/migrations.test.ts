import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { NewerDatabaseError, openDb, schemaVersion } from '../../db/open.js';
import { latestVersion } from '../../db/migrations/index.js';
import { tempDir } from '../helpers.js';

describe('database', () => {
  it('creates the schema at the latest version, in WAL mode, with foreign keys off (entries apply in any order)', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(0);
    db.close();
  });

  it('refuses a file written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDb(file)).toThrow(NewerDatabaseError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('search by name uses the trigram index, not a table scan', () => {
    const db = openDb(path.join(tempDir(), 'plan.db'));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM delegate_fts WHERE delegate_fts MATCH '\"mul\"'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
    const scanPlan = db.prepare("EXPLAIN QUERY PLAN SELECT first_at FROM admission WHERE target_key = 'a' AND delegate_id = 'b' AND day = ''").all() as { detail: string }[];
    expect(scanPlan.map((p) => p.detail).join(' ')).toMatch(/PRIMARY KEY/);
    db.close();
  });
});

describe('upgrading an event file in place', () => {
  it('applies a newer migration, keeps every scan, and backs the old file up first', async () => {
    const { Uketsuke } = await import('../../electron/services/uketsuke.js');
    const { migrate } = await import('../../db/open.js');
    const { migrations } = await import('../../db/migrations/index.js');
    const { smallEventSpec } = await import('../helpers.js');
    const file = path.join(tempDir(), 'old.db');
    const app = Uketsuke.open(file, { now: () => Date.parse('2027-04-27T09:00:00Z') });
    app.event.create(smallEventSpec());
    const d = app.core.tx(() => app.delegates.insert({ familyName: 'Kept', givenName: 'Scan' }));
    app.dispatch('scan', { checkpointId: 'venue', code: app.delegates.tokenFor(d)! });
    app.close();

    const next = [...migrations, { version: migrations.length + 1, name: 'test-add-column', sql: 'ALTER TABLE scan ADD COLUMN note TEXT;' }];
    const db = new Database(file);
    migrate(db, file, next);
    expect(schemaVersion(db)).toBe(migrations.length + 1);
    expect(db.prepare('SELECT count(*) AS n FROM scan WHERE note IS NULL').get()).toEqual({ n: 1 });
    db.close();
    expect(fs.existsSync(`${file}.v${migrations.length}.bak`)).toBe(true);
  });

  it('a failing migration changes nothing', async () => {
    const { migrate } = await import('../../db/open.js');
    const { migrations } = await import('../../db/migrations/index.js');
    const file = path.join(tempDir(), 'fail.db');
    openDb(file).close();
    const db = new Database(file);
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'ALTER TABLE scan ADD COLUMN x TEXT; SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, file, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect((db.prepare("SELECT count(*) AS n FROM pragma_table_info('scan') WHERE name = 'x'").get() as { n: number }).n).toBe(0);
    db.close();
  });
});
