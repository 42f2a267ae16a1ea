// The organisers' live dashboard: headline figures and the charts of the reports, refreshed every few seconds
// while scans come in from every synced device. It runs on the scanning thread, so a refresh must stay cheap at
// 50,000 delegates: counts come from the occupancy counters (one row per target), registrations are cached until
// an entry changes them, and arrivals are read incrementally (only scans newer than the last refresh).
import type { DashboardView } from '../../api/contract.js';
import type { Core } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import { countryCode, ORIGIN_GROUPS, originGroup, type OriginGroup } from '../reports/places.js';

const QUARTER = 15 * 60_000;
/** Changes made by another process on the same file (the CLI) notify nobody: registrations are re-read this often. */
const MAX_AGE_MS = 5 * 60_000;
/** A device counts as active while its latest entry is this recent. */
const ACTIVE_MS = 15 * 60_000;

const SHAPE_TYPES = new Set(['registration.changed', 'delegate.upserted', 'delegate.cancelled', 'privacy.purged', 'checkpoint.upserted', 'event.created', 'event.updated']);

interface TargetRow {
  key: string;
  kind: 'session' | 'bus' | 'venue' | 'meeting';
  name: string;
  nameJa: string | null;
  capacity: number | null;
  listed: boolean;
  perDay: boolean;
  endsAt: string | null;
  checkpointIds: string[];
}

/** The event's shape and its registrations: changes rarely, cached until an entry changes it. */
interface Shape {
  at: number;
  targets: TargetRow[];
  venue: string[];
  registered: Map<string, number>;
  active: number;
  groups: Map<OriginGroup, number>;
}

/** What scans add up to, read incrementally: scans are never deleted, so rowids only grow. */
interface Tally {
  lastRowid: number;
  /** Venue arrivals: per event day, each person's first arrival (ms). */
  arrivals: Map<string, Map<string, number>>;
  /** Per event day, arrivals per 15-minute bucket: kept with `arrivals`, so a refresh never walks the people. */
  buckets: Map<string, Map<number, number>>;
  /** Everyone who came through the entrance on any day, with their origin group. */
  groupOf: Map<string, OriginGroup>;
  arrivedBy: Map<OriginGroup, number>;
  /** Denied scans per checkpoint (a re-scan of someone already in is not a denial). */
  denied: Map<string, number>;
}

const DENIED = new Set(['not_registered', 'full', 'outside_time_window', 'revoked', 'unknown', 'forged']);

export class Dashboard {
  private shape: Shape | null = null;
  private tally: Tally | null = null;
  private arrivalsStale = false;
  private countryOf: ((id: string) => string | null) | null = null;

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
  ) {
    core.replica.onApplied((types) => {
      if ([...types].some((t) => SHAPE_TYPES.has(t))) this.shape = null;
      // An undo, or a badge claimed by a delegate who synced late, changes past arrivals: re-read them.
      if (types.has('scan.undone') || types.has('delegate.upserted')) this.arrivalsStale = true;
    });
  }

  private loadShape(): Shape {
    const { db } = this.core;
    const rows = db.prepare('SELECT id, kind, name, name_ja, target_id, capacity, entry_rule, list_rule FROM checkpoint ORDER BY sort_order, id').all() as {
      id: string; kind: TargetRow['kind']; name: string; name_ja: string | null; target_id: string | null; capacity: number | null; entry_rule: string; list_rule: string;
    }[];
    const ends = new Map((db.prepare('SELECT id, ends_at FROM session UNION ALL SELECT id, coalesce(returns_at, departs_at) FROM bus').all() as { id: string; ends_at: string }[]).map((r) => [r.id, r.ends_at]));
    const byKey = new Map<string, TargetRow>();
    for (const r of rows) {
      const key = r.target_id ?? r.id;
      const known = byKey.get(key);
      if (known) {
        known.checkpointIds.push(r.id);
        if (r.capacity !== null) known.capacity = Math.max(known.capacity ?? 0, r.capacity);
        continue;
      }
      byKey.set(key, { key, kind: r.kind, name: r.name, nameJa: r.name_ja, capacity: r.capacity, listed: r.list_rule === 'registered', perDay: r.entry_rule === 'once_per_day', endsAt: ends.get(key) ?? null, checkpointIds: [r.id] });
    }
    const registered = new Map(
      (db.prepare("SELECT target_id AS k, count(*) AS n FROM registration WHERE delegate_id NOT IN (SELECT id FROM delegate WHERE status <> 'active') GROUP BY target_id").all() as { k: string; n: number }[]).map((r) => [r.k, r.n]),
    );
    const groups = new Map<OriginGroup, number>(ORIGIN_GROUPS.map((g) => [g, 0]));
    let active = 0;
    for (const r of db.prepare("SELECT country, count(*) AS n FROM delegate WHERE status = 'active' GROUP BY country").all() as { country: string | null; n: number }[]) {
      const g = originGroup(countryCode(r.country), r.country);
      groups.set(g, (groups.get(g) ?? 0) + r.n);
      active += r.n;
    }
    const targets = [...byKey.values()];
    return { at: Date.now(), targets, venue: targets.filter((t) => t.kind === 'venue').flatMap((t) => t.checkpointIds), registered, active, groups };
  }

  /** Brings the tallies up to the newest scan, in one read snapshot (the mark is the last rowid of that state). */
  private catchUp(shape: Shape): Tally {
    const { db } = this.core;
    return db.transaction(() => {
      let t = this.tally;
      if (!t) {
        // Once per process: denials from the whole history, then only what is new.
        const last = (db.prepare('SELECT coalesce(max(rowid), 0) FROM scan').pluck().get() as number) ?? 0;
        const denied = new Map(
          (db.prepare(`SELECT checkpoint_id AS cp, count(*) AS n FROM scan WHERE rowid <= ? AND verdict IN (${[...DENIED].map(() => '?').join(',')}) GROUP BY checkpoint_id`).all(last, ...DENIED) as { cp: string; n: number }[]).map((r) => [r.cp, r.n]),
        );
        t = this.tally = { lastRowid: last, arrivals: new Map(), buckets: new Map(), groupOf: new Map(), arrivedBy: new Map(), denied };
        this.arrivalsStale = true;
      }
      if (this.arrivalsStale && shape.venue.length) {
        t.arrivals.clear();
        t.buckets.clear();
        t.groupOf.clear();
        t.arrivedBy.clear();
        const rows = db
          .prepare(`SELECT identity_key AS who, scanned_at AS at, admission_day AS aday, day FROM scan WHERE checkpoint_id IN (${shape.venue.map(() => '?').join(',')})
            AND rowid <= ? AND verdict IN ('admitted','readmitted') AND undone_at IS NULL AND identity_key IS NOT NULL`)
          .all(...shape.venue, t.lastRowid) as { who: string; at: string; aday: string; day: string }[];
        for (const r of rows) this.arrive(t, r.who, r.aday || r.day, r.at);
      }
      this.arrivalsStale = false;
      const venue = new Set(shape.venue);
      const fresh = db
        .prepare('SELECT rowid AS r, checkpoint_id AS cp, identity_key AS who, verdict, scanned_at AS at, admission_day AS aday, day, undone_at AS undone FROM scan WHERE rowid > ? ORDER BY rowid')
        .all(t.lastRowid) as { r: number; cp: string; who: string | null; verdict: string; at: string; aday: string; day: string; undone: string | null }[];
      for (const s of fresh) {
        if (DENIED.has(s.verdict)) t.denied.set(s.cp, (t.denied.get(s.cp) ?? 0) + 1);
        else if (venue.has(s.cp) && s.who && !s.undone && (s.verdict === 'admitted' || s.verdict === 'readmitted')) this.arrive(t, s.who, s.aday || s.day, s.at);
        t.lastRowid = s.r;
      }
      return t;
    })();
  }

  private arrive(t: Tally, who: string, day: string, at: string): void {
    let m = t.arrivals.get(day);
    if (!m) t.arrivals.set(day, (m = new Map()));
    let b = t.buckets.get(day);
    if (!b) t.buckets.set(day, (b = new Map()));
    const ms = Date.parse(at);
    const prev = m.get(who);
    if (prev !== undefined && ms >= prev) return;
    // A first arrival, or an earlier one synced late (another door admitted them first): the person moves bucket.
    if (prev !== undefined) {
      const old = Math.floor(prev / QUARTER) * QUARTER;
      b.set(old, (b.get(old) ?? 1) - 1);
    }
    m.set(who, ms);
    const q = Math.floor(ms / QUARTER) * QUARTER;
    b.set(q, (b.get(q) ?? 0) + 1);
    if (!t.groupOf.has(who)) {
      if (!this.countryOf) {
        const stmt = this.core.db.prepare('SELECT country FROM delegate WHERE id = ?').pluck();
        this.countryOf = (id) => (stmt.get(id) as string | null | undefined) ?? null;
      }
      const typed = who.startsWith('badge:') ? null : this.countryOf(who);
      const g = originGroup(countryCode(typed), typed);
      t.groupOf.set(who, g);
      t.arrivedBy.set(g, (t.arrivedBy.get(g) ?? 0) + 1);
    }
  }

  /** Denied scans per checkpoint, for the per-checkpoint table (kept up to date with the dashboard). */
  deniedByCheckpoint(): Map<string, number> {
    return this.catchUp(this.currentShape()).denied;
  }

  /** Active registrations per target (cancelled people do not count), cached like the rest of the shape. */
  registeredByTarget(): Map<string, number> {
    return this.currentShape().registered;
  }

  private currentShape(): Shape {
    if (!this.shape || Date.now() - this.shape.at > MAX_AGE_MS) this.shape = this.loadShape();
    return this.shape;
  }

  view(): DashboardView {
    const c = this.currentShape();
    const tally = this.catchUp(c);
    const { db } = this.core;
    const now = this.core.nowIso();
    const today = this.event.dayOf(now);
    const counters = new Map((db.prepare('SELECT counter_key AS k, admitted AS n FROM occupancy').all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const admittedTo = (t: TargetRow) => (t.perDay ? (counters.get(`${t.key}@${today}`) ?? 0) : (counters.get(t.key) ?? 0));
    const sessions = c.targets.filter((t) => t.kind !== 'venue');
    // Registered minus admitted for what is over: the counters include the rare admission of someone not on the
    // list (a supervisor's decision), which the no-shows report, counting people, does not.
    const noShowsSoFar = sessions
      .filter((t) => t.listed && t.endsAt !== null && t.endsAt <= now)
      .reduce((n, t) => n + Math.max(0, (c.registered.get(t.key) ?? 0) - admittedTo(t)), 0);
    const buses = sessions.filter((t) => t.kind === 'bus');
    const devices = this.devices();
    return {
      at: now,
      today,
      registered: c.active,
      arrivedToday: tally.arrivals.get(today)?.size ?? 0,
      arrived: tally.groupOf.size,
      noShowsSoFar,
      buses: { boarded: buses.reduce((n, t) => n + admittedTo(t), 0), registered: buses.reduce((n, t) => n + (c.registered.get(t.key) ?? 0), 0) },
      devices,
      arrivals: [...tally.buckets.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, counts]) => {
          const keys = [...counts.keys()].filter((k) => (counts.get(k) ?? 0) > 0);
          const buckets: { at: string; n: number }[] = [];
          if (keys.length) for (let b = Math.min(...keys); b <= Math.max(...keys); b += QUARTER) buckets.push({ at: new Date(b).toISOString(), n: counts.get(b) ?? 0 });
          return { date, buckets };
        })
        .filter((d) => d.buckets.length > 0),
      sessions: sessions.map((t) => ({ targetKey: t.key, kind: t.kind, name: t.name, nameJa: t.nameJa, registered: t.listed ? (c.registered.get(t.key) ?? 0) : null, admitted: admittedTo(t), capacity: t.capacity })),
      origin: ORIGIN_GROUPS.map((g) => ({ group: g, registered: c.groups.get(g) ?? 0, arrived: tally.arrivedBy.get(g) ?? 0 })).filter((o) => o.registered > 0 || o.arrived > 0),
    };
  }

  /** Devices of the event and how many wrote an entry lately (this one is running, so it counts). */
  private devices(): { active: number; known: number } {
    const { db } = this.core;
    const ids = new Set<string>([this.core.deviceId, ...(db.prepare('SELECT device_id FROM device_cursor UNION SELECT device_id FROM device').pluck().all() as string[])]);
    const last = db.prepare('SELECT hlc FROM change_log WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1').pluck();
    const since = Date.now() - ACTIVE_MS;
    let active = 0;
    for (const id of ids) {
      const hlc = id === this.core.deviceId ? null : (last.get(id) as string | undefined);
      if (id === this.core.deviceId || (hlc && Number(hlc.slice(0, 13)) >= since)) active++;
    }
    return { active, known: ids.size };
  }
}
