// Applies the event's shape: its creation (days, sessions, buses, checkpoints) and later changes to any of them,
// last writer wins per field. A row may be changed before its creation arrives (entries travel in any order), so
// creation merges its fields with its own clock like any other change instead of inserting over them. The signing
// key never travels in an entry.
import type { Db } from '../../../../db/open.js';
import type { Entry } from '../entries.js';
import { mergeFields, readClocks, writeClocks } from './field-clocks.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;
const EVENT_FIELDS = ['name', 'name_ja', 'venue', 'venue_ja', 'timezone', 'rehearsal', 'admit_waitlisted', 'starts_on', 'ends_on'] as const;
const CHECKPOINT_FIELDS = ['kind', 'name', 'name_ja', 'target_id', 'capacity', 'opens_at', 'closes_at', 'entry_rule', 'list_rule', 'sort_order', 'archived'] as const;
const SESSION_FIELDS = ['day_no', 'kind', 'title', 'title_ja', 'room', 'starts_at', 'ends_at', 'capacity', 'uid', 'archived', 'sort_order'] as const;
const BUS_FIELDS = ['label', 'site', 'departs_at', 'returns_at', 'boarding', 'capacity', 'archived'] as const;
const DAY_FIELDS = ['date', 'title', 'title_ja'] as const;

const EVENT_ID = "coalesce((SELECT id FROM event LIMIT 1), '')";
/** A row to merge into: the placeholder holds only what NOT NULL needs until its fields arrive. */
const PLACEHOLDER = {
  checkpoint: `INSERT INTO checkpoint (id, event_id, kind, name, entry_rule, list_rule, sort_order, field_hlc) VALUES (@key, ${EVENT_ID}, 'venue', '', 'once', 'registered', 0, '{}')`,
  session: `INSERT INTO session (id, event_id, day_no, kind, title, starts_at, ends_at, field_hlc) VALUES (@key, ${EVENT_ID}, 1, 'session', '', '', '', '{}')`,
  bus: `INSERT INTO bus (id, event_id, label, site, departs_at, capacity, field_hlc) VALUES (@key, ${EVENT_ID}, '', '', '', 0, '{}')`,
  event_day: `INSERT INTO event_day (event_id, day_no, date, title, field_hlc) VALUES (${EVENT_ID}, @key, '', '', '{}')`,
} as const;
type Table = keyof typeof PLACEHOLDER;
const KEY: Record<Table, string> = { checkpoint: 'id', session: 'id', bus: 'id', event_day: 'day_no' };

export class EventApplier {
  constructor(private readonly db: Db) {}

  created(e: E<'event.created'>): void {
    const { db } = this;
    const spec = e.payload;
    if (db.prepare('SELECT 1 FROM event WHERE id = ?').get(spec.id)) return;
    const dates = spec.days.map((d) => d.date).sort();
    const clocks = writeClocks(Object.fromEntries(EVENT_FIELDS.map((f) => [f, e.hlc])), EVENT_FIELDS);
    db.prepare(
      'INSERT INTO event (id, name, name_ja, venue, venue_ja, timezone, starts_on, ends_on, rehearsal, public_key, private_key, field_hlc) VALUES (?,?,?,?,?,?,?,?,?,?,NULL,?)',
    ).run(spec.id, spec.name, spec.nameJa ?? null, spec.venue, spec.venueJa ?? null, spec.timezone, dates[0] ?? '', dates[dates.length - 1] ?? '', spec.rehearsal ? 1 : 0, spec.publicKey, clocks);
    // Rows that arrived before the event (delegates, programme changed elsewhere) belong to it.
    for (const t of ['delegate', 'checkpoint', 'session', 'bus', 'event_day']) db.prepare(`UPDATE ${t} SET event_id = ? WHERE event_id = ''`).run(spec.id);
    for (const d of spec.days) this.merge('event_day', d.dayNo, DAY_FIELDS, { date: d.date, title: d.title, title_ja: d.titleJa ?? null }, e.hlc);
    for (const s of spec.sessions) {
      this.merge('session', s.id, SESSION_FIELDS, {
        day_no: s.dayNo, kind: s.kind, title: s.title, title_ja: s.titleJa ?? null, room: s.room ?? null, starts_at: s.startsAt, ends_at: s.endsAt,
        capacity: s.capacity ?? null, uid: null, archived: 0,
      }, e.hlc);
    }
    for (const b of spec.buses) {
      this.merge('bus', b.id, BUS_FIELDS, {
        label: b.label, site: b.site, departs_at: b.departsAt, returns_at: b.returnsAt ?? null, boarding: b.boarding ?? null, capacity: b.capacity, archived: 0,
      }, e.hlc);
    }
    spec.checkpoints.forEach((c, i) =>
      this.merge('checkpoint', c.id, CHECKPOINT_FIELDS, {
        kind: c.kind, name: c.name, name_ja: c.nameJa ?? null, target_id: c.targetId ?? null, capacity: c.capacity ?? null, opens_at: c.opensAt ?? null,
        closes_at: c.closesAt ?? null, entry_rule: c.entryRule, list_rule: c.listRule, sort_order: i, archived: 0,
      }, e.hlc),
    );
    const earlier = db.prepare("SELECT entry_id, device_id, device_seq, hlc, payload FROM change_log WHERE type = 'event.updated'").all() as { entry_id: string; device_id: string; device_seq: number; hlc: string; payload: string }[];
    for (const u of earlier) {
      this.updated({ entryId: u.entry_id, deviceId: u.device_id, deviceSeq: u.device_seq, hlc: u.hlc, type: 'event.updated', payload: JSON.parse(u.payload) as E<'event.updated'>['payload'] });
    }
  }

  updated(e: E<'event.updated'>): void {
    const row = this.db.prepare('SELECT id, field_hlc FROM event LIMIT 1').get() as { id: string; field_hlc: string } | undefined;
    // A change to an event this device does not hold yet stays in the log; the creation replays it.
    if (!row) return;
    const m = mergeFields(readClocks(row.field_hlc, EVENT_FIELDS), e.payload.fields, e.hlc);
    const cols = Object.keys(m.set);
    this.db.prepare(`UPDATE event SET ${cols.map((c) => `${c} = @${c}, `).join('')} field_hlc = @field_hlc WHERE id = @id`).run({ ...m.set, field_hlc: writeClocks(m.clocks, EVENT_FIELDS), id: row.id });
  }

  checkpointUpserted(e: E<'checkpoint.upserted'>): void {
    this.merge('checkpoint', e.payload.id, CHECKPOINT_FIELDS, e.payload.fields, e.hlc);
  }

  sessionUpserted(e: E<'session.upserted'>): void {
    this.merge('session', e.payload.id, SESSION_FIELDS, e.payload.fields, e.hlc);
  }

  busUpserted(e: E<'bus.upserted'>): void {
    this.merge('bus', e.payload.id, BUS_FIELDS, e.payload.fields, e.hlc);
  }

  dayUpserted(e: E<'day.upserted'>): void {
    this.merge('event_day', e.payload.dayNo, DAY_FIELDS, e.payload.fields, e.hlc);
  }

  private merge(table: Table, key: string | number, fieldNames: readonly string[], fields: object, hlc: string): void {
    const { db } = this;
    const where = `${KEY[table]} = @key`;
    let row = db.prepare(`SELECT field_hlc FROM ${table} WHERE ${where}`).get({ key }) as { field_hlc: string } | undefined;
    if (!row) {
      db.prepare(PLACEHOLDER[table]).run({ key });
      row = { field_hlc: '{}' };
    }
    const m = mergeFields(readClocks(row.field_hlc, fieldNames), fields, hlc);
    const cols = Object.keys(m.set);
    db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}, `).join('')} field_hlc = @field_hlc WHERE ${where}`).run({ ...m.set, field_hlc: writeClocks(m.clocks, fieldNames), key });
  }
}
