// Who is in, derived from the set of scans: recomputed per (target, person, day) from the admitting scans in clock
// order, so the order scans arrive in never changes the result. The capacity counter moves with the admission row.
import type { Db } from '../../../../db/open.js';
import { counterKeyOf } from '../../model/counter-key.js';

export class Admissions {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      admitting: db.prepare(`SELECT id, scanned_at, checkpoint_id FROM scan WHERE identity_key = ? AND target_key = ? AND admission_day = ?
        AND verdict IN ('admitted','readmitted') AND undone_at IS NULL ORDER BY hlc`),
      had: db.prepare('SELECT 1 FROM admission WHERE target_key = ? AND delegate_id = ? AND day = ?'),
      remove: db.prepare('DELETE FROM admission WHERE target_key = ? AND delegate_id = ? AND day = ?'),
      put: db.prepare(`INSERT INTO admission (target_key, delegate_id, day, first_scan_id, first_at, checkpoint_id, last_at, entries) VALUES (?,?,?,?,?,?,?,?)
        ON CONFLICT (target_key, delegate_id, day) DO UPDATE SET first_scan_id = excluded.first_scan_id, first_at = excluded.first_at,
        checkpoint_id = excluded.checkpoint_id, last_at = excluded.last_at, entries = excluded.entries`),
      bump: db.prepare('INSERT INTO occupancy (counter_key, admitted) VALUES (?, ?) ON CONFLICT(counter_key) DO UPDATE SET admitted = admitted + excluded.admitted'),
    };
  }

  recompute(targetKey: string, identityKey: string, admissionDay: string): void {
    const scans = this.s.admitting.all(identityKey, targetKey, admissionDay) as { id: string; scanned_at: string; checkpoint_id: string }[];
    const had = this.s.had.get(targetKey, identityKey, admissionDay) !== undefined;
    const first = scans[0];
    const last = scans[scans.length - 1];
    // Stryker disable next-line LogicalOperator: equivalent — first and last are both set or both unset
    if (first && last) this.s.put.run(targetKey, identityKey, admissionDay, first.id, first.scanned_at, first.checkpoint_id, last.scanned_at, scans.length);
    else {
      // Stryker disable next-line ConditionalExpression: equivalent — removing a row that is not there changes nothing
      if (had) this.s.remove.run(targetKey, identityKey, admissionDay);
    }
    const delta = (first ? 1 : 0) - (had ? 1 : 0);
    if (delta !== 0) this.s.bump.run(counterKeyOf(targetKey, admissionDay), delta);
  }
}
