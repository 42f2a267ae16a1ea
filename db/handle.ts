// The type of an open event database, in a file of its own: open.ts opens and migrates it, backups.ts copies and
// checks it, and open.ts calls backups.ts — so the type lives beneath both instead of in either.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
