// Automatic online backups of the event file, and the way back when the file is damaged. A laptop may be closed
// mid-import or lose power; SQLite's online backup (`db.backup()`) copies a consistent snapshot while scanning goes
// on, so a copy is taken every few minutes and before every import, and the newest few are kept.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './handle.js';

export interface BackupOptions {
  /** Every this often (default 5 minutes); 0 turns the timer off (backups before imports still happen). */
  intervalMs?: number;
  /** Backups kept (oldest removed first). */
  keep?: number;
  now?: () => number;
}

export function backupDir(file: string): string {
  return `${file}.backups`;
}

/** The backups of an event file, newest first. */
export function listBackups(file: string): string[] {
  const dir = backupDir(file);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.db'))
    .sort()
    .reverse()
    .map((n) => path.join(dir, n));
}

export class AutoBackup {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string> | null = null;
  private readonly keep: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly opts: BackupOptions = {},
  ) {
    this.keep = opts.keep ?? 12;
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    const every = this.opts.intervalMs ?? 5 * 60_000;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.backup('auto').catch(() => undefined), every);
    this.timer.unref();
  }

  /** True while backups are taken on the timer. */
  get scheduled(): boolean {
    return this.timer !== null;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Takes a backup now (one at a time: a second call waits for the first) and rotates the old ones out. */
  async backup(reason: 'auto' | 'before-import' | 'before-migration'): Promise<string> {
    if (this.running) await this.running.catch(() => undefined);
    const dir = backupDir(this.file);
    fs.mkdirSync(dir, { recursive: true });
    // Sortable by name: the ISO time first; the reason says why it was taken.
    const target = path.join(dir, `${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}.${reason}.db`);
    this.running = this.db.backup(target).then(() => {
      this.rotate();
      return target;
    });
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private rotate(): void {
    for (const old of listBackups(this.file).slice(this.keep)) fs.rmSync(old, { force: true });
  }
}

/** The event file is damaged: what was found, and the newest backup that passes the check (if any). */
export class CorruptDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    readonly lastGoodBackup: string | null,
  ) {
    super(
      `The event file ${file} is damaged (${problems.slice(0, 3).join('; ')}). ` +
        (lastGoodBackup
          ? `Restore the last good backup (${path.basename(lastGoodBackup)}) with: uketsuke restore --db ${file}`
          : 'No good backup was found next to it: open another copy of the event, or join the hub again.'),
    );
  }
}

/** SQLite's own check of every page and index; an empty list means the file is sound. */
export function integrityProblems(file: string): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  } finally {
    db?.close();
  }
}

/** The newest backup of `file` that passes the integrity check. */
export function lastGoodBackup(file: string): string | null {
  return listBackups(file).find((b) => integrityProblems(b).length === 0) ?? null;
}

/** Why `restore` will not swap the file: what the person has to do is in the message. */
export class RestoreRefusedError extends Error {}

/** The event id an event file holds, or null when it is not a readable Uketsuke event file. */
export function eventIdOf(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT id FROM event LIMIT 1').pluck().get() as string | undefined) ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Whether another process (a running station, hub or web host) has the file open: every SQLite connection in WAL
 * mode holds a shared lock, so an exclusive lock taken and released at once fails while one exists. Nothing is
 * written. A file SQLite cannot read at all counts as not in use.
 */
export function inUseByAnother(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    db?.close();
  }
}

/**
 * Replaces a damaged event file with a backup (the newest good one by default). The damaged file is kept beside it
 * (`.damaged-TIME`) for whoever wants to look at it; its WAL and shared-memory files are moved with it. Refused: a
 * sound file (unless `force`), a backup that is damaged or of another event (or not an event file at all), and a
 * file another process has open (its later changes would go into the file set aside, and be lost).
 */
export function restoreBackup(file: string, backup: string | null = lastGoodBackup(file), now = Date.now(), opts: { force?: boolean } = {}): string {
  if (!backup) throw new RestoreRefusedError(`No good backup of ${file} to restore.`);
  if (!fs.existsSync(backup)) throw new RestoreRefusedError(`There is no file ${backup}.`);
  const backupEvent = eventIdOf(backup);
  if (!backupEvent || integrityProblems(backup).length > 0) throw new RestoreRefusedError(`${backup} is not a sound Uketsuke event file: nothing was changed.`);
  const known = eventIdOf(file) ?? listBackups(file).map(eventIdOf).find((id) => id !== null) ?? null;
  if (known && known !== backupEvent) throw new RestoreRefusedError(`${backup} is a backup of another event (${backupEvent}, not ${known}): nothing was changed.`);
  if (fs.existsSync(file) && !opts.force && integrityProblems(file).length === 0) {
    throw new RestoreRefusedError(`${file} is sound: there is nothing to restore. To replace it with the backup anyway, add --force (the current file is set aside, not deleted).`);
  }
  if (inUseByAnother(file)) throw new RestoreRefusedError(`${file} is open in another program (a running station, hub or web host): stop it first, then restore.`);
  const aside = `${file}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  fs.copyFileSync(backup, file);
  return backup;
}
