// Applies the event's shape: its creation (days, sessions, buses, checkpoints) and later field changes, last
// writer wins per field. The signing key never travels in an entry.
import type { Db } from '../../../../db/open.js';
import type { Entry } from '../entries.js';
import { mergeFields, readClocks, writeClocks } from './field-clocks.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;
const EVENT_FIELDS = ['name', 'name_ja', 'venue', 'timezone', 'rehearsal'] as const;
const CHECKPOINT_FIELDS = ['kind', 'name', 'name_ja', 'target_id', 'capacity', 'opens_at', 'closes_at', 'entry_rule', 'list_rule', 'sort_order'] as const;

export class EventApplier {
  constructor(private readonly db: Db) {}

  created(e: E<'event.created'>): void {
    const { db } = this;
    const spec = e.payload;
    if (db.prepare('SELECT 1 FROM event WHERE id = ?').get(spec.id)) return;
    const dates = spec.days.map((d) => d.date).sort();
    const clocks = writeClocks(Object.fromEntries(EVENT_FIELDS.map((f) => [f, e.hlc])), EVENT_FIELDS);
    db.prepare(
      'INSERT INTO event (id, name, name_ja, venue, timezone, starts_on, ends_on, rehearsal, public_key, private_key, field_hlc) VALUES (?,?,?,?,?,?,?,?,?,NULL,?)',
    ).run(spec.id, spec.name, spec.nameJa ?? null, spec.venue, spec.timezone, dates[0] ?? '', dates[dates.length - 1] ?? '', spec.rehearsal ? 1 : 0, spec.publicKey, clocks);
    const day = db.prepare('INSERT OR IGNORE INTO event_day (event_id, day_no, date, title, title_ja) VALUES (?,?,?,?,?)');
    for (const d of spec.days) day.run(spec.id, d.dayNo, d.date, d.title, d.titleJa ?? null);
    const ses = db.prepare('INSERT OR IGNORE INTO session (id, event_id, day_no, kind, title, title_ja, room, starts_at, ends_at, capacity) VALUES (?,?,?,?,?,?,?,?,?,?)');
    for (const s of spec.sessions) ses.run(s.id, spec.id, s.dayNo, s.kind, s.title, s.titleJa ?? null, s.room ?? null, s.startsAt, s.endsAt, s.capacity ?? null);
    const bus = db.prepare('INSERT OR IGNORE INTO bus (id, event_id, label, site, departs_at, returns_at, boarding, capacity) VALUES (?,?,?,?,?,?,?,?)');
    for (const b of spec.buses) bus.run(b.id, spec.id, b.label, b.site, b.departsAt, b.returnsAt ?? null, b.boarding ?? null, b.capacity);
    spec.checkpoints.forEach((c, i) =>
      this.checkpoint(c.id, {
        kind: c.kind, name: c.name, name_ja: c.nameJa ?? null, target_id: c.targetId ?? null, capacity: c.capacity ?? null, opens_at: c.opensAt ?? null,
        closes_at: c.closesAt ?? null, entry_rule: c.entryRule, list_rule: c.listRule, sort_order: i,
      }, e.hlc),
    );
    // Rows that arrived before the event (delegates, checkpoints changed elsewhere) belong to it.
    db.prepare('UPDATE delegate SET event_id = ? WHERE event_id = ?').run(spec.id, '');
    db.prepare('UPDATE checkpoint SET event_id = ? WHERE event_id = ?').run(spec.id, '');
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
    this.checkpoint(e.payload.id, e.payload.fields, e.hlc);
  }

  private checkpoint(id: string, fields: E<'checkpoint.upserted'>['payload']['fields'], hlc: string): void {
    const { db } = this;
    let row = db.prepare('SELECT field_hlc FROM checkpoint WHERE id = ?').get(id) as { field_hlc: string } | undefined;
    if (!row) {
      db.prepare(`INSERT INTO checkpoint (id, event_id, kind, name, entry_rule, list_rule, sort_order, field_hlc)
        VALUES (?, coalesce((SELECT id FROM event LIMIT 1), ''), 'venue', '', 'once', 'registered', 0, '{}')`).run(id);
      row = { field_hlc: '{}' };
    }
    const m = mergeFields(readClocks(row.field_hlc, CHECKPOINT_FIELDS), fields, hlc);
    const cols = Object.keys(m.set);
    db.prepare(`UPDATE checkpoint SET ${cols.map((c) => `${c} = @${c}, `).join('')} field_hlc = @field_hlc WHERE id = @id`).run({ ...m.set, field_hlc: writeClocks(m.clocks, CHECKPOINT_FIELDS), id });
  }
}
