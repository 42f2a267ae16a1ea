import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/open.js';
import type { HybridClock } from './hlc.js';

/** The kinds of change a device records; sync replays these on other devices. */
export type ChangeType =
  | 'event.created'
  | 'delegate.upserted'
  | 'registration.added'
  | 'meeting.added'
  | 'badge.reissued'
  | 'badge.printed'
  | 'privacy.exported'
  | 'privacy.purged'
  | 'scan.recorded'
  | 'scan.undone';

export interface ChangeEntry {
  entryId: string;
  deviceId: string;
  hlc: string;
  type: ChangeType;
  payload: unknown;
}

/**
 * Appends to this device's change log. Callers run it inside the transaction that makes the change, so the data
 * and its log entry commit together or not at all.
 */
export class ChangeLog {
  private readonly insert;
  private readonly saveClock;

  constructor(
    private readonly db: Db,
    private readonly clock: HybridClock,
    readonly deviceId: string,
  ) {
    this.insert = db.prepare(
      'INSERT INTO change_log (entry_id, device_id, hlc, type, payload) VALUES (?, ?, ?, ?, ?)',
    );
    this.saveClock = db.prepare("INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  }

  append(type: ChangeType, payload: unknown, hlc: string = this.clock.tick()): ChangeEntry {
    if (!this.db.inTransaction) throw new Error(`change_log.append(${type}) outside a transaction`);
    const entry: ChangeEntry = { entryId: randomUUID(), deviceId: this.deviceId, hlc, type, payload };
    this.insert.run(entry.entryId, entry.deviceId, entry.hlc, entry.type, JSON.stringify(payload));
    this.saveClock.run(hlc);
    return entry;
  }

  since(seq: number, limit = 1000): (ChangeEntry & { seq: number })[] {
    const rows = this.db
      .prepare('SELECT seq, entry_id, device_id, hlc, type, payload FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(seq, limit) as { seq: number; entry_id: string; device_id: string; hlc: string; type: ChangeType; payload: string }[];
    return rows.map((r) => ({ seq: r.seq, entryId: r.entry_id, deviceId: r.device_id, hlc: r.hlc, type: r.type, payload: JSON.parse(r.payload) as unknown }));
  }
}
