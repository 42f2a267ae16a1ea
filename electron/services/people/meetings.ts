import { newId, type Core } from '../core.js';

export interface MeetingSlot {
  id: string;
  sessionId: string;
  counterpartId: string;
  counterpartName: string;
  counterpartOrganisation: string | null;
  startsAt: string;
  endsAt: string;
  tableNo: string;
}

/** Day 2 matchmaking: one meeting is two delegates at a table for a time slot. */
export class Meetings {
  constructor(private readonly core: Core) {}

  /** Call inside a transaction (it logs the change). */
  add(m: { eventId: string; sessionId: string; delegateA: string; delegateB: string; startsAt: string; endsAt: string; tableNo: string }): string {
    const id = newId('m');
    this.core.commit('meeting.added', { id, ...m });
    return id;
  }

  forDelegate(delegateId: string): MeetingSlot[] {
    return this.core.db
      .prepare(
        `SELECT m.id, m.session_id AS sessionId, o.id AS counterpartId, o.given_name || ' ' || o.family_name AS counterpartName,
           o.organisation AS counterpartOrganisation, m.starts_at AS startsAt, m.ends_at AS endsAt, m.table_no AS tableNo
         FROM meeting m JOIN delegate o ON o.id = CASE WHEN m.delegate_a = @id THEN m.delegate_b ELSE m.delegate_a END
         WHERE m.delegate_a = @id OR m.delegate_b = @id ORDER BY m.starts_at`,
      )
      .all({ id: delegateId }) as MeetingSlot[];
  }
}
