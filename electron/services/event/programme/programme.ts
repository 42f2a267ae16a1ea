// Event setup by organisers: a new event, its days, sessions, buses and the checkpoint of each, edited on any
// device and imported from programme files. Every change is an entry (session.upserted, bus.upserted,
// day.upserted, checkpoint.upserted, event.updated), so it reaches every station like a scan does. Nothing with
// scans is ever deleted: removing archives it.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BusColumns, CheckpointColumns, SessionColumns } from '../../replication/entries.js';
import { newId, ServiceError, type Core } from '../../core.js';
import type { EventSpec, EventStore } from '../event-store.js';
import { parseIcs } from './ics.js';
import { parseScheduleJson, parseScheduleXml } from './schedule.js';
import { parseSheet } from './sheet.js';
import { dateIn, isTimeZone } from './zones.js';
import { reject, UnreadableProgrammeError, type ItemRef, type ParsedProgramme, type ProgrammeItem, type Rejection } from './types.js';
import type { BusInfo, ProgrammeChange, ProgrammeImportReport, ProgrammeWarning, SessionInfo } from '../../../api/event-setup.js';

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

/** The id of a session from a programme file: the same on every device that imports the same file. */
export function sessionIdFor(eventId: string, uid: string): string {
  return `s-${createHash('sha256').update(`${eventId}\n${uid}`).digest('hex').slice(0, 16)}`;
}

interface SessionRow extends Omit<SessionColumns, 'archived'> {
  id: string;
  archived: number;
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
    const row = this.sessionRow(id);
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
    const info = this.event.info();
    const date = dateIn(iso, info.timezone);
    return info.days.find((d) => d.date === date)?.dayNo ?? null;
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
    const existing = s.id ? this.sessionRow(s.id) : undefined;
    if (s.id && !existing) throw new ServiceError('not_found', `No session ${s.id}.`, { key: 'no_session', values: { id: s.id } });
    const next: Partial<SessionColumns> = {
      day_no: dayNo, kind: s.kind?.trim() || 'session', title: s.title.trim(), title_ja: s.titleJa?.trim() || null, room: s.room?.trim() || null,
      starts_at: startsAt, ends_at: endsAt, capacity: s.capacity ?? null, archived: 0,
    };
    // Only what this edit changes is written, so another device's edit of the other fields is not overwritten.
    const fields = existing ? Object.fromEntries(Object.entries(next).filter(([k, v]) => existing[k as keyof SessionRow] !== v)) : next;
    if (Object.keys(fields).length) this.core.tx(() => this.writeSession(id, fields, existing === undefined));
    return id;
  }

  private sessionRow(id: string): SessionRow | undefined {
    return this.core.db.prepare('SELECT * FROM session WHERE id = ?').get(id) as SessionRow | undefined;
  }

  /** One session change and what its checkpoint follows from it: its name, capacity and opening hours. */
  private writeSession(id: string, fields: Partial<SessionColumns>, isNew: boolean): void {
    const at = this.core.nowIso();
    this.core.commit('session.upserted', { id, fields, at });
    const cpId = isNew ? `cp-${id}` : ((this.core.db.prepare('SELECT id FROM checkpoint WHERE target_id = ? ORDER BY sort_order LIMIT 1').pluck().get(id) as string | undefined) ?? `cp-${id}`);
    const row = this.sessionRow(id)!;
    const cp: Partial<CheckpointColumns> = {};
    if (fields.title !== undefined || fields.room !== undefined || isNew) cp.name = row.room ? `${row.title} — ${row.room}` : row.title;
    if (fields.title_ja !== undefined || fields.room !== undefined || isNew) cp.name_ja = row.title_ja ? (row.room ? `${row.title_ja}（${row.room}）` : row.title_ja) : null;
    if (fields.capacity !== undefined) cp.capacity = row.capacity;
    // Doors open half an hour before a session so people can take their seats.
    if (fields.starts_at !== undefined) cp.opens_at = new Date(Date.parse(row.starts_at) - 30 * 60_000).toISOString();
    if (fields.ends_at !== undefined) cp.closes_at = row.ends_at;
    if (fields.archived !== undefined) cp.archived = fields.archived;
    // A meeting block's door admits to meetings (the Day 2 matchmaking), a session's to the session.
    if (fields.kind !== undefined && !isNew) cp.kind = row.kind === 'meetings' ? 'meeting' : 'session';
    if (isNew) {
      Object.assign(cp, {
        kind: row.kind === 'meetings' ? 'meeting' : 'session', target_id: id, entry_rule: 'reentry', list_rule: 'anyone',
        sort_order: this.nextSortOrder(),
      } satisfies Partial<CheckpointColumns>);
    }
    if (Object.keys(cp).length) this.core.commit('checkpoint.upserted', { id: cpId, fields: cp, at });
  }

  private nextSortOrder(): number {
    return ((this.core.db.prepare('SELECT max(sort_order) FROM checkpoint').pluck().get() as number | null) ?? 0) + 1;
  }

  /** Removes a session from the programme: archived with its door, its scans and registrations kept. */
  archiveSession(id: string, archived = true): void {
    if (!this.sessionRow(id)) throw new ServiceError('not_found', `No session ${id}.`, { key: 'no_session', values: { id } });
    this.core.tx(() => this.writeSession(id, { archived: archived ? 1 : 0 }, false));
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
          ...(!exists && { kind: 'bus' as const, target_id: id, entry_rule: 'once' as const, list_rule: 'registered' as const, sort_order: this.nextSortOrder(), name_ja: null }),
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

  /** Reads a programme file by its name: .ics, .json (pretalx/frab), .xml (frab), .csv or .xlsx. */
  async parse(fileName: string, bytes: Uint8Array): Promise<ParsedProgramme> {
    const info = this.event.info();
    const ext = path.extname(fileName).toLowerCase();
    const text = () => new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    switch (ext) {
      case '.ics':
      case '.ical':
      case '.ifb':
        return parseIcs(text(), info.timezone);
      case '.json':
        return parseScheduleJson(text(), info.timezone);
      case '.xml':
        return parseScheduleXml(text(), info.timezone);
      case '.csv':
      case '.tsv':
      case '.txt':
      case '.xlsx':
        return parseSheet(fileName, bytes, info.timezone, new Map(info.days.map((d) => [d.dayNo, d.date])));
      default:
        throw new UnreadableProgrammeError(`Cannot read a programme from a ${ext || 'file without extension'}: use .ics, .json, .xml, .csv or .xlsx.`);
    }
  }

  /**
   * Imports a programme: each entry creates a session or updates the one it created before (matched by its uid),
   * never a second one. All or nothing per file: the accepted sessions are written in one transaction.
   */
  async import(fileName: string, bytes: Uint8Array, opts: { dryRun?: boolean } = {}): Promise<ProgrammeImportReport> {
    let parsed: ParsedProgramme;
    try {
      parsed = await this.parse(fileName, bytes);
    } catch (e) {
      if (e instanceof UnreadableProgrammeError) throw new ServiceError('bad_input', e.message, { key: 'programme_unreadable', values: { detail: e.message } });
      throw e;
    }
    const eventId = this.event.id();
    const rejected = [...parsed.rejected];
    const accepted: (ProgrammeItem & { dayNo: number })[] = [];
    const seen = new Map<string, ItemRef>();
    for (const item of parsed.items) {
      const why = this.problem(item);
      if (why) {
        rejected.push(reject(item.ref, why.code, why.reason));
        continue;
      }
      const earlier = seen.get(item.uid);
      if (earlier) {
        rejected.push(reject(item.ref, 'duplicate', `The same session appears twice in the file (${'line' in earlier ? `line ${earlier.line}` : earlier.uid}).`));
        continue;
      }
      seen.set(item.uid, item.ref);
      accepted.push({ ...item, dayNo: this.dayNoOf(item.startsAt)! });
    }
    const changes: ProgrammeChange[] = [];
    let unchanged = 0;
    const plan: { id: string; fields: Partial<SessionColumns>; isNew: boolean }[] = [];
    for (const item of accepted) {
      const byUid = this.core.db.prepare('SELECT * FROM session WHERE uid = ? ORDER BY id LIMIT 1').get(item.uid) as SessionRow | undefined;
      const id = byUid?.id ?? sessionIdFor(eventId, item.uid);
      const row = byUid ?? this.sessionRow(id);
      // The organisers' order within a day is theirs: a re-import leaves it alone.
      const next: Omit<SessionColumns, 'sort_order'> = {
        day_no: item.dayNo, kind: item.kind, title: item.title, title_ja: item.titleJa ?? row?.title_ja ?? null, room: item.room, starts_at: item.startsAt,
        ends_at: item.endsAt, capacity: item.capacity ?? row?.capacity ?? null, uid: item.uid, archived: 0,
      };
      if (!row) {
        plan.push({ id, fields: next, isNew: true });
        changes.push({ ref: item.ref, sessionId: id, title: item.title, change: 'created', fields: [] });
        continue;
      }
      const diff = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
      if (!diff.length) {
        unchanged++;
        continue;
      }
      plan.push({ id, fields: Object.fromEntries(diff.map((k) => [k, next[k]])), isNew: false });
      changes.push({ ref: item.ref, sessionId: id, title: item.title, change: 'updated', fields: diff });
    }
    const warnings = this.overlaps(accepted);
    if (!opts.dryRun && plan.length) this.core.tx(() => plan.forEach((p) => this.writeSession(p.id, p.fields, p.isNew)));
    // In the order of the file, as a person fixing it reads it.
    rejected.sort((x, y) => ('line' in x && 'line' in y ? x.line - y.line : 0));
    return {
      format: parsed.format, dryRun: opts.dryRun ?? false, created: changes.filter((c) => c.change === 'created').length,
      updated: changes.filter((c) => c.change === 'updated').length, unchanged, rejected, warnings, changes,
    };
  }

  private problem(item: ProgrammeItem): { code: Rejection['code']; reason: string } | null {
    if (item.endsAt <= item.startsAt) return { code: 'end_before_start', reason: 'The session ends before it starts.' };
    if (Date.parse(item.endsAt) - Date.parse(item.startsAt) > DAY_MS) return { code: 'too_long', reason: 'A session longer than a day is not a session: add it as days of the event.' };
    if (item.capacity !== null && item.capacity < 1) return { code: 'bad_capacity', reason: 'A capacity of 0 admits nobody: leave it empty for no limit.' };
    if (item.title.length > 500) return { code: 'no_title', reason: 'The title is longer than 500 characters.' };
    if (this.dayNoOf(item.startsAt) === null) return { code: 'outside_event', reason: `Not on one of the event's days (${dateIn(item.startsAt, this.event.info().timezone)}).` };
    return null;
  }

  /** Sessions that share a room at the same time: accepted (a room may be split), and said. */
  private overlaps(items: ProgrammeItem[]): ProgrammeWarning[] {
    const byRoom = new Map<string, ProgrammeItem[]>();
    for (const i of items) if (i.room) byRoom.set(i.room, [...(byRoom.get(i.room) ?? []), i]);
    const out: ProgrammeWarning[] = [];
    for (const [room, list] of byRoom) {
      list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (let k = 1; k < list.length; k++) {
        const prev = list[k - 1]!;
        const cur = list[k]!;
        if (cur.startsAt < prev.endsAt) out.push({ ref: cur.ref, code: 'overlap', message: `Overlaps "${prev.title}" in ${room}.` });
      }
    }
    return out;
  }
}
