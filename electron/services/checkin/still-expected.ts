// Who is on a checkpoint's list and has not come through yet: the passenger list a bus steward calls out before the
// doors close, the latecomers of a session. Admission is per target, so someone who boarded by the other door of the
// same bus is not missing. Checkpoints open to anyone have no list and so nobody missing.
import type { Delegate } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';
import { toDelegate } from '../people/delegates.js';
import { Registered } from './registered.js';

export class StillExpected {
  private readonly registered;

  constructor(core: Core, private readonly event: EventStore) {
    this.registered = new Registered(core.db);
  }

  list(checkpointId: string, limit = 500): Delegate[] {
    const cp = this.event.checkpointRows().find((c) => c.id === checkpointId);
    if (!cp || cp.list_rule !== 'registered') return [];
    return this.registered.at(targetKeyOf(cp)).filter((d) => d.first_at === null).slice(0, limit).map(toDelegate);
  }
}
