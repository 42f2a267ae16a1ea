// A bus's passenger list for the steward on board: who has boarded (from every device's scans, once merged) and who
// is still missing, by name, organisation and badge number.
import type { Passenger, PassengerList } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';
import { toDelegate } from '../model/delegate-row.js';
import { Registered } from './registered.js';

export class Passengers {
  private readonly registered;

  constructor(core: Core, private readonly event: EventStore) {
    this.registered = new Registered(core.db);
  }

  of(checkpointId: string): PassengerList {
    const cp = this.event.checkpoint(checkpointId);
    const rows: Passenger[] = this.registered.at(targetKeyOf(cp)).map((row) => {
      const d = toDelegate(row);
      return {
        delegateId: d.id, familyName: d.familyName, givenName: d.givenName, familyNameKanji: d.familyNameKanji,
        givenNameKanji: d.givenNameKanji, organisation: d.organisation, badgeNo: d.badgeNo, boardedAt: row.first_at,
      };
    });
    return {
      checkpointId: cp.id,
      boarded: rows.filter((r) => r.boardedAt !== null).sort((a, b) => (a.boardedAt! < b.boardedAt! ? -1 : 1)),
      missing: rows.filter((r) => r.boardedAt === null),
    };
  }
}
