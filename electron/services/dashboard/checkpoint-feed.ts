// The live dashboard's feed per checkpoint (the Reports screen's table, refreshed every few seconds while scans
// come in): who was admitted and turned away, against the list and the capacity. Not a report: reports are built
// from one snapshot in reports/build-report.ts; this is counted incrementally with dashboard.ts on the scanning thread.
import type { AttendanceRow } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';
import type { CheckinService } from '../checkin/checkin-service.js';
import type { Dashboard } from './dashboard.js';

/**
 * Per-checkpoint totals: who was admitted, how many were turned away, against the list and the capacity. A re-scan
 * of someone already in (already_checked_in) is not a denial: nobody was turned away.
 */
export function attendance(event: EventStore, checkin: CheckinService, dashboard: Dashboard): AttendanceRow[] {
  // Counted incrementally with the dashboard: this table refreshes every few seconds on the scanning thread.
  const denied = dashboard.deniedByCheckpoint();
  const registered = dashboard.registeredByTarget();
  return event.checkpointRows().map((cp) => ({
    checkpointId: cp.id,
    name: cp.name,
    nameJa: cp.name_ja,
    kind: cp.kind,
    capacity: cp.capacity,
    registered: cp.list_rule === 'registered' ? (registered.get(targetKeyOf(cp)) ?? 0) : null,
    admitted: checkin.admittedCount(cp),
    denied: denied.get(cp.id) ?? 0,
  }));
}

export function registeredCounts(core: Core): Map<string, number> {
  return new Map(
    (core.db.prepare('SELECT target_id AS id, count(*) AS n FROM registration GROUP BY target_id').all() as { id: string; n: number }[]).map((r) => [r.id, r.n]),
  );
}
