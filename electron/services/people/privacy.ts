// GDPR for an EU event: everything held about one person, on request; and after the event, every person's data
// erased, keeping only anonymous counts for the reports. Both are logged.
import type { Core } from '../core.js';
import { ServiceError } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import type { Delegates } from './delegates.js';
import { toDelegate } from './delegates.js';

export class Privacy {
  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
  ) {}

  /** Everything this installation holds about one delegate (GDPR art. 15). */
  subjectExport(key: string): Record<string, unknown> {
    const row = this.delegates.findByIdOrEmail(key);
    if (!row) throw new ServiceError('not_found', `No delegate with id or email ${key}.`);
    const { db } = this.core;
    const all = (sql: string) => db.prepare(sql).all({ id: row.id });
    const result = {
      exportedAt: this.core.nowIso(),
      event: this.event.info().name,
      delegate: toDelegate(row),
      registrations: all('SELECT target_id FROM registration WHERE delegate_id = @id'),
      meetings: all('SELECT session_id, starts_at, ends_at, table_no FROM meeting WHERE delegate_a = @id OR delegate_b = @id'),
      scans: all('SELECT checkpoint_id, verdict, reason, scanned_at, override_reason, undone_at FROM scan WHERE delegate_id = @id ORDER BY scanned_at'),
      printJobs: all('SELECT printer, size, status, created_at FROM print_job WHERE delegate_id = @id'),
      changeLog: (db.prepare("SELECT hlc, type, payload FROM change_log WHERE payload LIKE '%' || @id || '%' ORDER BY seq").all({ id: row.id }) as { hlc: string; type: string; payload: string }[]).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown })),
    };
    this.core.tx(() => this.core.log.append('privacy.exported', { delegateId: row.id }));
    return result;
  }

  /**
   * Erases personal data once the event is over: names, emails, organisations, codes, readings; the change-log
   * payloads that carried them too. Scans, admissions and counts stay, tied to anonymous ids.
   */
  purge(opts: { force?: boolean } = {}): { delegates: number } {
    const info = this.event.info();
    const today = this.event.dayOf(this.core.nowIso());
    if (!opts.force && today <= info.endsOn) throw new ServiceError('conflict', `The event runs until ${info.endsOn}: personal data can be purged after it ends.`);
    const { db } = this.core;
    return this.core.tx(() => {
      const n = db
        .prepare(`UPDATE delegate SET family_name = 'Purged', given_name = 'Delegate ' || badge_no, family_name_kanji = NULL, given_name_kanji = NULL,
          family_name_kana = NULL, given_name_kana = NULL, organisation = NULL, region = NULL, email = NULL, external_code = NULL,
          search_text = ' ' || badge_no, search_keys = '', sort_key = printf('%08d', badge_no)`)
        .run().changes;
      db.prepare("UPDATE scan SET code = 'purged'").run();
      db.prepare("UPDATE change_log SET payload = '{\"purged\":true}' WHERE type IN ('delegate.upserted', 'scan.recorded', 'badge.printed', 'meeting.added', 'privacy.exported')").run();
      this.core.log.append('privacy.purged', { delegates: n, at: this.core.nowIso() });
      return { delegates: n };
    });
  }
}
