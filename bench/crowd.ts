// A crowd for report benchmarks: most registered people admitted to their sessions and buses, and to the venue on
// the days they had something on, written in bulk (the service path is measured by scan_verdict, not here).
import type { Db } from '../db/open.js';

/** Admits roughly `percent` % of registrations and of daily arrivals; about 1 in 200 admissions is a double entry. */
export function admitCrowd(db: Db, percent = 82): { scans: number; admissions: number } {
  const before = db.prepare('SELECT count(*) FROM scan').pluck().get() as number;
  db.transaction(() => {
    db.exec(`
      CREATE TEMP TABLE crowd AS
        SELECT c.id AS checkpoint_id, coalesce(c.target_id, c.id) AS target_key, d.id AS delegate_id, d.badge_no,
               strftime('%Y-%m-%dT%H:%M:%fZ', c.opens_at, '+' || ((d.badge_no * 7919 + c.sort_order * 104729) % max(60, CAST((julianday(c.closes_at) - julianday(c.opens_at)) * 86400 AS INTEGER))) || ' seconds') AS at,
               CASE WHEN c.entry_rule = 'once_per_day' THEN substr(c.opens_at, 1, 10) ELSE '' END AS admission_day,
               substr(c.opens_at, 1, 10) AS day
        FROM checkpoint c JOIN registration r ON r.target_id = coalesce(c.target_id, c.id) JOIN delegate d ON d.id = r.delegate_id
        WHERE c.list_rule = 'registered' AND (d.badge_no * 31 + c.sort_order * 17) % 100 < ${percent};
      -- The venue: people arrive on each day they have something on.
      INSERT INTO crowd
        SELECT v.id, v.id, d.id, d.badge_no,
               strftime('%Y-%m-%dT%H:%M:%fZ', e.date || 'T06:00:00Z', '+' || ((d.badge_no * 7919 + e.day_no) % 10800) || ' seconds'),
               e.date, e.date
        FROM (SELECT * FROM checkpoint WHERE kind = 'venue' ORDER BY sort_order LIMIT 1) v
        JOIN event_day e JOIN delegate d
        WHERE (d.badge_no * 13 + e.day_no * 7) % 100 < ${percent}
          AND EXISTS (SELECT 1 FROM registration r JOIN checkpoint c ON coalesce(c.target_id, c.id) = r.target_id
                      WHERE r.delegate_id = d.id AND substr(c.opens_at, 1, 10) = e.date);
      INSERT INTO scan (id, checkpoint_id, target_key, delegate_id, identity_key, badge_no, code, verdict, reason, day, admission_day, scanned_at, device_id, hlc)
        SELECT 'crowd_' || rowid, checkpoint_id, target_key, delegate_id, delegate_id, badge_no, 'crowd', 'admitted', 'crowd', day, admission_day, at, 'bench-a', '0000000000000-0000-crowd'
        FROM crowd;
      -- Two offline doors admitting the same badge: one person, two admitting scans.
      INSERT INTO scan (id, checkpoint_id, target_key, delegate_id, identity_key, badge_no, code, verdict, reason, day, admission_day, scanned_at, device_id, hlc)
        SELECT 'crowd2_' || rowid, checkpoint_id, target_key, delegate_id, delegate_id, badge_no, 'crowd', 'admitted', 'crowd', day, admission_day,
               strftime('%Y-%m-%dT%H:%M:%fZ', at, '+20 seconds'), 'bench-b', '0000000000000-0001-crowd'
        FROM crowd WHERE badge_no % 200 = 7;
      INSERT OR IGNORE INTO admission (target_key, delegate_id, day, first_scan_id, first_at, checkpoint_id, last_at, entries)
        SELECT target_key, delegate_id, admission_day, 'crowd_' || rowid, at, checkpoint_id, at, 1 FROM crowd;
      DELETE FROM occupancy;
      INSERT INTO occupancy (counter_key, admitted)
        SELECT CASE WHEN day = '' THEN target_key ELSE target_key || '@' || day END, count(*) FROM admission GROUP BY target_key, day;
      DROP TABLE crowd;
    `);
  })();
  const after = db.prepare('SELECT count(*) FROM scan').pluck().get() as number;
  return { scans: after - before, admissions: db.prepare('SELECT count(*) FROM admission').pluck().get() as number };
}
