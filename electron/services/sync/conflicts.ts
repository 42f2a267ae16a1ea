// What offline devices could not prevent, listed for staff once their entries meet: the same person admitted
// twice to a once-only admission by different devices (a double entry), a target filled past its capacity by
// several devices, and one email registered as two people. Reported, never merged away.
import type { SyncConflicts } from '../../api/contract.js';
import type { Core } from '../core.js';
import { toDelegate, type DelegateRow } from '../people/delegates.js';

export class Conflicts {
  // Only the database: reports read conflicts on a read-only connection of their own.
  constructor(private readonly core: Pick<Core, 'db'>) {}

  list(): SyncConflicts {
    const { db } = this.core;
    const doubles = db
      .prepare(
        `SELECT s.target_key, s.identity_key, s.admission_day, group_concat(s.id) AS ids
         FROM scan s WHERE s.verdict = 'admitted' AND s.undone_at IS NULL AND s.identity_key IS NOT NULL
         GROUP BY s.target_key, s.identity_key, s.admission_day HAVING count(DISTINCT s.device_id) > 1 LIMIT 500`,
      )
      .all() as { target_key: string; identity_key: string; admission_day: string; ids: string }[];
    const scanRow = db.prepare(
      `SELECT s.id, s.scanned_at, s.device_id, coalesce(nullif(dv.name, ''), s.device_id) AS device_name, s.checkpoint_id, c.name, c.name_ja
       FROM scan s JOIN checkpoint c ON c.id = s.checkpoint_id LEFT JOIN device dv ON dv.device_id = s.device_id WHERE s.id = ?`,
    );
    const person = db.prepare('SELECT * FROM delegate WHERE id = ?');
    const doubleEntries = doubles.map((d) => {
      const p = person.get(d.identity_key) as DelegateRow | undefined;
      const scans = d.ids.split(',').map((id) => scanRow.get(id) as { id: string; scanned_at: string; device_id: string; device_name: string; checkpoint_id: string; name: string; name_ja: string | null });
      scans.sort((a, b) => (a.scanned_at < b.scanned_at ? -1 : 1));
      return {
        targetKey: d.target_key,
        day: d.admission_day || null,
        identityKey: d.identity_key,
        delegate: p ? toDelegate(p) : null,
        scans: scans.map((s) => ({ scanId: s.id, at: s.scanned_at, deviceId: s.device_id, deviceName: s.device_name, checkpointId: s.checkpoint_id, checkpointName: s.name, checkpointNameJa: s.name_ja })),
      };
    });
    const overCapacity = (
      db
        .prepare(
          `SELECT o.counter_key, o.admitted, max(c.capacity) AS capacity, min(c.name) AS name, min(c.name_ja) AS name_ja
           FROM occupancy o JOIN checkpoint c ON coalesce(c.target_id, c.id) = CASE WHEN instr(o.counter_key, '@') > 0 THEN substr(o.counter_key, 1, instr(o.counter_key, '@') - 1) ELSE o.counter_key END
           WHERE c.capacity IS NOT NULL GROUP BY o.counter_key HAVING o.admitted > max(c.capacity)`,
        )
        .all() as { counter_key: string; admitted: number; capacity: number; name: string; name_ja: string | null }[]
    ).map((r) => ({ counterKey: r.counter_key, name: r.name, nameJa: r.name_ja, admitted: r.admitted, capacity: r.capacity }));
    const duplicateEmails = (
      db
        .prepare(`SELECT lower(email) AS email, group_concat(id) AS ids FROM delegate WHERE email IS NOT NULL AND status = 'active' GROUP BY lower(email) HAVING count(*) > 1 LIMIT 500`)
        .all() as { email: string; ids: string }[]
    ).map((r) => ({ email: r.email, delegateIds: r.ids.split(',').sort() }));
    return { doubleEntries, overCapacity, duplicateEmails };
  }
}
