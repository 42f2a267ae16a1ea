import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { NewerDatabaseError, openDb, schemaVersion } from '../../db/open.js';
import { latestVersion } from '../../db/migrations/index.js';
import { tempDir } from '../helpers.js';

describe('database', () => {
  it('creates the schema at the latest version, in WAL mode, with foreign keys', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
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
