// The organisers' hub: the same protocol as the venue hub, its log in PostgreSQL for many events at once. Several
// hub processes may serve one database: idempotency (entry id), gap-free per-device sequences and one-time pairing
// codes are enforced by the database, and news reaches every process's waiting pulls through LISTEN/NOTIFY.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { type HubDeviceInfo, type PairAnswer, type PairRequest, type PullAnswer, type PushAnswer, type StationRole, type VectorClock } from '../../api/sync-protocol.js';
import { MAX_BADGE_NO } from '../model/badge-token.js';
import { ServiceError } from '../core.js';
import { BLOCK_SIZE } from '../people/badge-numbers.js';
import { entryOfRow, parseEntry, PERSONAL_FIELDS, type EntryRow, type StoredEntry } from '../replication/entries.js';
import { personalFieldsRemoved } from '../replication/apply/delegates.js';
import { HybridClock } from '../replication/hlc.js';
import { checkCredential, checkDeviceListAccess, credentialMatches, newCredential, newPairingCode, pairIdRefusal, pushRefusal, readCredential, secretHash, signingKeyFor, type PairingCode } from './hub-credentials.js';
import { HubAuthError, type AuthenticatedDevice, type HubService } from './hub-service.js';

/** The same scrub every replica applies to an entry older than a purge. */
function scrubBefore(e: StoredEntry, purgeHlc: string): StoredEntry {
  if (e.hlc >= purgeHlc) return e;
  if (e.type === 'delegate.upserted') return { ...e, payload: { ...e.payload, fields: personalFieldsRemoved(e.payload.fields) } };
  if (e.type === 'scan.recorded') return { ...e, payload: { ...e.payload, code: 'purged' } };
  if (e.type === 'delegate.codes') return { ...e, payload: { ...e.payload, add: [], remove: [] } };
  if (e.type.startsWith('legacy.')) return { ...e, payload: { purged: true } } as StoredEntry;
  return e;
}

const CHANNEL = 'uketsuke_hub';

export class PgHub implements HubService {
  private listener: pg.PoolClient | null = null;
  private waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly urls: () => Promise<{ urls: string[]; fingerprint: string }>,
  ) {}

  /** Listens for news from every hub process on this database. */
  async start(): Promise<void> {
    this.listener = await this.pool.connect();
    this.listener.on('notification', (n) => this.wake(n.payload ?? ''));
    await this.listener.query(`LISTEN ${CHANNEL}`);
  }

  async stop(): Promise<void> {
    for (const set of this.waiters.values()) for (const w of set) w();
    this.listener?.release();
    this.listener = null;
  }

  /** A one-time code: role venue needs no event (the venue hub brings its own); other roles join an event here. */
  async pairingCode(role: StationRole, eventId: string | null): Promise<PairingCode> {
    if (role !== 'venue') {
      if (!eventId) throw new ServiceError('bad_input', `A ${role} station joins one event of this hub: give --event ID.`);
      const found = await this.pool.query('SELECT 1 FROM hub_event WHERE id = $1', [eventId]);
      if (!found.rowCount) throw new ServiceError('not_found', `This hub holds no event ${eventId} (a venue hub brings it when it pairs).`);
    }
    const identity = await this.urls();
    if (identity.urls.length === 0) throw new ServiceError('conflict', 'No hub process is running on this database: start one with uketsuke hub --db postgres://…');
    const made = newPairingCode(identity, role, Date.now());
    await this.pool.query('INSERT INTO hub_pairing_code (secret_hash, event_id, role, expires_at) VALUES ($1, $2, $3, $4)', [made.secretHash, eventId, role, made.answer.expiresAt]);
    return made.answer;
  }

  async pair(req: PairRequest): Promise<PairAnswer> {
    return this.tx(async (c) => {
      // Used once, whichever process answers: the update either claims the code or finds it gone.
      const claimed = await c.query(
        `UPDATE hub_pairing_code SET used_at = now(), device_id = $2 WHERE secret_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING role, event_id`,
        [secretHash(req.secret), req.deviceId],
      );
      const code = claimed.rows[0] as { role: StationRole; event_id: string | null } | undefined;
      if (!code) throw new HubAuthError('This pairing code is unknown, already used or expired: ask for a new one.');
      let eventId = code.event_id;
      if (code.role === 'venue') {
        if (!req.event) throw new HubAuthError('A venue hub pairs with its event.');
        eventId = req.event.id;
        const existing = (await c.query('SELECT public_key FROM hub_event WHERE id = $1', [eventId])).rows[0] as { public_key: string } | undefined;
        if (existing && existing.public_key !== req.event.publicKey) throw new HubAuthError(`This hub already holds another event with the id ${eventId}.`);
        if (!existing) {
          await c.query('INSERT INTO hub_event (id, public_key, signing_key, hub_device_id) VALUES ($1, $2, $3, $4)', [eventId, req.event.publicKey, req.event.signingKey, `orghub-${randomBytes(4).toString('hex')}`]);
        }
      }
      const event = (await c.query('SELECT id, signing_key, hub_device_id FROM hub_event WHERE id = $1', [eventId])).rows[0] as { id: string; signing_key: string | null; hub_device_id: string };
      // A device (or venue hub) is enrolled for one event: its file holds one event.
      const elsewhere = (await c.query('SELECT event_id FROM hub_device WHERE device_id = $1 AND event_id <> $2 AND revoked_at IS NULL', [req.deviceId, event.id])).rows[0] as { event_id: string } | undefined;
      if (elsewhere) throw new HubAuthError(`This device is enrolled for the event ${elsewhere.event_id}; pair a new event file (or remove the device from that event first).`);
      const known = (await c.query('SELECT credential_hash, revoked_at FROM hub_device WHERE event_id = $1 AND device_id = $2', [event.id, req.deviceId])).rows[0] as { credential_hash: string; revoked_at: Date | null } | undefined;
      const wrote = (await c.query('SELECT 1 FROM hub_entry WHERE event_id = $1 AND device_id = $2 LIMIT 1', [event.id, req.deviceId])).rowCount! > 0;
      const taken = code.role === 'venue' ? null : pairIdRefusal(known, wrote, req.credential);
      if (taken) throw new HubAuthError(taken);
      const credential = newCredential(req.deviceId);
      await c.query(
        `INSERT INTO hub_device (event_id, device_id, role, name, credential_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, device_id) DO UPDATE SET role = excluded.role, name = excluded.name, credential_hash = excluded.credential_hash,
         paired_at = now(), revoked_at = NULL, vector = '{}'`,
        [event.id, req.deviceId, code.role, req.name ?? '', credential.hash],
      );
      // A venue hub hands out its own blocks; stations of the organisers get blocks from the top of the range, so the
      // two never meet even while the venue is offline.
      let block = { first: 0, last: 0 };
      if (code.role !== 'venue') block = await this.reserveBlock(c, event.id, event.hub_device_id, req.deviceId, code.role, req.name ?? '');
      const entries = Number(((await c.query('SELECT count(*) AS n FROM hub_entry WHERE event_id = $1', [event.id])).rows[0] as { n: string }).n);
      return {
        deviceId: req.deviceId,
        role: code.role,
        credential: credential.credential,
        eventId: event.id,
        hubDeviceId: event.hub_device_id,
        signingKey: signingKeyFor(code.role, event.signing_key),
        badgeBlock: block,
        entries,
      };
    }).then(async (answer) => {
      await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, answer.eventId]);
      return answer;
    });
  }

  async authenticate(credential: string | undefined): Promise<AuthenticatedDevice> {
    const { deviceId, given } = readCredential(credential);
    const rows = (await this.pool.query('SELECT event_id, device_id, role, credential_hash, revoked_at FROM hub_device WHERE device_id = $1', [deviceId])).rows as { event_id: string; device_id: string; role: StationRole; credential_hash: string; revoked_at: Date | null }[];
    const row = rows.find((r) => credentialMatches(given, r.credential_hash));
    checkCredential(row);
    return { device_id: row.device_id, role: row.role, event_id: row.event_id };
  }

  async push(device: AuthenticatedDevice, entries: unknown[], deviceTime: number | null): Promise<PushAnswer> {
    const eventId = device.event_id!;
    const answer: PushAnswer = { applied: 0, duplicates: 0, rejected: [], vector: {}, hubTime: 0 };
    const candidates: { index: number; e: StoredEntry }[] = [];
    for (const [index, raw] of entries.entries()) {
      const parsed = parseEntry(raw);
      if (!parsed.ok) {
        answer.rejected.push({ index, problem: parsed.problem });
        continue;
      }
      // A station speaks for itself; a venue hub forwards its stations' entries too.
      const problem = pushRefusal(device, parsed.entry.deviceId);
      if (problem !== null) {
        answer.rejected.push({ index, problem });
        continue;
      }
      candidates.push({ index, e: parsed.entry });
    }
    if (candidates.length) {
      const ids = candidates.map((c) => c.e.entryId);
      const devices = [...new Set(candidates.map((c) => c.e.deviceId))];
      const held = new Set(((await this.pool.query('SELECT entry_id FROM hub_entry WHERE event_id = $1 AND entry_id = ANY($2)', [eventId, ids])).rows as { entry_id: string }[]).map((r) => r.entry_id));
      const next = new Map<string, number>(devices.map((d) => [d, 1]));
      for (const r of (await this.pool.query('SELECT device_id, max(device_seq) AS seq FROM hub_entry WHERE event_id = $1 AND device_id = ANY($2) GROUP BY device_id', [eventId, devices])).rows as { device_id: string; seq: number }[]) {
        next.set(r.device_id, r.seq + 1);
      }
      // Gap-free per device: an entry is taken only right after the last one held; the database's unique keys settle
      // a race between two hub processes taking the same device's entries.
      const take: StoredEntry[] = [];
      for (const { index, e } of candidates) {
        const want = next.get(e.deviceId)!;
        if (held.has(e.entryId)) answer.duplicates++;
        else if (e.deviceSeq === want) {
          take.push(e);
          next.set(e.deviceId, want + 1);
        } else if (e.deviceSeq < want) answer.rejected.push({ index, problem: `device ${e.deviceId} sequence ${e.deviceSeq} is already another entry` });
        else answer.rejected.push({ index, problem: `device ${e.deviceId} sequence ${e.deviceSeq} arrives before ${want}` });
      }
      // Personal data older than a purge never lands here, whichever order the entries come in (see replication/apply/privacy.ts).
      const purge = ((await this.pool.query("SELECT max(hlc) AS h FROM hub_entry WHERE event_id = $1 AND type = 'privacy.purged'", [eventId])).rows[0] as { h: string | null }).h;
      const newPurge = take.filter((e) => e.type === 'privacy.purged').map((e) => e.hlc).sort().pop();
      const latestPurge = [purge, newPurge].filter((h): h is string => Boolean(h)).sort().pop() ?? null;
      if (latestPurge) for (let i = 0; i < take.length; i++) take[i] = scrubBefore(take[i]!, latestPurge);
      if (take.length) {
        const inserted = await this.pool.query(
          `INSERT INTO hub_entry (event_id, entry_id, device_id, device_seq, hlc, type, payload)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
           ON CONFLICT DO NOTHING RETURNING entry_id`,
          [eventId, take.map((e) => e.entryId), take.map((e) => e.deviceId), take.map((e) => e.deviceSeq), take.map((e) => e.hlc), take.map((e) => e.type), take.map((e) => JSON.stringify(e.payload))],
        );
        answer.applied += inserted.rowCount ?? 0;
        answer.duplicates += take.length - (inserted.rowCount ?? 0);
        if (newPurge) await this.scrubLog(eventId, newPurge);
      }
    }
    if (answer.applied) await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, eventId]);
    await this.seen(device, deviceTime, null);
    answer.vector = await this.vector(eventId);
    answer.hubTime = Date.now();
    return answer;
  }

  async pull(device: AuthenticatedDevice, vector: VectorClock, waitMs: number, limit: number, deviceTime: number | null): Promise<PullAnswer> {
    const eventId = device.event_id!;
    await this.seen(device, deviceTime, vector);
    if (waitMs > 0 && (await this.waiting(eventId, vector)) === 0) await this.news(eventId, waitMs);
    const rows = (await this.pool.query(
      `SELECT entry_id, device_id, device_seq, hlc, type, payload FROM hub_entry
       WHERE event_id = $1 AND device_seq > coalesce(($2::jsonb ->> device_id)::integer, 0) ORDER BY received LIMIT $3`,
      [eventId, JSON.stringify(vector), limit],
    )).rows as EntryRow[];
    const waiting = await this.waiting(eventId, vector);
    return { entries: rows.map(entryOfRow), vector: await this.vector(eventId), more: waiting > rows.length, hubTime: Date.now() };
  }

  async devices(device?: AuthenticatedDevice, eventId?: string): Promise<HubDeviceInfo[]> {
    checkDeviceListAccess(device);
    const event = eventId ?? device?.event_id;
    const rows = (await this.pool.query('SELECT device_id, role, name, paired_at, last_seen, clock_skew_ms, vector, revoked_at FROM hub_device WHERE event_id = $1 ORDER BY paired_at', [event])).rows as {
      device_id: string; role: StationRole; name: string; paired_at: Date; last_seen: Date | null; clock_skew_ms: number; vector: VectorClock; revoked_at: Date | null;
    }[];
    const out: HubDeviceInfo[] = [];
    for (const r of rows) {
      out.push({
        deviceId: r.device_id, role: r.role, name: r.name, pairedAt: r.paired_at.toISOString(), lastSeen: r.last_seen?.toISOString() ?? null,
        waiting: await this.waiting(event!, r.vector), clockSkewMs: r.clock_skew_ms, revoked: r.revoked_at !== null,
      });
    }
    return out;
  }

  /** A purge arrived: older entries lose their personal data here as on every device. */
  private async scrubLog(eventId: string, purgeHlc: string): Promise<void> {
    const fields = PERSONAL_FIELDS.map((f) => `'${f}'`).join(', ');
    await this.pool.query(
      `UPDATE hub_entry SET payload = jsonb_set(payload::jsonb, '{fields}', (payload::jsonb -> 'fields') - ARRAY[${fields}]::text[])::text
       WHERE event_id = $1 AND type = 'delegate.upserted' AND hlc < $2`,
      [eventId, purgeHlc],
    );
    await this.pool.query(`UPDATE hub_entry SET payload = jsonb_set(payload::jsonb, '{code}', '"purged"')::text WHERE event_id = $1 AND type = 'scan.recorded' AND hlc < $2`, [eventId, purgeHlc]);
    await this.pool.query(`UPDATE hub_entry SET payload = jsonb_set(jsonb_set(payload::jsonb, '{add}', '[]'), '{remove}', '[]')::text WHERE event_id = $1 AND type = 'delegate.codes' AND hlc < $2`, [eventId, purgeHlc]);
    await this.pool.query(`UPDATE hub_entry SET payload = '{"purged":true}' WHERE event_id = $1 AND type LIKE 'legacy.%' AND hlc < $2`, [eventId, purgeHlc]);
  }

  async revoke(eventId: string, deviceId: string): Promise<void> {
    const r = await this.pool.query('UPDATE hub_device SET revoked_at = now() WHERE event_id = $1 AND device_id = $2 AND revoked_at IS NULL', [eventId, deviceId]);
    if (!r.rowCount) throw new ServiceError('not_found', `No paired device ${deviceId} in ${eventId}.`);
  }

  async vector(eventId: string): Promise<VectorClock> {
    const rows = (await this.pool.query('SELECT device_id, max(device_seq) AS seq FROM hub_entry WHERE event_id = $1 GROUP BY device_id', [eventId])).rows as { device_id: string; seq: number }[];
    return Object.fromEntries(rows.map((r) => [r.device_id, r.seq]));
  }

  private async waiting(eventId: string, vector: VectorClock): Promise<number> {
    const r = await this.pool.query(
      `SELECT count(*) AS n FROM hub_entry WHERE event_id = $1 AND device_seq > coalesce(($2::jsonb ->> device_id)::integer, 0)`,
      [eventId, JSON.stringify(vector)],
    );
    return Number((r.rows[0] as { n: string }).n);
  }

  /** The hub's own entry announcing a device and its badge block, sequenced under a per-event lock. */
  private async reserveBlock(c: pg.PoolClient, eventId: string, hubDevice: string, deviceId: string, role: StationRole, name: string): Promise<{ first: number; last: number }> {
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [eventId]);
    const lowest = ((await c.query('SELECT min(first_no) AS n FROM hub_badge_block WHERE event_id = $1', [eventId])).rows[0] as { n: number | null }).n;
    const last = lowest === null ? MAX_BADGE_NO : lowest - 1;
    const first = last - BLOCK_SIZE + 1;
    if (first < 1) throw new ServiceError('conflict', 'No badge numbers left for this event.');
    await c.query('INSERT INTO hub_badge_block (event_id, first_no, last_no, device_id) VALUES ($1, $2, $3, $4)', [eventId, first, last, deviceId]);
    const prev = (await c.query('SELECT device_seq, hlc FROM hub_entry WHERE event_id = $1 AND device_id = $2 ORDER BY device_seq DESC LIMIT 1', [eventId, hubDevice])).rows[0] as { device_seq: number; hlc: string } | undefined;
    const clock = new HybridClock(hubDevice, prev?.hlc ?? null);
    const entry = {
      entryId: randomBytes(16).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
      deviceId: hubDevice,
      deviceSeq: (prev?.device_seq ?? 0) + 1,
      hlc: clock.tick(),
      type: 'device.enrolled',
      payload: { deviceId, role, name, badgeBlock: { first, last }, at: new Date().toISOString() },
    };
    await c.query('INSERT INTO hub_entry (event_id, entry_id, device_id, device_seq, hlc, type, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      eventId, entry.entryId, entry.deviceId, entry.deviceSeq, entry.hlc, entry.type, JSON.stringify(entry.payload),
    ]);
    return { first, last };
  }

  private async seen(device: AuthenticatedDevice, deviceTime: number | null, vector: VectorClock | null): Promise<void> {
    await this.pool.query(
      `UPDATE hub_device SET last_seen = now(), clock_skew_ms = coalesce($3, clock_skew_ms), vector = coalesce($4::jsonb, vector)
       WHERE event_id = $1 AND device_id = $2`,
      [device.event_id, device.device_id, deviceTime === null ? null : Math.round(deviceTime - Date.now()), vector ? JSON.stringify(vector) : null],
    );
  }

  private news(eventId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(eventId) ?? new Set();
      this.waiters.set(eventId, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  private wake(eventId: string): void {
    const set = this.waiters.get(eventId);
    if (!set) return;
    for (const w of [...set]) w();
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
}

