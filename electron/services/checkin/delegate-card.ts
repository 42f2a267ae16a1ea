// What the desk's delegate card shows of one person: who they are, their badge token, the checkpoints they are on
// the list for (and when they were first admitted there), what they are registered for, their last scans. Read here
// in a few queries; the Api's people wing (services/methods/people.ts) answers with it after every change.
import type { DelegateDetail, RegistrationState } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';
import { toDelegate, type Delegates } from '../people/delegates.js';
import type { CheckinService } from './checkin-service.js';

export class DelegateCard {
  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
    private readonly checkin: CheckinService,
  ) {}

  detail(id: string): DelegateDetail {
    const row = this.delegates.get(id);
    const db = this.core.db;
    // First admission per target, in one query rather than one per checkpoint.
    const admitted = new Map(
      (db.prepare('SELECT target_key AS key, min(first_at) AS at FROM admission WHERE delegate_id = ? GROUP BY target_key').all(id) as { key: string; at: string }[]).map((r) => [r.key, r.at]),
    );
    const registrations: RegistrationState[] = [];
    for (const cp of this.event.checkpointRows()) {
      const key = targetKeyOf(cp);
      const registered = cp.list_rule === 'anyone' || this.delegates.isRegistered(id, key);
      if (!registered) continue;
      registrations.push({ checkpointId: cp.id, checkpointName: cp.name, checkpointNameJa: cp.name_ja, kind: cp.kind, registered, admittedAt: admitted.get(key) ?? null });
    }
    const targets = db.prepare('SELECT target_id FROM registration WHERE delegate_id = ?').pluck().all(id) as string[];
    return { delegate: toDelegate(row), token: this.delegates.tokenFor(row), registrations, targets, scans: this.checkin.recent({ delegateId: id, limit: 20 }) };
  }

  /** The checkpoints a delegate is on the list for (what `uketsuke delegates` reports). */
  checkpointsFor(delegateId: string): string[] {
    return this.event
      .checkpointRows()
      .filter((cp) => cp.list_rule === 'anyone' || this.delegates.isRegistered(delegateId, targetKeyOf(cp)))
      .map((cp) => cp.id);
  }
}
