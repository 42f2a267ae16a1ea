// This device's copy of the event as a replica: every state change is an entry, applied by the one apply path and
// appended to the log in the same transaction, for local changes (commit) and other devices' entries (receive)
// alike. Entries are idempotent by id; each device's entries carry a gap-free sequence, so a version vector
// {deviceId: lastSeq} says exactly what a peer holds and what it still misses.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../../db/open.js';
import { Appliers } from './apply/index.js';
import { entryOfRow, parseEntry, type Entry, type EntryRow, type EntryType, type PayloadOf, type StoredEntry } from './entries.js';
import type { DeviceState } from './device-state.js';
import type { HybridClock } from './hlc.js';

export type VersionVector = Record<string, number>;

export interface ReceiveReport {
  applied: number;
  duplicates: number;
  rejected: { index: number; problem: string }[];
  /** Largest clock lead seen per device, in ms (a device whose clock is ahead is flagged, its entries kept). */
  skewMs: Record<string, number>;
}

export class Replica {
  readonly appliers: Appliers;
  private readonly s;
  private listeners: ((types: ReadonlySet<string>) => void)[] = [];
  /** Types applied in the open transaction, told to listeners once it commits (none if it rolls back). */
  private readonly pending = new Set<string>();
  /** How deep inside transaction() we are: commit() needs one, and only the outermost tells listeners. */
  private depth = 0;
  /**
   * One immediate-transaction wrapper made once: better-sqlite3's db.transaction() builds four wrapped functions
   * per call, which on the verdict path cost more than some of its queries.
   */
  private readonly immediate: <T>(fn: () => T) => T;

  constructor(
    private readonly db: Db,
    readonly clock: HybridClock,
    readonly deviceId: string,
    private readonly device: DeviceState,
  ) {
    this.appliers = new Appliers(db);
    this.immediate = db.transaction(<T>(fn: () => T): T => fn()).immediate as <T>(fn: () => T) => T;
    this.s = {
      lastSeq: db.prepare('SELECT coalesce(max(device_seq), 0) FROM change_log WHERE device_id = ?').pluck(),
      has: db.prepare('SELECT 1 FROM change_log WHERE entry_id = ?').pluck(),
      hasSeq: db.prepare('SELECT entry_id FROM change_log WHERE device_id = ? AND device_seq = ?').pluck(),
      append: db.prepare('INSERT INTO change_log (entry_id, device_id, device_seq, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)'),
      cursor: db.prepare('SELECT contiguous_seq FROM device_cursor WHERE device_id = ?').pluck(),
      setCursor: db.prepare('INSERT INTO device_cursor (device_id, contiguous_seq) VALUES (?, ?) ON CONFLICT(device_id) DO UPDATE SET contiguous_seq = excluded.contiguous_seq'),
      vector: db.prepare('SELECT device_id, contiguous_seq FROM device_cursor'),
      since: db.prepare('SELECT entry_id, device_id, device_seq, hlc, type, payload FROM change_log WHERE device_id = ? AND device_seq > ? ORDER BY device_seq LIMIT ?'),
      skew: db.prepare('UPDATE device SET clock_skew_ms = ? WHERE device_id = ?'),
    };
  }

  /**
   * Called after each transaction that applied entries has committed, with their types (caches of the event's shape
   * listen). Never for a transaction that rolled back, and never inside one: a listener sees the committed file.
   */
  onApplied(listener: (types: ReadonlySet<string>) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Runs fn in one immediate transaction (nested calls become savepoints of the outer one); once the outermost
   * commits, listeners hear of every entry type applied inside it, local commits and received entries alike.
   */
  transaction<T>(fn: () => T): T {
    this.depth++;
    let result: T;
    try {
      result = this.immediate(fn);
    } catch (e) {
      if (--this.depth === 0) this.pending.clear();
      throw e;
    }
    if (--this.depth === 0 && this.pending.size) {
      // The set is handed to listeners, then emptied for the next transaction: no allocation per scan.
      try {
        this.notify(this.pending);
      } finally {
        this.pending.clear();
      }
    }
    return result;
  }

  /**
   * Records a change made on this device: decided by a service, applied, logged. Call inside the transaction() that
   * also reads what the decision was based on. The clock and sequence are read from the file inside that
   * transaction, so two processes on one file (the app and the CLI) never write the same clock value or sequence.
   */
  commit<T extends EntryType>(type: T, payload: PayloadOf<T>): Extract<Entry, { type: T }> {
    if (this.depth === 0 || !this.db.inTransaction) throw new Error(`commit(${type}) outside a transaction`);
    const stored = this.device.clock();
    if (stored) this.clock.receive(stored);
    const entry = {
      entryId: randomUUID(),
      deviceId: this.deviceId,
      deviceSeq: (this.s.lastSeq.get(this.deviceId) as number) + 1,
      hlc: this.clock.tick(),
      type,
      payload,
    } as Extract<Entry, { type: T }>;
    this.appliers.apply(entry);
    this.store(entry, true);
    this.device.saveClock(entry.hlc);
    this.pending.add(type);
    return entry;
  }

  /**
   * Entries from other devices, in any order, with duplicates: each is checked, applied once and logged, in small
   * transactions so a scan verdict never waits long behind a sync. Invalid entries are reported, never applied.
   */
  receive(raw: readonly unknown[], opts: { batch?: number } = {}): ReceiveReport {
    const report: ReceiveReport = { applied: 0, duplicates: 0, rejected: [], skewMs: {} };
    const batch = opts.batch ?? 200;
    for (let i = 0; i < raw.length; i += batch) {
      this.transaction(() => {
        const stored = this.device.clock();
        if (stored) this.clock.receive(stored);
        raw.slice(i, i + batch).forEach((r, j) => {
          const parsed = parseEntry(r);
          if (!parsed.ok) return void report.rejected.push({ index: i + j, problem: parsed.problem });
          const entry = this.appliers.privacy.scrub(parsed.entry);
          if (this.s.has.get(entry.entryId)) return void report.duplicates++;
          const other = this.s.hasSeq.get(entry.deviceId, entry.deviceSeq) as string | undefined;
          if (other) return void report.rejected.push({ index: i + j, problem: `device ${entry.deviceId} sequence ${entry.deviceSeq} is already entry ${other}` });
          const { skewMs } = this.clock.receive(entry.hlc);
          if (skewMs > (report.skewMs[entry.deviceId] ?? 0)) report.skewMs[entry.deviceId] = skewMs;
          this.appliers.apply(entry);
          this.store(entry);
          this.pending.add(entry.type);
          report.applied++;
        });
        this.device.saveClock(this.clock.current());
        for (const [device, ms] of Object.entries(report.skewMs)) this.s.skew.run(ms, device);
      });
    }
    return report;
  }

  /**
   * The same, yielding to the event loop between short transactions: a station (or the hub laptop) applying a large
   * sync keeps answering scans. Each transaction aims at `sliceMs` of work; how many entries fit is measured as it
   * goes, so a fast machine takes big bites and a busy one small ones.
   */
  async receiveAsync(raw: readonly unknown[], opts: { sliceMs?: number } = {}): Promise<ReceiveReport> {
    const sliceMs = opts.sliceMs ?? 1;
    const total: ReceiveReport = { applied: 0, duplicates: 0, rejected: [], skewMs: {} };
    let batch = 4;
    for (let i = 0; i < raw.length; ) {
      const started = performance.now();
      const r = this.receive(raw.slice(i, i + batch), { batch });
      const took = performance.now() - started;
      total.applied += r.applied;
      total.duplicates += r.duplicates;
      total.rejected.push(...r.rejected.map((x) => ({ ...x, index: x.index + i })));
      for (const [d, ms] of Object.entries(r.skewMs)) total.skewMs[d] = Math.max(total.skewMs[d] ?? 0, ms);
      i += batch;
      const aim = Math.round((batch * sliceMs) / Math.max(took, 0.01));
      batch = Math.min(500, Math.max(1, Math.min(batch * 2, Math.max(Math.ceil(batch / 2), aim))));
      if (i < raw.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }

  /** What this device holds: per device, the last sequence number up to which it has every entry. */
  vector(): VersionVector {
    const rows = this.s.vector.all() as { device_id: string; contiguous_seq: number }[];
    return Object.fromEntries(rows.map((r) => [r.device_id, r.contiguous_seq]));
  }

  /** Entries a peer holding `peer` is missing, oldest first per device, at most `limit`. */
  missing(peer: VersionVector, limit = 1000): StoredEntry[] {
    const out: StoredEntry[] = [];
    for (const device of Object.keys(this.vector())) {
      if (out.length >= limit) break;
      const rows = this.s.since.all(device, peer[device] ?? 0, limit - out.length) as EntryRow[];
      for (const r of rows) out.push(entryOfRow(r));
    }
    return out;
  }

  /** How many entries a peer holding `peer` is missing. */
  waiting(peer: VersionVector): number {
    let n = 0;
    for (const [device, seq] of Object.entries(this.vector())) n += Math.max(0, seq - (peer[device] ?? 0));
    return n;
  }

  /** Every entry in the log (tests, rebuilding a file from its log). */
  all(): StoredEntry[] {
    return (this.db.prepare('SELECT entry_id, device_id, device_seq, hlc, type, payload FROM change_log ORDER BY seq').all() as EntryRow[]).map(entryOfRow);
  }

  private store(entry: StoredEntry, local = false): void {
    this.s.append.run(entry.entryId, entry.deviceId, entry.deviceSeq, entry.hlc, entry.type, JSON.stringify(entry.payload));
    const held = this.s.cursor.get(entry.deviceId) as number | undefined;
    let seq = held ?? 0;
    if (entry.deviceSeq !== seq + 1) {
      if (held === undefined) this.s.setCursor.run(entry.deviceId, 0);
      return;
    }
    // Entries past a gap may already be here: the cursor moves over all of them. None can be past this device's
    // own newest entry (commit numbers it after the highest in the file), so a local commit does not look.
    seq = entry.deviceSeq;
    if (!local) while (this.s.hasSeq.get(entry.deviceId, seq + 1)) seq++;
    this.s.setCursor.run(entry.deviceId, seq);
  }

  private notify(types: ReadonlySet<string>): void {
    for (const l of this.listeners) l(types);
  }
}
