// What this device remembers about itself in the event file's `meta` table: never replicated, never in the change
// log. The one owner of every meta key (the migrations in db/migrations keep their own SQL): the clock, the hub and
// upstream links, where this file's hub listens and its TLS identity, and the search-index flags. A typed getter and
// setter per key, so a newcomer finds here what a device keeps and who reads it.
// Beneath core.ts: the replica saves the clock through it inside each commit, so its statements are prepared once.
import type { Db } from '../../../db/open.js';
import type { StationRole } from '../../api/sync-protocol.js';

/** What a station remembers of its hub (key 'hub'), or a venue hub of the organisers' hub (key 'upstream'). */
export interface HubLink {
  urls: string[];
  fingerprint: string;
  certPem: string;
  credential: string;
  role: StationRole;
  eventId: string;
  pairedAt: string;
  /** Set while the first load from the hub is under way: a pairing cut off then may be done again with a new code. */
  loading?: true;
}

/** Where this file's hub listens (key 'hub_identity'), written by the hub process at start. */
export interface HubIdentity {
  urls: string[];
  fingerprint: string;
}

/** The hub's self-signed certificate and its key (key 'hub_tls'), made once so its fingerprint stays. */
export interface HubTls {
  key: string;
  cert: string;
}

type Key = 'hlc' | 'hub' | 'upstream' | 'hub_identity' | 'hub_tls' | 'search_keys_stale' | 'fts_deferred';

export class DeviceState {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      put: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      putIfAbsent: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
      remove: db.prepare('DELETE FROM meta WHERE key = ?'),
      // The clock only moves forward, whichever of two processes on one file writes last.
      clock: db.prepare("SELECT value FROM meta WHERE key = 'hlc'").pluck(),
      saveClock: db.prepare("INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE excluded.value > meta.value"),
    };
  }

  /** The last hybrid-clock value this file saw (key 'hlc'); null for a new file. */
  clock(): string | null {
    return (this.s.clock.get() as string | undefined) ?? null;
  }

  /** Saves the clock if it is later than the stored one; call inside the transaction that used it. */
  saveClock(hlc: string): void {
    this.s.saveClock.run(hlc);
  }

  hubLink(): HubLink | null {
    return this.json<HubLink>('hub');
  }

  setHubLink(link: HubLink): void {
    this.s.put.run('hub', JSON.stringify(link));
  }

  /** Whether this device is paired with a hub (its badge numbers then come from the hub). */
  paired(): boolean {
    return this.s.get.get('hub') !== undefined;
  }

  upstreamLink(): HubLink | null {
    return this.json<HubLink>('upstream');
  }

  setUpstreamLink(link: HubLink): void {
    this.s.put.run('upstream', JSON.stringify(link));
  }

  hubIdentity(): HubIdentity | null {
    return this.json<HubIdentity>('hub_identity');
  }

  setHubIdentity(identity: HubIdentity | null): void {
    if (identity) this.s.put.run('hub_identity', JSON.stringify(identity));
    else this.s.remove.run('hub_identity');
  }

  hubTls(): HubTls | null {
    return this.json<HubTls>('hub_tls');
  }

  setHubTls(tls: HubTls): void {
    this.s.put.run('hub_tls', JSON.stringify({ key: tls.key, cert: tls.cert }));
  }

  /**
   * Row-by-row search indexing is off (key 'fts_deferred'): a bulk import writes rows first and rebuilds the
   * indexes once. The index triggers in db/migrations test the same key.
   */
  searchIndexDeferred(): boolean {
    return this.s.get.get('fts_deferred') !== undefined;
  }

  deferSearchIndex(): void {
    this.s.putIfAbsent.run('fts_deferred', '1');
  }

  resumeSearchIndex(): void {
    this.s.remove.run('fts_deferred');
  }

  /** The file was written before the search keys existed (key 'search_keys_stale', set by migration 006). */
  searchKeysStale(): boolean {
    return this.s.get.get('search_keys_stale') !== undefined;
  }

  searchKeysWritten(): void {
    this.s.remove.run('search_keys_stale');
  }

  private json<T>(key: Key): T | null {
    const v = this.s.get.get(key) as string | undefined;
    return v ? (JSON.parse(v) as T) : null;
  }
}
