// Who is registered for a target and when each first came through (null: not yet), in name order: one query for the
// bus steward's passenger list and the door's "still expected". Admission is per target, so someone who came in by
// another door of the same target has come through; cancelled people are on no list.
import type { Db } from '../../../db/open.js';
import type { DelegateRow } from '../model/delegate-row.js';

export interface RegisteredRow extends DelegateRow {
  first_at: string | null;
}

export class Registered {
  private readonly query;

  constructor(db: Db) {
    this.query = db.prepare(`
      SELECT d.id, d.badge_no, d.badge_issue, d.family_name, d.given_name, d.family_name_kanji, d.given_name_kanji, d.family_name_kana,
             d.given_name_kana, d.organisation, d.country, d.region, d.email, d.role, d.external_code, d.status,
             (SELECT min(a.first_at) FROM admission a WHERE a.target_key = r.target_id AND a.delegate_id = d.id) AS first_at
      FROM registration r JOIN delegate d ON d.id = r.delegate_id
      WHERE r.target_id = ? AND d.status = 'active'
      ORDER BY d.sort_key`);
  }

  at(targetKey: string): RegisteredRow[] {
    return this.query.all(targetKey) as RegisteredRow[];
  }
}
