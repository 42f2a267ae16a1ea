// The composition root: builds the services over one event database and answers `dispatch`, the one way every shell
// (Electron, web host, CLI, tests) calls the Api. The methods are descriptors, one wing per file in services/methods/.
import path from 'node:path';
import { IntegritySchedule, type IntegrityScheduleOptions } from './integrity-schedule.js';
import { closeDb, openDb, type Db, type OpenOptions } from '../../db/open.js';
import { IdleCheckpoint } from './idle-checkpoint.js';
import { AutoBackup, type BackupOptions } from '../../db/backups.js';
import { Core, type CoreOptions } from './core.js';
import { EventStore } from './event/event-store.js';
import { Programme } from './event/programme/programme.js';
import { FileSwitch } from './event/file-switch.js';
import { Delegates } from './people/delegates.js';
import { BadgeNumbers } from './people/badge-numbers.js';
import { CheckinService } from './checkin/checkin-service.js';
import { DelegateCard } from './checkin/delegate-card.js';
import { BadgeService } from './badges/badge-service.js';
import { BrandingStore } from './event/branding.js';
import { PrintQueue } from './printing/print-queue.js';
import { StaffLock } from './trust/staff-lock.js';
import { Importer } from './people/import/importer.js';
import { ImportThread } from './people/import/import-thread.js';
import { SavedMappings } from './people/import/saved-mappings.js';
import { ImportJobs } from './people/import/import-jobs.js';
import type { ImportReader } from './people/import/read-job.js';
import { DelegateExport } from './people/export.js';
import { Privacy } from './people/privacy.js';
import { KioskLookup } from './people/kiosk-lookup.js';
import { StillExpected } from './checkin/still-expected.js';
import { Conflicts } from './sync/conflicts.js';
import { Passengers } from './checkin/passengers.js';
import { Hub } from './sync/hub.js';
import { HubRole } from './sync/hub-role.js';
import { CupsDirectory } from './printing/cups.js';
import { FolderPrinter, StaticDirectory } from './printing/folder.js';
import type { PrinterDirectory } from './printing/printer.js';
import { ReportRunner } from './reports/report-jobs.js';
import { Dashboard } from './dashboard/dashboard.js';
import { Trust } from './trust/trust.js';
import { LOCAL_OPERATOR, type Caller } from './trust/access.js';
import { accessOf, parseCall, type ApiMethod, type ApiResult } from './methods/index.js';

export interface UketsukeOptions extends CoreOptions {
  /** Where printers come from; defaults to CUPS plus "save as PDF" next to the event file. */
  printers?: PrinterDirectory[];
  printPollMs?: number;
  /** Automatic online backups of the event file (db/backups.ts); `false` for none. */
  backup?: BackupOptions | false;
  /** Where import files are decoded and checked; a worker thread unless given. */
  importReader?: ImportReader;
  /** The background integrity check's schedule (services/integrity-schedule.ts). */
  integrity?: IntegrityScheduleOptions;
}

export class Uketsuke {
  readonly core: Core;
  readonly event: EventStore;
  readonly programme: Programme;
  readonly badgeNumbers: BadgeNumbers;
  readonly delegates: Delegates;
  readonly checkin: CheckinService;
  readonly cards: DelegateCard;
  readonly branding: BrandingStore;
  readonly badges: BadgeService;
  readonly printing: PrintQueue;
  readonly staffLock: StaffLock;
  readonly importer: Importer;
  readonly trust: Trust;
  /** Null for in-memory files, or when turned off. */
  readonly backups: AutoBackup | null;
  readonly integrity: IntegritySchedule;
  readonly imports: ImportJobs;
  readonly exporter: DelegateExport;
  readonly privacy: Privacy;
  readonly kiosk: KioskLookup;
  readonly stillExpected: StillExpected;
  readonly conflicts: Conflicts;
  readonly passengers: Passengers;
  readonly hub: Hub;
  readonly hubRole: HubRole;
  readonly files: FileSwitch;
  readonly reports: ReportRunner;
  readonly dashboard: Dashboard;
  private readonly walCheckpoint: IdleCheckpoint;

  constructor(readonly db: Db, opts: UketsukeOptions = {}) {
    const core = (this.core = new Core(db, opts));
    this.event = new EventStore(core);
    this.programme = new Programme(core, this.event);
    this.badgeNumbers = new BadgeNumbers(core);
    this.delegates = new Delegates(core, this.event, this.badgeNumbers);
    this.checkin = new CheckinService(core, this.event, this.delegates);
    this.cards = new DelegateCard(core, this.event, this.delegates, this.checkin);
    this.branding = new BrandingStore(core);
    this.badges = new BadgeService(core, this.event, this.delegates, this.branding);
    const dbFile = db.name === ':memory:' ? path.join(process.cwd(), 'uketsuke') : db.name;
    const directories: PrinterDirectory[] = opts.printers ?? [new CupsDirectory(), new StaticDirectory([new FolderPrinter(`${dbFile}.badges`)])];
    this.printing = new PrintQueue(core, this.badges, this.delegates, directories, { spoolDir: `${dbFile}.spool`, pollMs: opts.printPollMs });
    this.staffLock = new StaffLock(core, this.event, this.delegates);
    // Files are read in a worker thread (the CLI sets `importer.reader` back to inline: it does nothing else meanwhile).
    this.importer = new Importer(core, this.delegates, opts.importReader ?? new ImportThread());
    this.trust = new Trust(core, this.staffLock, this.delegates, accessOf);
    this.backups = db.name === ':memory:' || opts.backup === false ? null : new AutoBackup(db, db.name, opts.backup ?? {});
    this.backups?.start();
    this.imports = new ImportJobs(this.importer, this.backups, new SavedMappings(this.core));
    // An import cut off by a crash left the search index deferred: finish it now.
    if (this.delegates.searchIndexDeferred()) this.delegates.rebuildSearchIndex();
    this.exporter = new DelegateExport(core, this.event);
    this.privacy = new Privacy(core, this.event, this.delegates);
    this.kiosk = new KioskLookup(core, this.delegates);
    this.stillExpected = new StillExpected(core, this.event);
    this.conflicts = new Conflicts(core);
    this.passengers = new Passengers(core, this.event);
    this.hub = new Hub(core, this.badgeNumbers, () => this.hubRole.hubIdentity() ?? { urls: [], fingerprint: '' });
    this.hubRole = new HubRole(core, this.hub);
    this.files = new FileSwitch(this.event, () => this.hubRole.partOfHub());
    this.reports = new ReportRunner(db, db.name === ':memory:' ? null : db.name);
    this.dashboard = new Dashboard(core, this.event);
    this.walCheckpoint = new IdleCheckpoint(db);
    this.integrity = new IntegritySchedule(() => this.reports.checkIntegrity(), (problems) => {
      this.backups?.stop();
      process.stderr.write(`uketsuke: the event file ${db.name} is damaged (${problems.slice(0, 3).join('; ')}); automatic backups stopped. Restart to restore the last good backup.\n`);
    }, opts.integrity);
    if (db.name !== ':memory:' && !db.readonly) this.integrity.start();
  }

  static open(file: string, opts: OpenOptions & UketsukeOptions = {}): Uketsuke {
    return new Uketsuke(openDb(file, opts), opts);
  }

  close(): void {
    this.walCheckpoint.stop();
    this.integrity.stop();
    this.backups?.stop();
    this.hubRole.stop();
    this.reports.close();
    this.importer.reader.close?.();
    closeDb(this.db, !this.integrity.problems?.length);
  }

  /** Handlers pass what a write answers through here: the WAL is checkpointed once scanning pauses. */
  afterWrite<T>(result: T): T {
    this.walCheckpoint.soon();
    return result;
  }

  /**
   * Validates untrusted input against the method's schema, checks the caller may call it (services/trust/) and runs
   * its handler with the caller (file work answers with a promise). The caller defaults to the local operator (the
   * CLI and the desk laptop's own window, which hold the event file anyway).
   */
  dispatch<M extends ApiMethod>(method: M, rawInput: unknown, caller: Caller = LOCAL_OPERATOR): ApiResult<M> {
    const { m, input } = parseCall(method, rawInput);
    this.trust.authorize(method, input, caller);
    const out = m.run(input, { app: this, caller }) as ApiResult<M>;
    if (!(out instanceof Promise)) this.trust.after(method, out, caller);
    return out;
  }
}
