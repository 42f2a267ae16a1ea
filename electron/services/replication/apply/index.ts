// Where a sync message is applied: one `apply` per entry type, the same for this device's own changes and for
// entries from other devices. Appliers only write tables; the replica runs them inside its transaction.
import type { Db } from '../../../../db/open.js';
import type { Entry, EntryType, StoredEntry } from '../entries.js';
import { Admissions } from './admissions.js';
import { CodeApplier } from './codes.js';
import { DelegateApplier } from './delegates.js';
import { EventApplier } from './event.js';
import { PrivacyApplier } from './privacy.js';
import { RecordApplier } from './records.js';
import { ScanApplier } from './scans.js';

type Table = { [T in EntryType]: (e: Extract<Entry, { type: T }>) => void };

export class Appliers {
  readonly privacy: PrivacyApplier;
  private readonly table: Table;

  constructor(db: Db) {
    const admissions = new Admissions(db);
    this.privacy = new PrivacyApplier(db, () => delegates);
    const purgeHlc = () => this.privacy.purgeHlc();
    const delegates = new DelegateApplier(db, admissions, purgeHlc);
    const scans = new ScanApplier(db, admissions, purgeHlc);
    const event = new EventApplier(db);
    const records = new RecordApplier(db);
    const codes = new CodeApplier(db);
    this.table = {
      'event.created': (e) => event.created(e),
      'event.updated': (e) => event.updated(e),
      'checkpoint.upserted': (e) => event.checkpointUpserted(e),
      'session.upserted': (e) => event.sessionUpserted(e),
      'bus.upserted': (e) => event.busUpserted(e),
      'day.upserted': (e) => event.dayUpserted(e),
      'delegate.upserted': (e) => delegates.upsert(e),
      'delegate.cancelled': (e) => delegates.cancelled(e),
      'delegate.codes': (e) => codes.changed(e),
      'badge.reissued': (e) => delegates.reissued(e),
      'registration.changed': (e) => records.registration(e),
      'meeting.added': (e) => records.meeting(e),
      'print.job': (e) => records.printJob(e),
      'scan.recorded': (e) => scans.recorded(e),
      'scan.undone': (e) => scans.undone(e),
      'setting.changed': (e) => records.setting(e),
      'branding.changed': (e) => records.branding(e),
      'device.enrolled': (e) => records.device(e),
      // An audit record: the log entry is the whole of it.
      'privacy.exported': () => undefined,
      'privacy.purged': (e) => this.privacy.purged(e),
    };
  }

  apply(entry: StoredEntry): void {
    if (entry.type.startsWith('legacy.')) return;
    const e = entry as Entry;
    (this.table[e.type] as (e: Entry) => void)(e);
  }
}
