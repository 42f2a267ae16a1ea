// The staff PIN that locks door and kiosk stations: leaving a checkpoint or the kiosk needs the PIN, or a staff
// or organiser badge. Stored as a salted scrypt hash. Wrong tries lock out the client that made them (with a delay
// that doubles at each lockout), never every client: a prankster at one kiosk cannot lock the desk out.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Core } from '../core.js';
import { ServiceError } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import type { Delegates } from '../people/delegates.js';
import { identify } from '../checkin/identify.js';

const MAX_FAILURES = 5;
const LOCKOUT_MS = 30_000;
const MAX_LOCKOUT_MS = 15 * 60_000;
/** Clients remembered at most (an attacker inventing client ids must not grow memory without bound). */
const MAX_CLIENTS = 10_000;

export interface UnlockResult {
  ok: boolean;
  retryInMs: number;
  /** Who signed in: the PIN or a staff badge is staff, an organiser badge is organiser. */
  level?: 'staff' | 'organiser';
  /** Whose badge signed in (none for the PIN). */
  delegateId?: string;
}

interface Attempts {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

export class StaffLock {
  private readonly clients = new Map<string, Attempts>();

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
  ) {}

  /** `by` names who changed it (kept in the replicated log entry, which every station receives). */
  setPin(pin: string, by = 'operator'): void {
    if (!/^\d{4,8}$/.test(pin)) throw new ServiceError('bad_input', 'The staff PIN is 4 to 8 digits.', { key: 'pin_format', values: {} });
    const salt = randomBytes(16);
    const hash = scryptSync(pin, salt, 32);
    this.core.tx(() => this.core.commit('setting.changed', { key: 'staff_pin', value: `${salt.toString('hex')}:${hash.toString('hex')}`, at: this.core.nowIso(), by: by.slice(0, 100) }));
  }

  /** Who changed the PIN and when, newest first (from the log, so changes made on other stations are there too). */
  pinChanges(): { at: string; deviceId: string; by: string | null }[] {
    const rows = this.core.db.prepare("SELECT device_id AS deviceId, payload FROM change_log WHERE type = 'setting.changed' AND json_extract(payload, '$.key') = 'staff_pin' ORDER BY hlc DESC").all() as { deviceId: string; payload: string }[];
    return rows.map((r) => {
      const p = JSON.parse(r.payload) as { at: string; by?: string };
      return { at: p.at, deviceId: r.deviceId, by: p.by ?? null };
    });
  }

  hasPin(): boolean {
    return this.core.db.prepare("SELECT 1 FROM setting WHERE key = 'staff_pin'").get() !== undefined;
  }

  /** True for the right PIN, or for the badge of a staff member or organiser. */
  unlock(secret: string, clientId = 'local'): UnlockResult {
    const now = this.core.nowMs();
    const a = this.clients.get(clientId) ?? { failures: 0, lockouts: 0, lockedUntil: 0 };
    if (now < a.lockedUntil) return { ok: false, retryInMs: a.lockedUntil - now };
    const who = this.identify(secret);
    if (who) {
      this.clients.delete(clientId);
      return { ok: true, retryInMs: 0, level: who.level, ...(who.delegateId ? { delegateId: who.delegateId } : {}) };
    }
    if (!this.clients.has(clientId)) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
      this.clients.set(clientId, a);
    }
    if (++a.failures >= MAX_FAILURES) {
      a.failures = 0;
      const wait = Math.min(MAX_LOCKOUT_MS, LOCKOUT_MS * 2 ** a.lockouts++);
      a.lockedUntil = now + wait;
      return { ok: false, retryInMs: wait };
    }
    return { ok: false, retryInMs: 0 };
  }

  /** The level a secret signs in at, with no lockout bookkeeping (callers that already limit tries). */
  check(secret: string): 'staff' | 'organiser' | null {
    return this.identify(secret)?.level ?? null;
  }

  private identify(secret: string): { level: 'staff' | 'organiser'; delegateId: string | null } | null {
    if (/^\d{4,8}$/.test(secret)) return this.pinMatches(secret) ? { level: 'staff', delegateId: null } : null;
    return this.staffBadge(secret);
  }

  private pinMatches(pin: string): boolean {
    const row = this.core.db.prepare("SELECT value FROM setting WHERE key = 'staff_pin'").get() as { value: string } | undefined;
    if (!row) return false;
    const [salt, hash] = row.value.split(':') as [string, string];
    const expected = Buffer.from(hash, 'hex');
    return timingSafeEqual(scryptSync(pin, Buffer.from(salt, 'hex'), expected.length), expected);
  }

  private staffBadge(code: string): { level: 'staff' | 'organiser'; delegateId: string } | null {
    // Only the signed badge itself: a registration code is printed in confirmation emails, not a credential.
    if (!this.event.tokens().check(code).ok) return null;
    const who = identify(code, this.event, this.delegates);
    if (who.id.kind !== 'delegate' || who.id.presentedIssue === null) return null;
    if (who.id.cancelled || who.id.presentedIssue < who.id.currentIssue) return null;
    const level = who.delegate?.role === 'staff' ? 'staff' : who.delegate?.role === 'organiser' ? 'organiser' : null;
    return level && who.delegate ? { level, delegateId: who.delegate.id } : null;
  }
}
