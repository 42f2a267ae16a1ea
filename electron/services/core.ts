// The shared context every service works in: one event database, this device's identity and clock, and the
// replica through which every change is committed. Plain Node: no Electron, HTTP or React here.
import { randomFillSync } from 'node:crypto';
import type { Db } from '../../db/open.js';
import { DeviceState } from './replication/device-state.js';
import { HybridClock } from './replication/hlc.js';
import { installationDeviceId, isDeviceId } from './replication/installation.js';
import { Replica } from './replication/replica.js';
import type { Entry, EntryType, PayloadOf } from './replication/entries.js';
import type { CoreMessage } from '../api/contract.js';

export interface CoreOptions {
  /** Business time: what a scan is recorded at (`scan --at`, tests, rehearsals). Defaults to the system clock. */
  now?: () => number;
  /** The hybrid clock's physical time: the system clock, injected only by tests of the clock itself. */
  clockNow?: () => number;
  /** This device; defaults to the installation's id (never stored in, or taken from, the event file). */
  deviceId?: string;
}

export class Core {
  readonly deviceId: string;
  /** What this device remembers about itself (meta): never replicated. */
  readonly device: DeviceState;
  readonly clock: HybridClock;
  readonly replica: Replica;
  readonly nowMs: () => number;

  constructor(readonly db: Db, opts: CoreOptions = {}) {
    this.nowMs = opts.now ?? Date.now;
    this.deviceId = opts.deviceId ?? installationDeviceId();
    if (!isDeviceId(this.deviceId)) throw new Error(`Not a device id: ${this.deviceId}`);
    this.device = new DeviceState(db);
    this.clock = new HybridClock(this.deviceId, this.device.clock(), opts.clockNow ?? Date.now);
    this.replica = new Replica(db, this.clock, this.deviceId, this.device);
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  /** Runs fn in one immediate transaction: the change and its log entry commit together, then listeners hear of it. */
  tx<T>(fn: () => T): T {
    return this.replica.transaction(fn);
  }

  /** Records a change through the one apply path; call inside tx(). */
  commit<T extends EntryType>(type: T, payload: PayloadOf<T>): Extract<Entry, { type: T }> {
    return this.replica.commit(type, payload);
  }
}

/** A user-fixable problem (unknown id, duplicate email…); shells show its message instead of a crash. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'bad_input' | 'not_found' | 'conflict' | 'forbidden',
    message: string,
    /** The same message as a key and values, for screens to say in their language. */
    readonly say?: CoreMessage,
  ) {
    super(message);
  }
}

// Random bytes drawn from a pool refilled 512 ids at a time: randomBytes(8) per id was a system call per scan.
const ID_BYTES = 8;
const pool = Buffer.alloc(ID_BYTES * 512);
let poolAt = pool.length;

export function newId(prefix: string): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += ID_BYTES;
  return `${prefix}_${pool.toString('hex', poolAt - ID_BYTES, poolAt)}`;
}
