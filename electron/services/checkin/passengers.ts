// A bus's passenger list for the steward on board: who has boarded (from every device's scans, once merged) and who
// is still missing, by name, organisation and badge number.
import type { Passenger, PassengerList } from '../../api/contract.js';
import type { Core } from '../core.js';
import { targetKeyOf, type EventStore } from '../event/event-store.js';

export class Passengers {
  private readonly list;

  constructor(private readonly core: Core, private readonly event: EventStore) {
    this.list = core.db.prepare(`
      SELECT d.id AS delegateId, d.family_name AS familyName, d.given_name AS givenName, d.family_name_kanji AS familyNameKanji,
             d.given_name_kanji AS givenNameKanji, d.organisation, d.badge_no AS badgeNo, min(a.first_at) AS boardedAt
      FROM registration r JOIN delegate d ON d.id = r.delegate_id
      LEFT JOIN admission a ON a.target_key = r.target_id AND a.delegate_id = d.id
      WHERE r.target_id = ? AND d.status = 'active'
      GROUP BY d.id ORDER BY d.sort_key`);
  }

  of(checkpointId: string): PassengerList {
    const cp = this.event.checkpoint(checkpointId);
    const rows = this.list.all(targetKeyOf(cp)) as (Passenger & { boardedAt: string | null })[];
    return {
      checkpointId: cp.id,
      boarded: rows.filter((r) => r.boardedAt !== null).sort((a, b) => (a.boardedAt! < b.boardedAt! ? -1 : 1)),
      missing: rows.filter((r) => r.boardedAt === null),
    };
  }
}
