// Applies scans and undos. Scans are a grow-only set (an undo is a tombstone that may arrive first); who a scan
// counts for is the holder of its badge number once known, so a door's scan of a badge it had not synced yet
// joins the person's later scans.
import type { Db } from '../../../../db/open.js';
import type { Entry } from '../entries.js';
import type { Admissions } from './admissions.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;

export class ScanApplier {
  private readonly s;

  constructor(db: Db, private readonly admissions: Admissions, private readonly purgeHlc: () => string) {
    this.s = {
      holder: db.prepare('SELECT delegate_id FROM badge WHERE badge_no = ?').pluck(),
      insert: db.prepare(`INSERT OR IGNORE INTO scan (id, checkpoint_id, target_key, delegate_id, identity_key, badge_no, code, verdict, reason, day,
        admission_day, scanned_at, device_id, hlc, override_reason, undone_at, undo_reason)
        VALUES (@id, @checkpointId, @targetKey, @delegateId, @identityKey, @badgeNo, @code, @verdict, @reason, @day, @admissionDay, @scannedAt,
        @deviceId, @hlc, @overrideReason, (SELECT at FROM scan_undo WHERE scan_id = @id), (SELECT reason FROM scan_undo WHERE scan_id = @id))`),
      undo: db.prepare(`INSERT INTO scan_undo (scan_id, at, reason, hlc) VALUES (?, ?, ?, ?)
        ON CONFLICT(scan_id) DO UPDATE SET at = excluded.at, reason = excluded.reason, hlc = excluded.hlc WHERE excluded.hlc < scan_undo.hlc`),
      markUndone: db.prepare(`UPDATE scan SET undone_at = u.at, undo_reason = u.reason FROM scan_undo u WHERE u.scan_id = scan.id AND scan.id = ?`),
      keys: db.prepare('SELECT target_key, identity_key, admission_day FROM scan WHERE id = ?'),
    };
  }

  recorded(e: E<'scan.recorded'>): void {
    const p = e.payload;
    // Stryker disable next-line ConditionalExpression: equivalent — no badge holds the number null
    const holder = p.badgeNo !== null ? (this.s.holder.get(p.badgeNo) as string | undefined) : undefined;
    const delegateId = holder ?? p.delegateId;
    const identityKey = delegateId ?? (p.badgeNo !== null ? `badge:${p.badgeNo}` : null);
    // Stryker disable next-line EqualityOperator: equivalent — a scan and a purge never share a clock (one device, one tick each)
    const purged = this.purgeHlc() > e.hlc;
    this.s.insert.run({ ...p, code: purged ? 'purged' : p.code, delegateId, identityKey, deviceId: e.deviceId, hlc: e.hlc });
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent — recomputing is idempotent; the check only spares the work for scans that admit no one
    if (identityKey && (p.verdict === 'admitted' || p.verdict === 'readmitted')) this.admissions.recompute(p.targetKey, identityKey, p.admissionDay);
  }

  undone(e: E<'scan.undone'>): void {
    this.s.undo.run(e.payload.scanId, e.payload.at, e.payload.reason, e.hlc);
    this.s.markUndone.run(e.payload.scanId);
    const k = this.s.keys.get(e.payload.scanId) as { target_key: string; identity_key: string | null; admission_day: string } | undefined;
    if (k?.identity_key) this.admissions.recompute(k.target_key, k.identity_key, k.admission_day);
  }
}
