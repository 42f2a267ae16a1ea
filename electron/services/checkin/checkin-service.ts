// Records scans and keeps "who is in" and the capacity counters in step with them, in one transaction per scan.
import type { ScanRecord, ScanResult, VerdictCode } from '../../api/contract.js';
import { ADMITTING, OVERRIDABLE } from '../../api/vocabulary.js';
import { newId, ServiceError, type Core } from '../core.js';
import { counterKeyOf } from '../model/counter-key.js';
import { targetKeyOf, type CheckpointRow, type EventStore } from '../event/event-store.js';
import { toDelegate, type Delegates } from '../people/delegates.js';
import { fromDelegate, held, identify, type Identified } from './identify.js';
import { decide, type Verdict } from './verdict.js';

interface AdmissionRow {
  first_scan_id: string;
  first_at: string;
  checkpoint_id: string;
  last_at: string;
  entries: number;
}

interface ScanRow {
  id: string;
  checkpoint_id: string;
  target_key: string;
  delegate_id: string | null;
  verdict: VerdictCode;
  reason: string;
  day: string;
  scanned_at: string;
  override_reason: string | null;
  undone_at: string | null;
}

export interface ScanKeys {
  targetKey: string;
  /** '' for checkpoints where admission is for the whole event; the date for once-a-day ones. */
  admissionDay: string;
  counterKey: string;
  day: string;
}

export class CheckinService {
  private readonly stmt;

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
  ) {
    const { db } = core;
    this.stmt = {
      admission: db.prepare('SELECT first_scan_id, first_at, checkpoint_id, last_at, entries FROM admission WHERE target_key = ? AND delegate_id = ? AND day = ?'),
      // Once a day: today's admission, or a later day's, which only a clock set back across midnight makes look
      // like the future (issue 23, 18); the latest one is the one to show.
      admissionSince: db.prepare('SELECT first_scan_id, first_at, checkpoint_id, last_at, entries FROM admission WHERE target_key = ? AND delegate_id = ? AND day >= ? ORDER BY day DESC LIMIT 1'),
      count: db.prepare('SELECT admitted FROM occupancy WHERE counter_key = ?'),
      registeredHere: db.prepare('SELECT 1 FROM registration WHERE delegate_id = ? AND target_id = ?'),
    };
  }

  keys(cp: CheckpointRow, nowIso: string): ScanKeys {
    const day = this.event.dayOf(nowIso);
    const targetKey = targetKeyOf(cp);
    const admissionDay = cp.entry_rule === 'once_per_day' ? day : '';
    return { targetKey, admissionDay, counterKey: counterKeyOf(targetKey, admissionDay), day };
  }

  admittedCount(cp: CheckpointRow, nowIso: string = this.core.nowIso()): number {
    const row = this.stmt.count.get(this.keys(cp, nowIso).counterKey) as { admitted: number } | undefined;
    return row?.admitted ?? 0;
  }

  /** A badge or code presented at a checkpoint. */
  scan(checkpointId: string, code: string): ScanResult {
    const cp = this.event.checkpoint(checkpointId);
    return this.record(cp, identify(code, this.event, this.delegates), null);
  }

  /** Staff at the desk check a delegate in by name (no badge presented). */
  checkIn(delegateId: string, checkpointId?: string): ScanResult {
    const cp = checkpointId ? this.event.checkpoint(checkpointId) : this.event.venueCheckpoint();
    const d = this.delegates.get(delegateId);
    // Waitlisted (pending, unpaid) people are refused here too, unless the event admits them; a supervisor's override
    // lets one in with a reason.
    const found = fromDelegate(d, `desk:${d.badge_no}`);
    if (found.id.kind === 'delegate' && held(d, this.event)) found.id = { ...found.id, waitlisted: true };
    return this.record(cp, found, null);
  }

  /** A supervisor admits someone the rules would refuse; the reason is kept with the scan. */
  override(checkpointId: string, delegateId: string, reason: string): ScanResult {
    const cp = this.event.checkpoint(checkpointId);
    const d = this.delegates.get(delegateId);
    return this.record(cp, fromDelegate(d, `override:${d.badge_no}`), reason);
  }

  private record(cp: CheckpointRow, who: Identified, overrideReason: string | null): ScanResult {
    const now = this.core.nowIso();
    const k = this.keys(cp, now);
    return this.core.tx(() => {
      const admission = who.identityKey
        ? ((k.admissionDay ? this.stmt.admissionSince : this.stmt.admission).get(k.targetKey, who.identityKey, k.admissionDay) as AdmissionRow | undefined)
        : undefined;
      const admittedCount = (this.stmt.count.get(k.counterKey) as { admitted: number } | undefined)?.admitted ?? 0;
      const registered = who.delegate ? this.stmt.registeredHere.get(who.delegate.id, k.targetKey) !== undefined : false;
      let v: Verdict = decide({
        id: who.id,
        rules: { entryRule: cp.entry_rule, listRule: cp.list_rule, capacity: cp.capacity, opensAt: cp.opens_at, closesAt: cp.closes_at },
        rehearsal: this.event.rehearsal(),
        now,
        registered,
        alreadyIn: admission !== undefined,
        admittedCount,
      });
      if (overrideReason !== null) {
        v = admission
          ? { verdict: 'readmitted', reason: `Admitted by staff: ${overrideReason}`, counts: false }
          : { verdict: 'admitted', reason: `Admitted by staff: ${overrideReason}`, counts: true };
      }
      const scanId = newId('s');
      // Decided here, applied by the one apply path (which also keeps who-is-in and the counters).
      this.core.commit('scan.recorded', {
        id: scanId,
        checkpointId: cp.id,
        targetKey: k.targetKey,
        delegateId: who.delegate?.id ?? null,
        badgeNo: who.badgeNo,
        code: who.storedCode,
        verdict: v.verdict,
        reason: v.reason,
        day: k.day,
        admissionDay: k.admissionDay,
        scannedAt: now,
        overrideReason,
      });
      return {
        scanId,
        verdict: v.verdict,
        reason: v.reason,
        at: now,
        delegate: who.delegate ? toDelegate(who.delegate) : null,
        previous: admission ? this.previous(admission) : null,
        checkpoint: { id: cp.id, name: cp.name, nameJa: cp.name_ja, capacity: cp.capacity, admitted: admittedCount + (v.counts ? 1 : 0) },
        overridden: overrideReason !== null,
        overridable: who.delegate !== null && OVERRIDABLE.has(v.verdict),
        ...(v.detail ? { detail: v.detail } : {}),
      };
    });
  }

  private previous(a: AdmissionRow): ScanResult['previous'] {
    const cp = this.event.checkpoint(a.checkpoint_id);
    return { at: a.first_at, checkpointId: cp.id, checkpointName: cp.name, checkpointNameJa: cp.name_ja };
  }

  /** Reverses a mistaken check-in: the scan stays, marked undone; who-is-in and the count are recomputed. */
  undo(scanId: string, reason: string): ScanRecord {
    const { db } = this.core;
    this.core.tx(() => {
      const s = db.prepare('SELECT * FROM scan WHERE id = ?').get(scanId) as ScanRow | undefined;
      if (!s) throw new ServiceError('not_found', `No scan with id ${scanId}.`, { key: 'no_scan', values: { id: scanId } });
      if (s.undone_at) throw new ServiceError('conflict', 'This scan was already undone.', { key: 'scan_already_undone', values: {} });
      if (!ADMITTING.has(s.verdict) || !s.delegate_id) throw new ServiceError('conflict', 'Only a check-in can be undone; denied scans change nothing.', { key: 'only_checkin_undone', values: {} });
      this.core.commit('scan.undone', { scanId, reason, at: this.core.nowIso() });
    });
    return this.recent({ scanId })[0]!;
  }

  recent(filter: { checkpointId?: string; delegateId?: string; scanId?: string; limit?: number }): ScanRecord[] {
    const where: string[] = [];
    if (filter.checkpointId) where.push('s.checkpoint_id = @checkpointId');
    if (filter.delegateId) where.push('s.delegate_id = @delegateId');
    if (filter.scanId) where.push('s.id = @scanId');
    const rows = this.core.db
      .prepare(
        `SELECT s.id, s.checkpoint_id, c.name AS checkpoint_name, c.name_ja AS checkpoint_name_ja, s.delegate_id,
           CASE WHEN d.id IS NULL THEN NULL ELSE d.given_name || ' ' || d.family_name END AS delegate_name,
           d.family_name, d.given_name, d.family_name_kanji, d.given_name_kanji,
           s.verdict, s.reason, s.scanned_at, s.override_reason, s.undone_at
         FROM scan s JOIN checkpoint c ON c.id = s.checkpoint_id LEFT JOIN delegate d ON d.id = s.delegate_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.scanned_at DESC, s.rowid DESC LIMIT @limit`,
      )
      .all({ checkpointId: filter.checkpointId, delegateId: filter.delegateId, scanId: filter.scanId, limit: filter.limit ?? 50 }) as {
      id: string; checkpoint_id: string; checkpoint_name: string; checkpoint_name_ja: string | null; delegate_id: string | null; delegate_name: string | null;
      family_name: string | null; given_name: string | null; family_name_kanji: string | null; given_name_kanji: string | null;
      verdict: VerdictCode; reason: string; scanned_at: string; override_reason: string | null; undone_at: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      checkpointId: r.checkpoint_id,
      checkpointName: r.checkpoint_name,
      checkpointNameJa: r.checkpoint_name_ja,
      delegateId: r.delegate_id,
      delegateName: r.delegate_name,
      person: r.family_name === null ? null : { familyName: r.family_name, givenName: r.given_name ?? '', familyNameKanji: r.family_name_kanji, givenNameKanji: r.given_name_kanji },
      verdict: r.verdict,
      reason: r.reason,
      at: r.scanned_at,
      overrideReason: r.override_reason,
      undoneAt: r.undone_at,
    }));
  }
}
