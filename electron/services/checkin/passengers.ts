// A bus's passenger list for the steward on board: who has boarded (from every device's scans, once merged) and who
// is still missing, by name, organisation and badge number.
import type { Passenger, PassengerList } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';
import { Registered } from './registered.js';

export class Passengers {
  private readonly registered;

  constructor(core: Core, private readonly event: EventStore) {
    this.registered = new Registered(core.db);
  }

  of(checkpointId: string): PassengerList {
    const cp = this.event.checkpoint(checkpointId);
    const rows: Passenger[] = this.registered.at(targetKeyOf(cp)).map((d) => ({
      delegateId: d.id, familyName: d.family_name, givenName: d.given_name, familyNameKanji: d.family_name_kanji,
      givenNameKanji: d.given_name_kanji, organisation: d.organisation, badgeNo: d.badge_no, boardedAt: d.first_at,
    }));
    return {
      checkpointId: cp.id,
      boarded: rows.filter((r) => r.boardedAt !== null).sort((a, b) => (a.boardedAt! < b.boardedAt! ? -1 : 1)),
      missing: rows.filter((r) => r.boardedAt === null),
    };
  }
}
