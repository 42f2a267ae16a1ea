// What every report reads first: the event, its days and what people are admitted to (sessions, meeting blocks,
// buses, the venue entrance), with dates and numbers formatted in the report's language and the event's time zone.
import type { CheckpointKind, EntryRule, EventInfo, ListRule, Role } from '../../api/contract.js';
import type { CheckpointRow as StoredCheckpoint } from '../event/event-store.js';
import type { Db } from '../../../db/open.js';
import type { Lang } from './doc.js';
import { STRINGS, type Strings } from './strings.js';

/** The event as a report's header shows it: the Api's event without its days and mode. */
export type EventHead = Omit<EventInfo, 'rehearsal' | 'days'>;

export interface EventDayRow {
  dayNo: number;
  date: string;
  title: string;
  titleJa: string | null;
}

/** What a checkpoint admits to; doors sharing a target are one target (a person counts once per room). */
export interface Target {
  key: string;
  kind: CheckpointKind;
  name: string;
  nameJa: string | null;
  /** The event day it belongs to (YYYY-MM-DD); null for the venue entrance, which is every day. */
  date: string | null;
  startsAt: string | null;
  endsAt: string | null;
  capacity: number | null;
  listRule: ListRule;
  entryRule: EntryRule;
  room: string | null;
  order: number;
}

export interface ReportContext {
  db: Db;
  lang: Lang;
  t: Strings;
  event: EventHead;
  days: EventDayRow[];
  targets: Target[];
  /** When the report was made (business time: a rehearsal's `--at`, a test's clock). */
  now: string;
  fmt: Formatters;
  targetName(t: Target): string;
  roleName(r: Role): string;
  eventName(): string;
  /** The venue in the report's language (the English one when no Japanese one was given). */
  eventVenue(): string;
}

export interface Formatters {
  /** 11:05 */
  time(iso: string): string;
  /** Tue 27 April 2027, 11:05 / 2027年4月27日(火) 11:05 */
  dateTime(iso: string): string;
  /** Tue 27 April / 4月27日(火) */
  day(date: string): string;
  /** 27–29 April 2027 */
  range(from: string, to: string): string;
  /** 2027-04-27 11:05 in the event's zone: sortable, for spreadsheets. */
  sheetTime(iso: string): string;
  int(n: number): string;
  pct(share: number | null): string;
  /** The event-local calendar day of an instant. */
  dateOf(iso: string): string;
}

/** The checkpoint columns a report reads: the event store's row, less the time window, plus its place in the list. */
type CheckpointRow = Pick<StoredCheckpoint, 'id' | 'kind' | 'name' | 'name_ja' | 'target_id' | 'capacity' | 'entry_rule' | 'list_rule'> & { sort_order: number };

function formatters(lang: Lang, timeZone: string): Formatters {
  const locale = lang === 'ja' ? 'ja-JP' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long' });
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sheet = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const int = new Intl.NumberFormat(locale);
  const noon = (d: string) => new Date(`${d}T12:00:00Z`);
  return {
    time: (iso) => time.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)).replace(' at ', ', '),
    day: (d) => day.format(noon(d)).replace(',', ''),
    range: (from, to) => {
      if (lang === 'ja') {
        // ICU's Japanese range is numeric (2027/04/27～2027/04/29); organisers write 2027年4月27日～29日.
        const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
        const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
        const start = `${y1}年${m1}月${d1}日`;
        if (from === to) return start;
        return `${start}～${y1 !== y2 ? `${y2}年${m2}月` : m1 !== m2 ? `${m2}月` : ''}${d2}日`;
      }
      const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
      return from === to ? f.format(noon(from)) : f.formatRange(noon(from), noon(to));
    },
    sheetTime: (iso) => sheet.format(new Date(iso)),
    int: (n) => int.format(n),
    pct: (share) => (share === null || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(1)}%`),
    dateOf: (iso) => ymd.format(new Date(iso)),
  };
}

/** Japanese checkpoint names read 1号車, whatever a file made before that rule holds (バス 1). */
export function jaBusName(name: string): string {
  return name.replace(/^(?:バス|Bus)\s*(\d+)/, '$1号車');
}

/** Buses read 1号車, 2号車 in Japanese (not バス 1), whatever the organiser typed in the label. */
export function busLabel(label: string, lang: Lang): string {
  const m = /^\s*(?:bus|coach|バス)\s*(\d+)\s*$/i.exec(label);
  return lang === 'ja' && m ? `${m[1]}号車` : label;
}

export function loadContext(db: Db, lang: Lang, now: string): ReportContext {
  const event = db.prepare(`SELECT id, name, name_ja AS nameJa, venue, venue_ja AS venueJa, timezone, starts_on AS startsOn, ends_on AS endsOn FROM event LIMIT 1`).get() as EventHead | undefined;
  if (!event) throw new Error('No event in this file.');
  const days = db.prepare('SELECT day_no AS dayNo, date, title, title_ja AS titleJa FROM event_day ORDER BY day_no').all() as EventDayRow[];
  const fmt = formatters(lang, event.timezone);
  const t = STRINGS[lang];
  const sessions = new Map(
    (db.prepare('SELECT id, day_no, title, title_ja, room, starts_at, ends_at, capacity FROM session').all() as {
      id: string; day_no: number; title: string; title_ja: string | null; room: string | null; starts_at: string; ends_at: string; capacity: number | null;
    }[]).map((s) => [s.id, s]),
  );
  const buses = new Map(
    (db.prepare('SELECT id, label, site, departs_at, returns_at, capacity FROM bus').all() as {
      id: string; label: string; site: string; departs_at: string; returns_at: string | null; capacity: number;
    }[]).map((b) => [b.id, b]),
  );
  const dateOfDay = new Map(days.map((d) => [d.dayNo, d.date]));
  const targets = new Map<string, Target>();
  for (const cp of db.prepare('SELECT id, kind, name, name_ja, target_id, capacity, entry_rule, list_rule, sort_order FROM checkpoint ORDER BY sort_order, id').all() as CheckpointRow[]) {
    const key = cp.target_id ?? cp.id;
    const known = targets.get(key);
    if (known) {
      // Two doors of one room: one target, the larger capacity.
      if (cp.capacity !== null) known.capacity = Math.max(known.capacity ?? 0, cp.capacity);
      continue;
    }
    const s = sessions.get(key);
    const b = buses.get(key);
    targets.set(key, {
      key,
      kind: cp.kind,
      name: s?.title ?? (b ? `${b.label} — ${b.site}` : cp.name),
      nameJa: s?.title_ja ?? (cp.name_ja ? jaBusName(cp.name_ja) : null),
      date: s ? (dateOfDay.get(s.day_no) ?? fmt.dateOf(s.starts_at)) : b ? fmt.dateOf(b.departs_at) : null,
      startsAt: s?.starts_at ?? b?.departs_at ?? null,
      endsAt: s?.ends_at ?? b?.returns_at ?? null,
      capacity: cp.capacity ?? s?.capacity ?? b?.capacity ?? null,
      listRule: cp.list_rule,
      entryRule: cp.entry_rule,
      room: s?.room ?? null,
      order: cp.sort_order,
    });
  }
  const ordered = [...targets.values()].sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.order - b.order);
  return {
    db,
    lang,
    t,
    event,
    days,
    targets: ordered,
    now,
    fmt,
    targetName: (x) => {
      if (x.kind === 'bus') {
        const b = buses.get(x.key);
        if (b) return lang === 'ja' ? (x.nameJa ?? `${busLabel(b.label, 'ja')}（${b.site}）`) : `${b.label} — ${b.site}`;
      }
      return lang === 'ja' ? (x.nameJa ?? x.name) : x.name;
    },
    roleName: (r) => t.roles[r],
    eventName: () => (lang === 'ja' ? (event.nameJa ?? event.name) : event.name),
    eventVenue: () => (lang === 'ja' ? (event.venueJa ?? event.venue) : event.venue),
  };
}
