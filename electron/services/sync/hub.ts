// The hub's side of sync, plain Node (the HTTPS server in host/hub/ is a thin adapter over it): one-time pairing
// codes, device credentials, and the relay itself — entries pushed by a station are applied through the hub's own
// replica (the same apply path) and handed to every other station that pulls. The hub is a full device too.
import { type HubDeviceInfo, type PairAnswer, type PullAnswer, type PushAnswer, type StationRole, type VectorClock } from '../../api/sync-protocol.js';
import { ServiceError, type Core } from '../core.js';
import type { BadgeNumbers } from '../people/badge-numbers.js';
import { MAX_SKEW_MS } from '../replication/hlc.js';
import { checkCredential, checkDeviceListAccess, credentialMatches, newCredential, newPairingCode, pairIdRefusal, pushRefusal, readCredential, secretHash, signingKeyFor, type PairingCode } from './hub-credentials.js';
import { HubAuthError, type HubService } from './hub-service.js';

export { PAIRING_TTL_MS } from './hub-credentials.js';

interface HubDeviceRow {
  device_id: string;
  role: StationRole;
  name: string;
  credential_hash: string;
  paired_at: string;
  last_seen: string | null;
  clock_skew_ms: number;
  vector: string;
  revoked_at: string | null;
}

export type { HubIdentity } from '../replication/device-state.js';
import type { HubIdentity } from '../replication/device-state.js';

export { HubAuthError } from './hub-service.js';

export class Hub implements HubService {
  private waiters = new Set<() => void>();

  constructor(
    private readonly core: Core,
    private readonly badgeNumbers: BadgeNumbers,
    private readonly identity: () => HubIdentity,
  ) {
    core.replica.onApplied(() => {
      const wake = [...this.waiters];
      this.waiters.clear();
      for (const w of wake) w();
    });
  }

  /** A one-time code for a new station of `role`, valid ten minutes. */
  pairingCode(role: StationRole): PairingCode {
    const identity = this.identity();
    if (identity.urls.length === 0) throw new ServiceError('conflict', 'The hub is not running: start it first (uketsuke hub, or "Make this laptop the hub").', { key: 'hub_not_running', values: {} });
    const made = newPairingCode(identity, role, this.core.nowMs());
    this.core.db.prepare('INSERT INTO pairing_code (secret_hash, role, expires_at) VALUES (?, ?, ?)').run(made.secretHash, role, made.answer.expiresAt);
    return made.answer;
  }

  /** A station presents the secret of its pairing code: it gets its own credential and badge numbers. */
  pair(req: { secret: string; deviceId: string; name?: string; credential?: string }): PairAnswer {
    const { db } = this.core;
    const now = this.core.nowIso();
    return this.core.tx(() => {
      const hash = secretHash(req.secret);
      const code = db.prepare('SELECT role, expires_at, used_at FROM pairing_code WHERE secret_hash = ?').get(hash) as { role: StationRole; expires_at: string; used_at: string | null } | undefined;
      if (!code) throw new HubAuthError('This pairing code is not known to the hub: ask for a new one.');
      if (code.used_at) throw new HubAuthError('This pairing code was already used: ask for a new one.');
      if (code.expires_at < now) throw new HubAuthError('This pairing code has expired (codes last ten minutes): ask for a new one.');
      if (req.deviceId === this.core.deviceId) throw new HubAuthError('A hub cannot pair with itself.');
      const known = db.prepare('SELECT credential_hash, revoked_at FROM hub_device WHERE device_id = ?').get(req.deviceId) as { credential_hash: string; revoked_at: string | null } | undefined;
      const wrote = db.prepare('SELECT 1 FROM change_log WHERE device_id = ? LIMIT 1').get(req.deviceId) !== undefined;
      const taken = pairIdRefusal(known, wrote, req.credential);
      if (taken) throw new HubAuthError(taken);
      db.prepare('UPDATE pairing_code SET used_at = ?, device_id = ? WHERE secret_hash = ?').run(now, req.deviceId, hash);
      const credential = newCredential(req.deviceId);
      db.prepare(`INSERT INTO hub_device (device_id, role, name, credential_hash, paired_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(device_id) DO UPDATE SET role = excluded.role, name = excluded.name, credential_hash = excluded.credential_hash,
        paired_at = excluded.paired_at, revoked_at = NULL, vector = '{}'`).run(req.deviceId, code.role, req.name ?? '', credential.hash, now);
      const block = this.badgeNumbers.reserveFor(req.deviceId, code.role, req.name ?? '');
      const key = db.prepare('SELECT private_key FROM event LIMIT 1').pluck().get() as string | null | undefined;
      const eventId = db.prepare('SELECT id FROM event LIMIT 1').pluck().get() as string | undefined;
      if (!eventId) throw new ServiceError('conflict', 'The hub holds no event yet.', { key: 'hub_no_event', values: {} });
      return {
        deviceId: req.deviceId,
        role: code.role,
        credential: credential.credential,
        eventId,
        hubDeviceId: this.core.deviceId,
        signingKey: signingKeyFor(code.role, key ?? null),
        badgeBlock: block,
        entries: db.prepare('SELECT count(*) FROM change_log').pluck().get() as number,
      };
    });
  }

  /** The station behind a credential, or a refusal that says why. */
  authenticate(credential: string | undefined): HubDeviceRow {
    const { deviceId, given } = readCredential(credential);
    const row = this.core.db.prepare('SELECT * FROM hub_device WHERE device_id = ?').get(deviceId) as HubDeviceRow | undefined;
    const known = row && credentialMatches(given, row.credential_hash) ? row : undefined;
    checkCredential(known);
    return known;
  }

  /** Entries a station made. A station speaks for itself only: entries of other devices are refused. */
  async push(device: HubDeviceRow, entries: unknown[], deviceTime: number | null): Promise<PushAnswer> {
    const own: unknown[] = [];
    const refused: { index: number; problem: string }[] = [];
    entries.forEach((e, index) => {
      const from = typeof e === 'object' && e !== null && 'deviceId' in e ? (e as { deviceId: unknown }).deviceId : null;
      const problem = pushRefusal(device, from);
      if (problem === null) own.push(e);
      else refused.push({ index, problem });
    });
    // Small transactions: the hub is often the desk laptop, scanning too.
    const report = await this.core.replica.receiveAsync(own);
    this.seen(device, deviceTime, null);
    return {
      applied: report.applied,
      duplicates: report.duplicates,
      rejected: [...refused, ...report.rejected],
      vector: this.core.replica.vector(),
      hubTime: Date.now(),
    };
  }

  /** What a station holding `vector` misses; waits up to waitMs for news when there is none. */
  async pull(device: HubDeviceRow, vector: VectorClock, waitMs: number, limit: number, deviceTime: number | null): Promise<PullAnswer> {
    this.seen(device, deviceTime, vector);
    if (waitMs > 0 && this.core.replica.waiting(vector) === 0) await this.news(waitMs);
    const entries = this.core.replica.missing(vector, limit);
    return { entries, vector: this.core.replica.vector(), more: this.core.replica.waiting(vector) > entries.length, hubTime: Date.now() };
  }

  /** The paired devices; asked over the network, for organiser stations only (checkDeviceListAccess). */
  devices(device?: HubDeviceRow): HubDeviceInfo[] {
    checkDeviceListAccess(device);
    const rows = this.core.db.prepare('SELECT * FROM hub_device ORDER BY paired_at').all() as HubDeviceRow[];
    const me: HubDeviceInfo = { deviceId: this.core.deviceId, role: 'hub', name: 'hub', pairedAt: null, lastSeen: new Date().toISOString(), waiting: 0, clockSkewMs: 0, revoked: false };
    return [
      me,
      ...rows.map((r) => ({
        deviceId: r.device_id,
        role: r.role,
        name: r.name,
        pairedAt: r.paired_at,
        lastSeen: r.last_seen,
        waiting: this.core.replica.waiting(JSON.parse(r.vector) as VectorClock),
        clockSkewMs: r.clock_skew_ms,
        revoked: r.revoked_at !== null,
      })),
    ];
  }

  revoke(deviceId: string): void {
    const n = this.core.db.prepare('UPDATE hub_device SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL').run(this.core.nowIso(), deviceId).changes;
    if (!n) throw new ServiceError('not_found', `No paired device ${deviceId}.`, { key: 'no_paired_device', values: { device: deviceId } });
  }

  /** Resolves at the next applied change, or after ms. */
  news(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private seen(device: HubDeviceRow, deviceTime: number | null, vector: VectorClock | null): void {
    const skew = deviceTime === null ? device.clock_skew_ms : Math.round(deviceTime - Date.now());
    this.core.db
      .prepare('UPDATE hub_device SET last_seen = ?, clock_skew_ms = ?, vector = coalesce(?, vector) WHERE device_id = ?')
      .run(new Date().toISOString(), skew, vector ? JSON.stringify(vector) : null, device.device_id);
    if (Math.abs(skew) > MAX_SKEW_MS) this.core.db.prepare('UPDATE device SET clock_skew_ms = ? WHERE device_id = ?').run(skew, device.device_id);
  }
}
