// The facts the entry matrix (trust/entry-rules.ts) needs, read from a station's event file, so the station's
// receive path (and the SQLite venue hub's push) can ask `authoriseEntry` with two lines. Roles come from the
// replicated `device.enrolled` records; the hub's own device, which may never have enrolled itself under that
// name, is named by the caller (the station's hub link, or the hub's own id). Statements are prepared once.
// Neighbours: trust/entry-rules.ts (the decisions), trust/entry-clock.ts (the clock bound).
import type Database from 'better-sqlite3';
import type { CheckpointKind } from '../../api/contract.js';
import { DEVICE_ROLES, type DeviceRole, type ScopeFacts } from './entry-rules.js';

export interface EntryFacts {
  scope: ScopeFacts;
  /** The role the author of an entry holds in this event, or null when it never enrolled. */
  roleOf(deviceId: string): DeviceRole | null;
}

const ROLES: ReadonlySet<string> = new Set(DEVICE_ROLES);

export function entryFacts(db: Database.Database, opts: { receiverDeviceId: string; hubDeviceId: string | null }): EntryFacts {
  const s = {
    event: db.prepare('SELECT id FROM event LIMIT 1').pluck(),
    checkpoints: db.prepare('SELECT id, kind, target_id FROM checkpoint'),
    job: db.prepare("SELECT device_id FROM print_job WHERE id = ? AND device_id <> ''").pluck(),
    role: db.prepare('SELECT role FROM device WHERE device_id = ?').pluck(),
  };
  // Read per call of `scope`, since checkpoints arrive with entries; a receive batch asks once per batch.
  const scope = (): ScopeFacts => ({
    eventId: (s.event.get() as string | undefined) ?? '',
    checkpoints: new Map(
      (s.checkpoints.all() as { id: string; kind: CheckpointKind; target_id: string | null }[])
        .map((c) => [c.id, { kind: c.kind, targetKey: c.target_id ?? c.id }]),
    ),
    receiverDeviceId: opts.receiverDeviceId,
    printJobOwner: (id) => (s.job.get(id) as string | undefined) ?? undefined,
  });
  return {
    get scope() {
      return scope();
    },
    roleOf(deviceId) {
      if (deviceId === opts.hubDeviceId) return 'hub';
      const role = s.role.get(deviceId) as string | undefined;
      return role !== undefined && ROLES.has(role) ? (role as DeviceRole) : null;
    },
  };
}
