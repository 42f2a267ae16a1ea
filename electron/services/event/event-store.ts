import type { Checkpoint, CheckpointKind, EntryRule, EventInfo, ListRule } from '../../api/contract.js';
import { BadgeTokens, generateEventKeys } from '../model/badge-token.js';
import { ServiceError, type Core } from '../core.js';

export interface EventSpec {
  id: string;
  name: string;
  nameJa?: string | null;
  venue: string;
  venueJa?: string | null;
  timezone: string;
  rehearsal: boolean;
  days: { dayNo: number; date: string; title: string; titleJa?: string | null }[];
  sessions: { id: string; dayNo: number; kind: string; title: string; titleJa?: string | null; room?: string | null; startsAt: string; endsAt: string; capacity?: number | null }[];
  buses: { id: string; label: string; site: string; departsAt: string; returnsAt?: string | null; boarding?: string | null; capacity: number }[];
  checkpoints: {
    id: string;
    kind: CheckpointKind;
    name: string;
    nameJa?: string | null;
    targetId?: string | null;
    capacity?: number | null;
    opensAt?: string | null;
    closesAt?: string | null;
    entryRule: EntryRule;
    listRule: ListRule;
  }[];
}

interface EventRow {
  id: string;
  name: string;
  name_ja: string | null;
  venue: string;
  venue_ja: string | null;
  timezone: string;
  starts_on: string;
  ends_on: string;
  rehearsal: number;
  admit_waitlisted: number;
  public_key: string;
  private_key: string | null;
}

export interface CheckpointRow {
  id: string;
  kind: CheckpointKind;
  name: string;
  name_ja: string | null;
  target_id: string | null;
  capacity: number | null;
  opens_at: string | null;
  closes_at: string | null;
  entry_rule: EntryRule;
  list_rule: ListRule;
}

/** What a checkpoint admits to: its session, bus or meeting block, or the checkpoint itself. Doors sharing a
 * target share who is in. */
export function targetKeyOf(cp: Pick<CheckpointRow, 'id' | 'target_id'>): string {
  return cp.target_id ?? cp.id;
}

/** Events, days and checkpoints: the event's shape, which changes rarely and is read on every scan. */
export class EventStore {
  private cached: { row: EventRow; tokens: BadgeTokens; dayFormat: Intl.DateTimeFormat } | null = null;
  private checkpointCache = new Map<string, CheckpointRow>();

  constructor(private readonly core: Core) {
    // The event's shape is cached for verdicts; entries that change it (from here or another device) drop the cache.
    core.replica.onApplied((types) => {
      if (['event.created', 'event.updated', 'checkpoint.upserted', 'day.upserted'].some((t) => types.has(t))) this.invalidate();
    });
  }

  create(spec: EventSpec): void {
    const { db } = this.core;
    if (db.prepare('SELECT 1 FROM event').get()) throw new ServiceError('conflict', 'This file already holds an event.', { key: 'event_exists', values: {} });
    const keys = generateEventKeys();
    this.core.tx(() => {
      this.core.commit('event.created', { ...spec, publicKey: keys.publicKey, at: this.core.nowIso() });
      // The signing key is this device's secret: it never travels in an entry.
      db.prepare('UPDATE event SET private_key = ? WHERE id = ?').run(keys.privateKey, spec.id);
    });
    this.invalidate();
  }

  /** Drops the cached event row (after a signing key was installed, or the event arrived by sync). */
  invalidate(): void {
    this.cached = null;
    this.checkpointCache.clear();
  }

  exists(): boolean {
    return this.core.db.prepare('SELECT 1 FROM event').get() !== undefined;
  }

  private load() {
    if (this.cached) return this.cached;
    const row = this.core.db.prepare('SELECT * FROM event LIMIT 1').get() as EventRow | undefined;
    if (!row) throw new ServiceError('not_found', 'No event in this file. Create one with `uketsuke demo` or import delegates.', { key: 'no_event', values: {} });
    const tokens = new BadgeTokens(row.id, { publicKey: row.public_key, privateKey: row.private_key });
    const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: row.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.cached = { row, tokens, dayFormat };
    return this.cached;
  }

  id(): string {
    return this.load().row.id;
  }

  tokens(): BadgeTokens {
    return this.load().tokens;
  }

  rehearsal(): boolean {
    return this.load().row.rehearsal === 1;
  }

  /** Rehearsal (time windows shown, not enforced) or live: a change every device follows. */
  setRehearsal(on: boolean): void {
    this.core.tx(() => this.core.commit('event.updated', { fields: { rehearsal: on ? 1 : 0 }, at: this.core.nowIso() }));
  }

  /** Whether the doors admit people the registration file lists as waitlisted, pending or unpaid (off by default). */
  admitWaitlisted(): boolean {
    return this.load().row.admit_waitlisted === 1;
  }

  setAdmitWaitlisted(on: boolean): void {
    this.core.tx(() => this.core.commit('event.updated', { fields: { admit_waitlisted: on ? 1 : 0 }, at: this.core.nowIso() }));
  }

  /** The calendar day of an instant in the event's time zone (once-a-day rules and reports use it). */
  dayOf(iso: string): string {
    return this.load().dayFormat.format(new Date(iso));
  }

  /** The event as a badge prints it: from the cached row, no queries. */
  header(): { id: string; name: string; nameJa: string | null; venue: string; venueJa: string | null; timezone: string; startsOn: string; endsOn: string } {
    const { row } = this.load();
    return { id: row.id, name: row.name, nameJa: row.name_ja, venue: row.venue, venueJa: row.venue_ja, timezone: row.timezone, startsOn: row.starts_on, endsOn: row.ends_on };
  }

  /** The event's facts; the Api adds the code shapes, which come from the delegates. */
  info(): Omit<EventInfo, 'codeShapes'> {
    const { row } = this.load();
    const { db } = this.core;
    const days = db.prepare('SELECT day_no AS dayNo, date, title, title_ja AS titleJa FROM event_day WHERE event_id = ? ORDER BY day_no').all(row.id) as EventInfo['days'];
    const delegateCount = (db.prepare("SELECT count(*) AS n FROM delegate WHERE status = 'active'").get() as { n: number }).n;
    return {
      id: row.id,
      name: row.name,
      nameJa: row.name_ja,
      venue: row.venue,
      venueJa: row.venue_ja,
      timezone: row.timezone,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      rehearsal: row.rehearsal === 1,
      admitWaitlisted: row.admit_waitlisted === 1,
      days,
      deviceId: this.core.deviceId,
      delegateCount,
      staffPinSet: this.core.db.prepare("SELECT 1 FROM setting WHERE key = 'staff_pin'").get() !== undefined,
    };
  }

  checkpoint(id: string): CheckpointRow {
    let row = this.checkpointCache.get(id);
    if (!row) {
      row = this.core.db.prepare('SELECT * FROM checkpoint WHERE id = ?').get(id) as CheckpointRow | undefined;
      if (!row) throw new ServiceError('not_found', `No checkpoint with id ${id}.`, { key: 'no_checkpoint', values: { id } });
      this.checkpointCache.set(id, row);
    }
    return row;
  }

  /** The venue entrance: where the desk checks people in. */
  venueCheckpoint(): CheckpointRow {
    const row = this.core.db.prepare("SELECT * FROM checkpoint WHERE kind = 'venue' AND archived = 0 ORDER BY sort_order LIMIT 1").get() as CheckpointRow | undefined;
    if (!row) throw new ServiceError('not_found', 'This event has no venue entrance checkpoint.', { key: 'no_entrance', values: {} });
    return row;
  }

  checkpointRows(): CheckpointRow[] {
    // Archived checkpoints keep their scans for reports but are offered nowhere.
    return this.core.db.prepare('SELECT * FROM checkpoint WHERE archived = 0 ORDER BY sort_order').all() as CheckpointRow[];
  }

  toCheckpoint(row: CheckpointRow, admitted: number, registered: number | null): Checkpoint {
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      nameJa: row.name_ja,
      targetId: row.target_id,
      capacity: row.capacity,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      entryRule: row.entry_rule,
      listRule: row.list_rule,
      admitted,
      registered,
    };
  }
}
