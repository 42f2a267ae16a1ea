// Applies a purge (GDPR, after the event): personal data erased on every copy, the log included, without breaking
// convergence. The purge is a write at its clock: every older write of a personal field loses to it, whether it
// arrived before or after; older entries are scrubbed in the log, and scrubbed on arrival when they come later.
import type { Db } from '../../../../db/open.js';
import type { Entry, StoredEntry } from '../entries.js';
import { PERSONAL_FIELDS } from '../entries.js';
import type { DelegateApplier } from './delegates.js';
import { personalFieldsRemoved } from './delegates.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;
const LEGACY_WITH_PERSONAL_DATA = ['legacy.delegate.upserted', 'legacy.scan.recorded', 'legacy.badge.printed', 'legacy.meeting.added', 'legacy.privacy.exported'];

export class PrivacyApplier {
  private latest: string;

  constructor(private readonly db: Db, private readonly delegates: () => DelegateApplier) {
    this.latest = (db.prepare('SELECT max(hlc) FROM purge').pluck().get() as string | null) ?? '';
  }

  /** The clock of the latest purge ('' when none): writes older than it have lost their personal data. */
  purgeHlc(): string {
    return this.latest;
  }

  purged(e: E<'privacy.purged'>): void {
    const { db } = this;
    db.prepare('INSERT OR IGNORE INTO purge (hlc, at) VALUES (?, ?)').run(e.hlc, e.payload.at);
    // Stryker disable next-line EqualityOperator: equivalent — on equal clocks the value is the same
    if (e.hlc > this.latest) this.latest = e.hlc;
    this.delegates().purge(e.hlc);
    db.prepare("UPDATE scan SET code = 'purged' WHERE hlc < ?").run(e.hlc);
    // External codes are personal data: those written before the purge go, on every copy and in the log.
    db.prepare('DELETE FROM delegate_code WHERE hlc < ?').run(e.hlc);
    db.prepare(`UPDATE change_log SET payload = json_set(payload, '$.add', json('[]'), '$.remove', json('[]')) WHERE type = 'delegate.codes' AND hlc < ?`).run(e.hlc);
    const paths = PERSONAL_FIELDS.map((f) => `'$.fields.${f}'`).join(', ');
    db.prepare(`UPDATE change_log SET payload = json_remove(payload, ${paths}) WHERE type = 'delegate.upserted' AND hlc < ?`).run(e.hlc);
    db.prepare(`UPDATE change_log SET payload = json_set(payload, '$.code', 'purged') WHERE type = 'scan.recorded' AND hlc < ?`).run(e.hlc);
    db.prepare(`UPDATE change_log SET payload = '{"purged":true}' WHERE type IN (${LEGACY_WITH_PERSONAL_DATA.map(() => '?').join(',')})`).run(...LEGACY_WITH_PERSONAL_DATA);
  }

  /** An entry older than a purge, arriving after it, is stored and applied without its personal data. */
  scrub<T extends StoredEntry>(entry: T): T {
    if (!this.latest || entry.hlc >= this.latest) return entry;
    if (entry.type === 'delegate.upserted') return { ...entry, payload: { ...entry.payload, fields: personalFieldsRemoved(entry.payload.fields) } };
    if (entry.type === 'scan.recorded') return { ...entry, payload: { ...entry.payload, code: 'purged' } };
    if (entry.type === 'delegate.codes') return { ...entry, payload: { ...entry.payload, add: [], remove: [] } };
    if (LEGACY_WITH_PERSONAL_DATA.includes(entry.type)) return { ...entry, payload: { purged: true } };
    return entry;
  }
}
