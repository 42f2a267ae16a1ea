// A station's side of sync, plain Node over a transport interface (HTTPS in host/hub/client.ts): push this
// device's entries within moments of a change, wait on the hub for news (long poll), back off with jitter while the
// hub is unreachable and resume by itself. A verdict never waits for any of this: the station answers from its file.
import type { HubDeviceInfo, PairAnswer, PairRequest, PullAnswer, PushAnswer, StationRole, VectorClock } from '../../api/sync-protocol.js';
import type { SyncStatus } from '../../api/contract.js';
import { ServiceError, type Core } from '../core.js';
import { MAX_SKEW_MS } from '../replication/hlc.js';

export interface HubTransport {
  pair(req: PairRequest): Promise<PairAnswer>;
  push(entries: unknown[]): Promise<PushAnswer>;
  pull(vector: VectorClock, waitMs: number, limit: number): Promise<PullAnswer>;
  devices(): Promise<HubDeviceInfo[]>;
  close(): void;
}

/** What a station remembers of its hub: where it is, how to recognise it, and its credential (kept in device state). */
export type { HubLink } from '../replication/device-state.js';
import type { HubLink } from '../replication/device-state.js';

export function readHubLink(core: Core): HubLink | null {
  return core.device.hubLink();
}

export function saveHubLink(core: Core, link: HubLink): void {
  core.device.setHubLink(link);
}

/**
 * Entries per pull. Small pages: parsing one answer blocks the event loop, and a scan waiting behind a 5,000-entry
 * answer waited tens of milliseconds; 400 entries parse in about a millisecond.
 */
const PULL_PAGE = 400;

export interface SyncOptions {
  /** 'own': a station pushes its own entries; 'all': a venue hub forwards every entry its upstream lacks. */
  forward?: 'own' | 'all';
  /** How long a pull waits on the hub for news. */
  waitMs?: number;
  pushDelayMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export class StationSync {
  private hubVector: VectorClock | null = null;
  private running = false;
  private online = false;
  private lastSyncAt: string | null = null;
  private lastError: string | null = null;
  private clockSkewMs = 0;
  private failures = 0;
  private notYourHub = false;
  private behindOwnHistory = 0;
  private pushTimer: NodeJS.Timeout | null = null;
  private pushing: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly opts: Required<SyncOptions>;

  constructor(
    private readonly core: Core,
    private readonly transport: HubTransport,
    opts: SyncOptions = {},
  ) {
    this.opts = { forward: 'own', waitMs: 20_000, pushDelayMs: 20, maxBackoffMs: 15_000, random: Math.random, ...opts };
    core.replica.onApplied(() => {
      if (this.running && this.ownWaiting() > 0) this.schedulePush();
    });
  }

  status(): SyncStatus {
    const link = readHubLink(this.core);
    return {
      paired: link !== null,
      role: link?.role ?? null,
      hub: link?.urls[0] ?? null,
      online: this.online,
      lastSyncAt: this.lastSyncAt,
      waiting: this.ownWaiting(),
      lastError: this.lastError,
      clockSkewMs: this.clockSkewMs,
      clockWarning: Math.abs(this.clockSkewMs) > MAX_SKEW_MS,
      notYourHub: this.notYourHub,
      behindOwnHistory: this.behindOwnHistory,
    };
  }

  devices(): Promise<HubDeviceInfo[]> {
    return this.transport.devices();
  }

  /** One full round: what the hub lacks goes up, everything new comes down. */
  async syncOnce(onProgress?: (pulled: number) => void): Promise<{ pushed: number; pulled: number; waiting: number }> {
    let pulled = 0;
    let answer = await this.pullOnce(0);
    pulled += answer.applied;
    while (answer.more) {
      answer = await this.pullOnce(0);
      pulled += answer.applied;
      onProgress?.(pulled);
    }
    const pushed = await this.pushOnce();
    return { pushed, pulled, waiting: this.ownWaiting() };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.pullLoop();
    this.schedulePush();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.wake?.();
    this.transport.close();
    await this.pushing?.catch(() => undefined);
  }

  /** Entries the hub has not acknowledged: this device's own, or (forwarding) every entry this device holds. */
  private ownWaiting(): number {
    if (this.opts.forward === 'all') return this.core.replica.waiting(this.hubVector ?? {});
    const mine = this.core.replica.vector()[this.core.deviceId] ?? 0;
    return Math.max(0, mine - (this.hubVector?.[this.core.deviceId] ?? 0));
  }

  private schedulePush(): void {
    if (this.pushTimer || !this.running) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.pushing = this.pushOnce().then(
        () => undefined,
        () => {
          // The pull loop notices the hub is back and pushes then; meanwhile retry with the backoff.
          if (this.running) setTimeout(() => this.schedulePush(), this.backoff()).unref();
        },
      );
    }, this.opts.pushDelayMs);
    this.pushTimer.unref();
  }

  private async pushOnce(): Promise<number> {
    if (this.hubVector === null) await this.pullOnce(0);
    let pushed = 0;
    for (;;) {
      const missing = this.core.replica.missing(this.hubVector ?? {}, 2000);
      const mine = this.opts.forward === 'all' ? missing : missing.filter((e) => e.deviceId === this.core.deviceId);
      if (mine.length === 0) return pushed;
      const answer = await this.call(() => this.transport.push(mine));
      if (answer.rejected.length) throw new ServiceError('conflict', `The hub refused ${answer.rejected.length} entries: ${answer.rejected[0]!.problem}`);
      this.hubVector = answer.vector;
      pushed += answer.applied;
    }
  }

  private async pullOnce(waitMs: number): Promise<{ applied: number; more: boolean }> {
    const answer = await this.call(() => this.transport.pull(this.core.replica.vector(), waitMs, PULL_PAGE));
    // Only this station writes in its own name: an entry that claims to, coming from outside, is someone else's forgery.
    const entries = answer.entries.filter((e) => !claimsDevice(e, this.core.deviceId));
    if (entries.length < answer.entries.length) this.lastError = `The hub sent ${answer.entries.length - entries.length} entries in this station's name: refused.`;
    const report = await this.core.replica.receiveAsync(entries);
    this.hubVector = answer.vector;
    // The hub holds more of this station's own entries than its file: the file was restored from a backup (or someone
    // wrote in its name). Its next entries would reuse sequence numbers the hub has, so they could never sync: said loudly.
    const held = answer.vector[this.core.deviceId] ?? 0;
    const mine = this.core.replica.vector()[this.core.deviceId] ?? 0;
    this.behindOwnHistory = this.opts.forward === 'own' && held > mine ? held - mine : 0;
    if (this.behindOwnHistory > 0) this.lastError = `The hub holds ${this.behindOwnHistory} entries of this station that this file does not (was it restored from a backup?): its new scans cannot sync. Pair a new event file for this station.`;
    return { applied: report.applied, more: answer.more };
  }

  private async pullLoop(): Promise<void> {
    while (this.running) {
      try {
        const { more } = await this.pullOnce(this.opts.waitMs);
        if (this.ownWaiting() > 0) this.schedulePush();
        if (more) continue;
      } catch {
        if (!this.running) return;
        await new Promise<void>((r) => {
          this.wake = r;
          setTimeout(r, this.backoff()).unref();
        });
      }
    }
  }

  private async call<T extends { hubTime: number }>(fn: () => Promise<T>): Promise<T> {
    try {
      const answer = await fn();
      this.online = true;
      this.failures = 0;
      this.notYourHub = false;
      this.lastError = null;
      this.lastSyncAt = new Date().toISOString();
      this.clockSkewMs = Date.now() - answer.hubTime;
      return answer;
    } catch (e) {
      this.online = false;
      this.failures++;
      this.notYourHub = typeof e === 'object' && e !== null && (e as { notYourHub?: unknown }).notYourHub === true;
      this.lastError = e instanceof Error ? e.message : String(e);
      throw e;
    }
  }

  /** Exponential backoff with jitter, so a venue's stations do not all knock at the hub at once when it returns. */
  private backoff(): number {
    // Another machine at the hub's address is not an outage: knocking fast would not bring the hub back.
    if (this.notYourHub) return Math.round(60_000 * (0.5 + this.opts.random()));
    const base = Math.min(this.opts.maxBackoffMs, 250 * 2 ** Math.min(this.failures, 8));
    return Math.round(base * (0.5 + this.opts.random()));
  }
}

/**
 * Joins a hub with a pairing code's secret: the station gets its credential, badge numbers and (for desks and
 * kiosks) the signing key, then loads the event from the hub's log.
 */
export async function pairStation(
  core: Core,
  connect: (credential: string | null) => HubTransport,
  code: { secret: string; hub: string[]; fingerprint: string },
  certPem: string,
  name: string,
  onProgress?: (loaded: number, total: number) => void,
): Promise<PairAnswer & { delegates: number }> {
  // A pairing cut off before its first load finished (power, SIGKILL) is paired again with a new code, proving with
  // the credential it got that it is the same station; a finished one is paired for good.
  const before = readHubLink(core);
  if (before && !before.loading) throw new ServiceError('conflict', 'This event file is already paired with a hub.', { key: 'already_paired', values: {} });
  const existing = core.db.prepare('SELECT id FROM event LIMIT 1').pluck().get() as string | undefined;
  const pairing = connect(null);
  const answer = await pairing.pair({ secret: code.secret, deviceId: core.deviceId, name, ...(before ? { credential: before.credential } : {}) }).finally(() => pairing.close());
  if (existing && existing !== answer.eventId) throw new ServiceError('conflict', `This file holds another event (${existing}); pair a new file.`, { key: 'other_event_file', values: { event: existing } });
  const link = { urls: code.hub, fingerprint: code.fingerprint, certPem, credential: answer.credential, role: answer.role, eventId: answer.eventId, pairedAt: new Date().toISOString() };
  saveHubLink(core, { ...link, loading: true });
  const transport = connect(answer.credential);
  const sync = new StationSync(core, transport);
  await sync.syncOnce((loaded) => onProgress?.(loaded, answer.entries)).finally(() => transport.close());
  core.tx(() => {
    if (answer.signingKey) core.db.prepare('UPDATE event SET private_key = ? WHERE id = ?').run(answer.signingKey, answer.eventId);
    saveHubLink(core, link);
  });
  const delegates = core.db.prepare("SELECT count(*) FROM delegate WHERE status = 'active'").pluck().get() as number;
  return { ...answer, delegates };
}

function claimsDevice(entry: unknown, deviceId: string): boolean {
  return typeof entry === 'object' && entry !== null && (entry as { deviceId?: unknown }).deviceId === deviceId;
}
