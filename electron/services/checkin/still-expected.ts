// Who is on a checkpoint's list and has not come through yet: the passenger list a bus steward calls out before the
// doors close, the latecomers of a session. Admission is per target, so someone who boarded by the other door of the
// same bus is not missing. Checkpoints open to anyone have no list and so nobody missing.
import type { Delegate } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';
import { toDelegate, type Delegates } from '../people/delegates.js';

export class StillExpected {
  private readonly query;

  constructor(
    core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
  ) {
    this.query = core.db
      .prepare(
        `SELECT r.delegate_id FROM registration r JOIN delegate d ON d.id = r.delegate_id
         WHERE r.target_id = ? AND d.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.target_key = ? AND a.delegate_id = r.delegate_id)
         ORDER BY d.sort_key LIMIT ?`,
      )
      .pluck();
  }

  list(checkpointId: string, limit = 500): Delegate[] {
    const cp = this.event.checkpointRows().find((c) => c.id === checkpointId);
    if (!cp || cp.list_rule !== 'registered') return [];
    const key = targetKeyOf(cp);
    return (this.query.all(key, key, limit) as string[]).map((id) => toDelegate(this.delegates.get(id)));
  }
}
