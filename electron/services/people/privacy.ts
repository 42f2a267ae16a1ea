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
    if (!row) throw new ServiceError('not_found', `No delegate with id or email ${key}.`, { key: 'no_delegate', values: { key } });
    const { db } = this.core;
    const all = (sql: string) => db.prepare(sql).all({ id: row.id });
    const result = {
      exportedAt: this.core.nowIso(),
      event: this.event.info().name,
      delegate: toDelegate(row),
      registrations: all('SELECT target_id FROM registration WHERE delegate_id = @id'),
      externalCodes: all('SELECT code, kind FROM delegate_code WHERE delegate_id = @id AND active = 1 ORDER BY code_key'),
      meetings: all('SELECT session_id, starts_at, ends_at, table_no FROM meeting WHERE delegate_a = @id OR delegate_b = @id'),
      scans: all('SELECT checkpoint_id, verdict, reason, scanned_at, override_reason, undone_at FROM scan WHERE delegate_id = @id ORDER BY scanned_at'),
      printJobs: all('SELECT printer, size, status, created_at FROM print_job WHERE delegate_id = @id'),
      changeLog: (db.prepare("SELECT hlc, type, payload FROM change_log WHERE payload LIKE '%' || @id || '%' ORDER BY seq").all({ id: row.id }) as { hlc: string; type: string; payload: string }[]).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown })),
    };
    this.core.tx(() => this.core.commit('privacy.exported', { delegateId: row.id, at: this.core.nowIso() }));
    return result;
  }

  /**
   * Erases personal data once the event is over: names, emails, organisations, codes, readings; the change-log
   * payloads that carried them too. Scans, admissions and counts stay, tied to anonymous ids.
   */
  purge(opts: { force?: boolean } = {}): { delegates: number } {
    const info = this.event.info();
    const today = this.event.dayOf(this.core.nowIso());
    if (!opts.force && today <= info.endsOn) throw new ServiceError('conflict', `The event runs until ${info.endsOn}: personal data can be purged after it ends.`, { key: 'purge_after_event', values: { date: info.endsOn } });
    const { db } = this.core;
    // A replicated entry: every copy erases the same data, the hub's and the log's included (see replication/apply/privacy.ts).
    return this.core.tx(() => {
      const n = (db.prepare('SELECT count(*) FROM delegate').pluck().get() as number);
      this.core.commit('privacy.purged', { at: this.core.nowIso() });
      return { delegates: n };
    });
  }
}
