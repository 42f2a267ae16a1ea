// The shared context every service works in: one event database, this device's identity and clock, and the
// change log. Plain Node: no Electron, HTTP or React here.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open.js';
import { HybridClock } from './sync/hlc.js';
import { ChangeLog } from './sync/change-log.js';

export interface CoreOptions {
  /** Injected clock for tests and rehearsals; defaults to the system clock. */
  now?: () => number;
}

export class Core {
  readonly deviceId: string;
  readonly clock: HybridClock;
  readonly log: ChangeLog;
  readonly nowMs: () => number;

  constructor(readonly db: Db, opts: CoreOptions = {}) {
    this.nowMs = opts.now ?? Date.now;
    this.deviceId = getOrCreateMeta(db, 'device_id', () => randomBytes(4).toString('hex'));
    const last = (db.prepare("SELECT value FROM meta WHERE key = 'hlc'").get() as { value: string } | undefined)?.value ?? null;
    this.clock = new HybridClock(this.deviceId, last, this.nowMs);
    this.log = new ChangeLog(db, this.clock, this.deviceId);
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  /** Runs fn in one immediate transaction: the change and its log entry commit together. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}

function getOrCreateMeta(db: Db, key: string, make: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = make();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}

/** A user-fixable problem (unknown id, duplicate email…); shells show its message instead of a crash. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'bad_input' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}
