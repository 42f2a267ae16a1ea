import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations, latestVersion, type Migration } from './migrations/index.js';
import { CorruptDatabaseError, integrityProblems, lastGoodBackup } from './backups.js';
import { markClean, markInUse, needsCheckAtOpen } from './clean-close.js';

export type { Db } from './handle.js';
import type { Db } from './handle.js';

export class NewerDatabaseError extends Error {
  constructor(readonly found: number) {
    super(`This event file was written by a newer Uketsuke (schema ${found}, this version knows ${latestVersion}). Update Uketsuke to open it.`);
  }
}

export interface OpenOptions {
  /** FULL makes every committed scan survive power loss too; NORMAL (default) survives a process crash. */
  synchronous?: 'NORMAL' | 'FULL';
  readonly?: boolean;
  /**
   * Check every page at start: 'auto' (default) after an unclean shutdown or a change made outside Uketsuke
   * (db/clean-close.ts), 'always', or never (false: a second connection of a process that checked already).
   * A damaged file is refused with the way back.
   */
  integrityCheck?: boolean | 'auto' | 'always';
}

/** Opens (or creates) an event database and brings its schema up to date, backing the file up first. */
export function openDb(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Before anything writes to it: a half-written or damaged file must not be migrated or scanned into.
  const check = opts.integrityCheck ?? 'auto';
  if (file !== ':memory:' && check !== false && (check === 'always' ? fs.existsSync(file) && fs.statSync(file).size > 0 : needsCheckAtOpen(file))) {
    const problems = integrityProblems(file);
    if (problems.length) throw new CorruptDatabaseError(file, problems, lastGoodBackup(file));
  }
  const db = new Database(file, { readonly: opts.readonly ?? false });
  if (file !== ':memory:' && !opts.readonly) markInUse(file);
  // Check before any pragma writes to the file: a newer version's file must be left exactly as it was.
  const found = schemaVersion(db);
  if (found > latestVersion) {
    db.close();
    throw new NewerDatabaseError(found);
  }
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
  // Off on purpose: entries from other devices arrive in any order (an edit before the delegate it edits), and
  // applying them must never depend on that order (see migration 003).
  db.pragma('foreign_keys = OFF');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache: full-text index merges during imports touch many pages.
  db.pragma('cache_size = -65536');
  // Checkpoints stall writes; the app runs them when the scanner is idle (see checkpointWhenIdle).
  db.pragma('wal_autocheckpoint = 0');
  if (!opts.readonly) migrate(db, file, migrations);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings a database up to the last of `list`. Exported for the upgrade tests, which add a migration of their own. */
export function migrate(db: Db, file: string, list: readonly Migration[]): void {
  const current = schemaVersion(db);
  const target = list.length;
  if (current > target) throw new NewerDatabaseError(current);
  if (current === target) return;
  // An upgrade must never cost stored scans: copy the file aside before touching it.
  if (current > 0 && file !== ':memory:') {
    db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(file, `${file}.v${current}.bak`);
  }
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * Closes a connection the clean way: the log checkpointed into the file and the file marked closed cleanly, unless
 * `sound` is false (a background check found it damaged: the next open must check it and refuse it).
 */
export function closeDb(db: Db, sound = true): void {
  if (!db.open) return;
  const file = db.name;
  const writer = !db.readonly;
  if (writer) db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (writer && sound && file !== ':memory:' && file !== '') markClean(file);
}

/** Truncates the WAL; call when no scan is in flight so a checkpoint never lands in the middle of a verdict. */
export function checkpointWal(db: Db, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
  db.pragma(`wal_checkpoint(${mode})`);
}
