// Event setup by organisers: a new event, its days, sessions, buses and the checkpoint of each, edited on any
// device and imported from programme files. Every change is an entry (session.upserted, bus.upserted,
// day.upserted, checkpoint.upserted, event.updated), so it reaches every station like a scan does. Nothing with
// scans is ever deleted: removing archives it. Programme files are read by read.ts and imported by import.ts; a
// session's row and its door are written by session-rows.ts for both.
import type { BusColumns, CheckpointColumns, SessionColumns } from '../../replication/entries.js';
import { newId, ServiceError, type Core } from '../../core.js';
import type { EventSpec, EventStore } from '../event-store.js';
import { importProgramme } from './import.js';
import { dayNoIn, nextSortOrder, sessionRow, writeSession, type SessionRow } from './session-rows.js';
import { isTimeZone } from './zones.js';
import type { BusInfo, ProgrammeImportReport, SessionInfo } from '../../../api/event-setup.js';

export interface NewEvent {
  name: string;
  nameJa?: string | null;
  startsOn: string;
  endsOn: string;
  timezone: string;
  venue?: string;
  venueJa?: string | null;
  rehearsal?: boolean;
}

export interface EventFields {
  name?: string;
  nameJa?: string | null;
  venue?: string;
  venueJa?: string | null;
  timezone?: string;
  rehearsal?: boolean;
  /** The doors admit waitlisted (pending, unpaid) registrations. */
  admitWaitlisted?: boolean;
  startsOn?: string;
  endsOn?: string;
}

export interface SessionInput {
  id?: string | null;
  title: string;
  titleJa?: string | null;
  room?: string | null;
  kind?: string;
  startsAt: string;
  endsAt: string;
  capacity?: number | null;
}

export interface BusInput {
  id?: string | null;
  label: string;
  site: string;
  departsAt: string;
  /** When boarding opens (the bus checkpoint's window); 45 minutes before departure if not given. */
  boardsAt?: string | null;
  returnsAt?: string | null;
  meetingPoint?: string | null;
  capacity: number;
}

export interface CheckpointRules {
  name?: string;
  nameJa?: string | null;
  capacity?: number | null;
  opensAt?: string | null;
  closesAt?: string | null;
  entryRule?: 'once' | 'once_per_day' | 'reentry';
  listRule?: 'registered' | 'anyone';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 60;
const DAY_MS = 86_400_000;

function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function checkDates(startsOn: string, endsOn: string): string[] {
  if (!DATE.test(startsOn) || Number.isNaN(Date.parse(startsOn))) throw new ServiceError('bad_input', `The start date ${startsOn} is not a date (YYYY-MM-DD).`, { key: 'start_date_invalid', values: { date: startsOn } });
  if (!DATE.test(endsOn) || Number.isNaN(Date.parse(endsOn))) throw new ServiceError('bad_input', `The end date ${endsOn} is not a date (YYYY-MM-DD).`, { key: 'end_date_invalid', values: { date: endsOn } });
  if (endsOn < startsOn) throw new ServiceError('bad_input', 'The event ends before it starts.', { key: 'event_ends_before_start', values: {} });
  const dates = datesBetween(startsOn, endsOn);
  if (dates.length > MAX_DAYS) throw new ServiceError('bad_input', `An event of more than ${MAX_DAYS} days is not supported.`, { key: 'event_too_long', values: { days: MAX_DAYS } });
  return dates;
}

function checkInstant(iso: string, what: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new ServiceError('bad_input', `${what} is not a date and time.`, { key: 'not_a_datetime', values: { value: iso } });
  return new Date(t).toISOString();
}

export class Programme {
  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
  ) {}

  /** A new, empty event in this file: its days and an entrance. */
  createEvent(input: NewEvent): string {
    const name = input.name.trim();
    if (!name) throw new ServiceError('bad_input', 'The event needs a name.', { key: 'event_needs_name', values: {} });
    if (!isTimeZone(input.timezone)) throw new ServiceError('bad_input', `Unknown time zone ${input.timezone} (use a name such as Europe/Paris or Asia/Tokyo).`, { key: 'unknown_timezone', values: { zone: input.timezone } });
    const dates = checkDates(input.startsOn, input.endsOn);
    const spec: EventSpec = {
      id: newId('event'),
      name,
      nameJa: input.nameJa?.trim() || null,
      venue: input.venue?.trim() ?? '',
      venueJa: input.venueJa?.trim() || null,
      timezone: input.timezone,
      rehearsal: input.rehearsal ?? false,
      days: dates.map((date, i) => ({ dayNo: i + 1, date, title: `Day ${i + 1}`, titleJa: `${i + 1}日目` })),
      sessions: [],
      buses: [],
      checkpoints: [{ id: 'cp-entrance', kind: 'venue', name: 'Entrance', nameJa: '入口', entryRule: 'once_per_day', listRule: 'anyone' }],
    };
    this.event.create(spec);
    return spec.id;
  }

  updateEvent(f: EventFields): void {
    const info = this.event.info();
    if (f.timezone !== undefined && !isTimeZone(f.timezone)) throw new ServiceError('bad_input', `Unknown time zone ${f.timezone}.`, { key: 'unknown_timezone', values: { zone: f.timezone } });
    if (f.name !== undefined && !f.name.trim()) throw new ServiceError('bad_input', 'The event needs a name.', { key: 'event_needs_name', values: {} });
    const startsOn = f.startsOn ?? info.startsOn;
    const endsOn = f.endsOn ?? info.endsOn;
    const dates = f.startsOn !== undefined || f.endsOn !== undefined ? checkDates(startsOn, endsOn) : null;
    const at = this.core.nowIso();
    this.core.tx(() => {
      this.core.commit('event.updated', {
        fields: {
          ...(f.name !== undefined && { name: f.name.trim() }),
          ...(f.nameJa !== undefined && { name_ja: f.nameJa?.trim() || null }),
          ...(f.venue !== undefined && { venue: f.venue.trim() }),
          ...(f.venueJa !== undefined && { venue_ja: f.venueJa?.trim() || null }),
          ...(f.timezone !== undefined && { timezone: f.timezone }),
          ...(f.rehearsal !== undefined && { rehearsal: f.rehearsal ? 1 : 0 }),
          ...(f.admitWaitlisted !== undefined && { admit_waitlisted: f.admitWaitlisted ? 1 : 0 }),
          ...(dates && { starts_on: startsOn, ends_on: endsOn }),
        },
        at,
      });
      // Days follow the dates; days past a shortened end stay (their sessions and scans keep their day).
      if (dates) {
        const known = new Map(info.days.map((d) => [d.dayNo, d.date]));
        dates.forEach((date, i) => {
          if (known.get(i + 1) !== date) this.core.commit('day.upserted', { dayNo: i + 1, fields: { date, title: `Day ${i + 1}`, title_ja: `${i + 1}日目` }, at });
        });
      }
    });
    this.event.invalidate();
  }

  sessions(includeArchived = false): SessionInfo[] {
    const rows = this.core.db
      .prepare(`SELECT s.*, (SELECT c.id FROM checkpoint c WHERE c.target_id = s.id AND c.archived = 0 ORDER BY c.sort_order LIMIT 1) AS checkpoint_id
        FROM session s ${includeArchived ? '' : 'WHERE s.archived = 0'} ORDER BY s.day_no, s.sort_order IS NULL, s.sort_order, s.starts_at, s.room, s.id`)
      .all() as (SessionRow & { checkpoint_id: string | null })[];
    return rows.map((r) => ({
      id: r.id, uid: r.uid, dayNo: r.day_no, kind: r.kind, title: r.title, titleJa: r.title_ja, room: r.room, startsAt: r.starts_at, endsAt: r.ends_at,
      capacity: r.capacity, archived: r.archived === 1, checkpointId: r.checkpoint_id, sortOrder: r.sort_order,
    }));
  }

  /**
   * Moves a session up or down among its day's sessions: the day's order is written as each session's sort_order
   * (only those that change), so every station lists the day the same way. A day never reordered lists by time.
   */
  moveSession(id: string, direction: 'up' | 'down'): void {
    const row = sessionRow(this.core, id);
    if (!row || row.archived) throw new ServiceError('not_found', `No session ${id}.`, { key: 'no_session', values: { id } });
    const day = this.sessions().filter((s) => s.dayNo === row.day_no);
    const i = day.findIndex((s) => s.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= day.length) return;
    [day[i], day[j]] = [day[j]!, day[i]!];
    const at = this.core.nowIso();
    this.core.tx(() => {
      day.forEach((s, k) => {
        if (s.sortOrder !== k + 1) this.core.commit('session.upserted', { id: s.id, fields: { sort_order: k + 1 }, at });
      });
    });
  }

  /** A day's title in both languages (the door's list, the reports and the badge's programme use it). */
  saveDay(dayNo: number, title: string, titleJa: string | null): void {
    if (!this.event.info().days.some((d) => d.dayNo === dayNo)) throw new ServiceError('not_found', `No day ${dayNo}.`, { key: 'no_day', values: { day: dayNo } });
    if (!title.trim()) throw new ServiceError('bad_input', 'A day needs a title.', { key: 'day_needs_title', values: {} });
    this.core.tx(() => this.core.commit('day.upserted', { dayNo, fields: { title: title.trim(), title_ja: titleJa?.trim() || null }, at: this.core.nowIso() }));
    this.event.invalidate();
  }

  buses(includeArchived = false): BusInfo[] {
    const rows = this.core.db
      .prepare(`SELECT b.*, c.id AS checkpoint_id, c.opens_at FROM bus b LEFT JOIN checkpoint c ON c.target_id = b.id AND c.archived = 0
        ${includeArchived ? '' : 'WHERE b.archived = 0'} GROUP BY b.id ORDER BY b.departs_at, b.label`)
      .all() as (BusColumns & { id: string; checkpoint_id: string | null; opens_at: string | null })[];
    return rows.map((r) => ({
      id: r.id, label: r.label, site: r.site, departsAt: r.departs_at, returnsAt: r.returns_at, meetingPoint: r.boarding, capacity: r.capacity,
      archived: r.archived === 1, checkpointId: r.checkpoint_id, boardsAt: r.opens_at,
    }));
  }

  /** The event day of an instant, or null when it falls outside the event's dates. */
  dayNoOf(iso: string): number | null {
    return dayNoIn(this.event.info(), iso);
  }

  private checkSession(s: SessionInput): { startsAt: string; endsAt: string; dayNo: number } {
    if (!s.title.trim()) throw new ServiceError('bad_input', 'A session needs a title.', { key: 'session_needs_title', values: {} });
    const startsAt = checkInstant(s.startsAt, 'The start');
    const endsAt = checkInstant(s.endsAt, 'The end');
    if (endsAt <= startsAt) throw new ServiceError('bad_input', 'The session ends before it starts.', { key: 'session_ends_before_start', values: {} });
    if (s.capacity !== undefined && s.capacity !== null && s.capacity < 1) throw new ServiceError('bad_input', 'A capacity is at least 1 (leave it empty for no limit).', { key: 'capacity_min', values: {} });
    const dayNo = this.dayNoOf(startsAt);
    if (dayNo === null) throw new ServiceError('bad_input', "The session is not on one of the event's days.", { key: 'session_not_on_day', values: {} });
    return { startsAt, endsAt, dayNo };
  }

  /** Adds or edits a session and its door; answers its id. */
  saveSession(s: SessionInput): string {
    const { startsAt, endsAt, dayNo } = this.checkSession(s);
    const id = s.id ?? newId('s');
    const existing = s.id ? sessionRow(this.core, s.id) : undefined;
    if (s.id && !existing) throw new ServiceError('not_found', `No session ${s.id}.`, { key: 'no_session', values: { id: s.id } });
    const next: Partial<SessionColumns> = {
      day_no: dayNo, kind: s.kind?.trim() || 'session', title: s.title.trim(), title_ja: s.titleJa?.trim() || null, room: s.room?.trim() || null,
      starts_at: startsAt, ends_at: endsAt, capacity: s.capacity ?? null, archived: 0,
    };
    // Only what this edit changes is written, so another device's edit of the other fields is not overwritten.
    const fields = existing ? Object.fromEntries(Object.entries(next).filter(([k, v]) => existing[k as keyof SessionRow] !== v)) : next;
    if (Object.keys(fields).length) this.core.tx(() => writeSession(this.core, id, fields, existing === undefined));
    return id;
  }

  /** Removes a session from the programme: archived with its door, its scans and registrations kept. */
  archiveSession(id: string, archived = true): void {
    if (!sessionRow(this.core, id)) throw new ServiceError('not_found', `No session ${id}.`, { key: 'no_session', values: { id } });
    this.core.tx(() => writeSession(this.core, id, { archived: archived ? 1 : 0 }, false));
  }

  saveBus(b: BusInput): string {
    if (!b.label.trim()) throw new ServiceError('bad_input', 'A bus needs a name.', { key: 'bus_needs_name', values: {} });
    if (!Number.isInteger(b.capacity) || b.capacity < 1) throw new ServiceError('bad_input', 'A bus has at least one seat.', { key: 'bus_needs_seat', values: {} });
    const departsAt = checkInstant(b.departsAt, 'The departure');
    const boardsAt = b.boardsAt ? checkInstant(b.boardsAt, 'Boarding') : new Date(Date.parse(departsAt) - 45 * 60_000).toISOString();
    if (boardsAt > departsAt) throw new ServiceError('bad_input', 'The bus departs before boarding opens.', { key: 'bus_departs_before_boarding', values: {} });
    const returnsAt = b.returnsAt ? checkInstant(b.returnsAt, 'The return') : null;
    if (returnsAt && returnsAt <= departsAt) throw new ServiceError('bad_input', 'The bus returns before it departs.', { key: 'bus_returns_before_departure', values: {} });
    const exists = b.id ? this.core.db.prepare('SELECT 1 FROM bus WHERE id = ?').get(b.id) !== undefined : false;
    if (b.id && !exists) throw new ServiceError('not_found', `No bus ${b.id}.`, { key: 'no_bus', values: { id: b.id } });
    const id = b.id ?? newId('bus');
    const at = this.core.nowIso();
    this.core.tx(() => {
      this.core.commit('bus.upserted', {
        id, fields: { label: b.label.trim(), site: b.site.trim(), departs_at: departsAt, returns_at: returnsAt, boarding: b.meetingPoint?.trim() || null, capacity: b.capacity, archived: 0 }, at,
      });
      const cpId = (this.core.db.prepare('SELECT id FROM checkpoint WHERE target_id = ? ORDER BY sort_order LIMIT 1').pluck().get(id) as string | undefined) ?? `cp-${id}`;
      this.core.commit('checkpoint.upserted', {
        id: cpId,
        fields: {
          name: `${b.label.trim()} — ${b.site.trim()}`, capacity: b.capacity, opens_at: boardsAt,
          // Stragglers board until a quarter of an hour after the timetable says.
          closes_at: new Date(Date.parse(departsAt) + 15 * 60_000).toISOString(), archived: 0,
          ...(!exists && { kind: 'bus' as const, target_id: id, entry_rule: 'once' as const, list_rule: 'registered' as const, sort_order: nextSortOrder(this.core), name_ja: null }),
        },
        at,
      });
    });
    return id;
  }

  archiveBus(id: string, archived = true): void {
    if (!this.core.db.prepare('SELECT 1 FROM bus WHERE id = ?').get(id)) throw new ServiceError('not_found', `No bus ${id}.`, { key: 'no_bus', values: { id } });
    const at = this.core.nowIso();
    this.core.tx(() => {
      this.core.commit('bus.upserted', { id, fields: { archived: archived ? 1 : 0 }, at });
      for (const cp of this.core.db.prepare('SELECT id FROM checkpoint WHERE target_id = ?').pluck().all(id) as string[]) {
        this.core.commit('checkpoint.upserted', { id: cp, fields: { archived: archived ? 1 : 0 }, at });
      }
    });
  }

  /** A checkpoint's rules: who may enter, once / once a day / re-entry, capacity, time window. */
  saveCheckpointRules(id: string, r: CheckpointRules): void {
    this.event.checkpoint(id);
    if (r.capacity !== undefined && r.capacity !== null && r.capacity < 1) throw new ServiceError('bad_input', 'A capacity is at least 1 (leave it empty for no limit).', { key: 'capacity_min', values: {} });
    const opens = r.opensAt ? checkInstant(r.opensAt, 'Opening') : r.opensAt;
    const closes = r.closesAt ? checkInstant(r.closesAt, 'Closing') : r.closesAt;
    if (opens && closes && closes <= opens) throw new ServiceError('bad_input', 'The checkpoint closes before it opens.', { key: 'checkpoint_closes_before_opens', values: {} });
    const fields: Partial<CheckpointColumns> = {
      ...(r.name !== undefined && { name: r.name.trim() }),
      ...(r.nameJa !== undefined && { name_ja: r.nameJa?.trim() || null }),
      ...(r.capacity !== undefined && { capacity: r.capacity }),
      ...(opens !== undefined && { opens_at: opens }),
      ...(closes !== undefined && { closes_at: closes }),
      ...(r.entryRule !== undefined && { entry_rule: r.entryRule }),
      ...(r.listRule !== undefined && { list_rule: r.listRule }),
    };
    this.core.tx(() => this.core.commit('checkpoint.upserted', { id, fields, at: this.core.nowIso() }));
  }

  /**
   * Imports a programme file: each entry creates a session or updates the one it created before (matched by its
   * uid), never a second one. All or nothing per file (import.ts).
   */
  import(fileName: string, bytes: Uint8Array, opts: { dryRun?: boolean } = {}): Promise<ProgrammeImportReport> {
    return importProgramme(this.core, this.event, fileName, bytes, opts);
  }
}
