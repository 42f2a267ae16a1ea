// The staff PIN that locks door and kiosk stations: leaving a checkpoint or the kiosk needs the PIN, or a staff
// or organiser badge. Stored as a salted scrypt hash; repeated wrong PINs slow the next try down.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Core } from '../core.js';
import { ServiceError } from '../core.js';
import type { EventStore } from './event-store.js';
import type { Delegates } from '../people/delegates.js';
import { identify } from '../checkin/identify.js';

const MAX_FAILURES = 5;
const LOCKOUT_MS = 30_000;

export class StaffLock {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
  ) {}

  setPin(pin: string): void {
    if (!/^\d{4,8}$/.test(pin)) throw new ServiceError('bad_input', 'The staff PIN is 4 to 8 digits.');
    const salt = randomBytes(16);
    const hash = scryptSync(pin, salt, 32);
    this.core.tx(() => this.core.commit('setting.changed', { key: 'staff_pin', value: `${salt.toString('hex')}:${hash.toString('hex')}`, at: this.core.nowIso() }));
  }

  hasPin(): boolean {
    return this.core.db.prepare("SELECT 1 FROM setting WHERE key = 'staff_pin'").get() !== undefined;
  }

  /** True for the right PIN, or for the badge of a staff member or organiser. */
  unlock(secret: string): { ok: boolean; retryInMs: number } {
    const now = this.core.nowMs();
    if (now < this.lockedUntil) return { ok: false, retryInMs: this.lockedUntil - now };
    const ok = /^\d{4,8}$/.test(secret) ? this.pinMatches(secret) : this.isStaffBadge(secret);
    if (ok) {
      this.failures = 0;
      return { ok: true, retryInMs: 0 };
    }
    if (++this.failures >= MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = now + LOCKOUT_MS;
      return { ok: false, retryInMs: LOCKOUT_MS };
    }
    return { ok: false, retryInMs: 0 };
  }

  private pinMatches(pin: string): boolean {
    const row = this.core.db.prepare("SELECT value FROM setting WHERE key = 'staff_pin'").get() as { value: string } | undefined;
    if (!row) return false;
    const [salt, hash] = row.value.split(':') as [string, string];
    const expected = Buffer.from(hash, 'hex');
    return timingSafeEqual(scryptSync(pin, Buffer.from(salt, 'hex'), expected.length), expected);
  }

  private isStaffBadge(code: string): boolean {
    const who = identify(code, this.event, this.delegates);
    if (who.id.kind !== 'delegate' || who.id.cancelled || (who.id.presentedIssue ?? 0) < who.id.currentIssue) return false;
    return who.delegate?.role === 'staff' || who.delegate?.role === 'organiser';
  }
}
