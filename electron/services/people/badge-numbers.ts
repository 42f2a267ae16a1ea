// Badge numbers come from blocks reserved per device, so two offline desks never print the same number (a QR
// holds the number and issue only: a collision would be two people with one QR). The hub hands out blocks at
// pairing; a standalone device, or the hub itself, reserves the next free block for itself.
import { MAX_BADGE_NO } from '../model/badge-token.js';
import { ServiceError, type Core } from '../core.js';
import type { PayloadOf } from '../replication/entries.js';

type DeviceRole = PayloadOf<'device.enrolled'>['role'];

export const BLOCK_SIZE = 100_000;

export class BadgeNumbers {
  private readonly s;

  constructor(private readonly core: Core) {
    const { db } = core;
    this.s = {
      blocks: db.prepare('SELECT first_no, last_no FROM badge_block WHERE device_id = ? ORDER BY first_no'),
      usedIn: db.prepare('SELECT max(badge_no) FROM badge WHERE badge_no BETWEEN ? AND ?').pluck(),
      highest: db.prepare('SELECT max(n) FROM (SELECT max(last_no) AS n FROM badge_block UNION ALL SELECT max(badge_no) FROM badge)').pluck(),
      role: db.prepare('SELECT role, name FROM device WHERE device_id = ?'),
    };
  }

  /** The next number of this device's blocks; call inside the transaction that uses it. */
  next(): number {
    for (const b of this.s.blocks.all(this.core.deviceId) as { first_no: number; last_no: number }[]) {
      const used = this.s.usedIn.get(b.first_no, b.last_no) as number | null;
      if (used === null) return b.first_no;
      if (used < b.last_no) return used + 1;
    }
    return this.reserve().first;
  }

  /** Reserves the next free block for this device (standalone or hub): a change other devices learn of. */
  reserve(): { first: number; last: number } {
    if (this.core.device.paired()) throw new ServiceError('conflict', 'This device has used its badge numbers: sync with the hub to get more.', { key: 'badge_numbers_used', values: {} });
    const me = this.s.role.get(this.core.deviceId) as { role: DeviceRole; name: string } | undefined;
    return this.reserveFor(this.core.deviceId, me?.role ?? 'desk', me?.name ?? '');
  }

  /** A block for another device, handed out by this device acting as the hub (pairing). */
  reserveFor(deviceId: string, role: DeviceRole, name: string): { first: number; last: number } {
    const highest = (this.s.highest.get() as number | null) ?? 0;
    const first = Math.ceil(highest / BLOCK_SIZE) * BLOCK_SIZE + 1;
    const last = Math.min(first + BLOCK_SIZE - 1, MAX_BADGE_NO);
    if (first > MAX_BADGE_NO) throw new ServiceError('conflict', 'No badge numbers left for this event.', { key: 'no_badge_numbers', values: {} });
    this.core.commit('device.enrolled', { deviceId, role, name, badgeBlock: { first, last }, at: this.core.nowIso() });
    return { first, last };
  }
}
