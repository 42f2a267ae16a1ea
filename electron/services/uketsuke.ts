// The core behind the Api: composes the services over one event database. Every shell (Electron, web host,
// CLI, tests) calls `dispatch` or these methods; none of them holds product rules of its own.
import { apiInputs, type ApiMethod, type ApiOutputs, type ApiParsedInput, type DelegateDetail, type RegistrationState } from '../api/contract.js';
import { checkpointWal, openDb, type Db, type OpenOptions } from '../../db/open.js';
import { AutoBackup, type BackupOptions } from '../../db/backups.js';
import { Core, ServiceError, type CoreOptions } from './core.js';
import { EventStore, targetKeyOf } from './event/event-store.js';
import { Programme, type NewEvent } from './event/programme/programme.js';
import { Delegates, toDelegate } from './people/delegates.js';
import { BadgeNumbers } from './people/badge-numbers.js';
import { CheckinService } from './checkin/checkin-service.js';
import { BadgeService } from './badges/badge-service.js';
import { BrandingStore } from './event/branding.js';
import { PrintQueue } from './printing/print-queue.js';
import { StaffLock } from './event/staff-lock.js';
import { Importer, rejectedCsv, type ImportReport } from './people/import/importer.js';
import { mappingFor } from './people/import/profiles.js';
import { ImportThread } from './people/import/import-thread.js';
import type { ImportReader } from './people/import/read-job.js';
import { DelegateExport } from './people/export.js';
import { Privacy } from './people/privacy.js';
import { KioskLookup } from './people/kiosk-lookup.js';
import { StillExpected } from './checkin/still-expected.js';
import { codeIdentity } from './checkin/code-identity.js';
import { withLatinNames } from './people/names.js';
import { Conflicts } from './sync/conflicts.js';
import { Passengers } from './checkin/passengers.js';
import { Hub, type HubIdentity } from './sync/hub.js';
import { StationSync, readHubLink, type HubTransport, type SyncOptions } from './sync/station-sync.js';
import type { HubDeviceInfo } from '../api/sync-protocol.js';
import { newId } from './core.js';
import type { ImportFieldName, ImportJob } from '../api/contract.js';
import { CupsDirectory } from './printing/cups.js';
import { FolderPrinter, StaticDirectory } from './printing/folder.js';
import type { PrinterDirectory } from './printing/printer.js';
import path from 'node:path';
import { attendance, registeredCounts } from './reports/attendance.js';
import { ReportRunner, toDownload } from './reports/runner.js';
import { Dashboard } from './reports/dashboard.js';
import { z } from 'zod';
import { Trust } from './trust/trust.js';
import { LOCAL_OPERATOR, type Caller } from './trust/access.js';

export interface UketsukeOptions extends CoreOptions {
  /** Where printers come from; defaults to CUPS plus "save as PDF" next to the event file. */
  printers?: PrinterDirectory[];
  printPollMs?: number;
  /** Automatic online backups of the event file (db/backups.ts); `false` for none. */
  backup?: BackupOptions | false;
  /** Where import files are decoded and checked; a worker thread unless given. */
  importReader?: ImportReader;
}

export class Uketsuke {
  readonly core: Core;
  readonly event: EventStore;
  readonly programme: Programme;
  readonly delegates: Delegates;
  readonly badgeNumbers: BadgeNumbers;
  readonly checkin: CheckinService;
  readonly badges: BadgeService;
  readonly branding: BrandingStore;
  readonly printing: PrintQueue;
  readonly staffLock: StaffLock;
  readonly importer: Importer;
  readonly exporter: DelegateExport;
  readonly privacy: Privacy;
  readonly kiosk: KioskLookup;
  readonly stillExpected: StillExpected;
  readonly conflicts: Conflicts;
  readonly passengers: Passengers;
  readonly hub: Hub;
  readonly trust: Trust;
  /** Null for in-memory files, or when turned off. */
  readonly backups: AutoBackup | null;
  /** The caller of the call being dispatched (handlers run synchronously up to their first await). */
  private caller: Caller = LOCAL_OPERATOR;
  private stationSync: StationSync | null = null;
  /** Set by the shell that can run the hub server in this process ("Make this laptop the hub"). */
  private hubStarter: (() => Promise<HubIdentity>) | null = null;
  private hubRunning = false;
  readonly reports: ReportRunner;
  readonly dashboard: Dashboard;
  private readonly importJobs = new Map<string, ImportJob>();
  private table: ReturnType<Uketsuke['handlers']> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(readonly db: Db, opts: UketsukeOptions = {}) {
    this.core = new Core(db, opts);
    this.event = new EventStore(this.core);
    this.programme = new Programme(this.core, this.event);
    this.badgeNumbers = new BadgeNumbers(this.core);
    this.delegates = new Delegates(this.core, this.event, this.badgeNumbers);
    this.checkin = new CheckinService(this.core, this.event, this.delegates);
    this.branding = new BrandingStore(this.core);
    this.badges = new BadgeService(this.core, this.event, this.delegates, this.branding);
    const dbFile = db.name === ':memory:' ? path.join(process.cwd(), 'uketsuke') : db.name;
    const directories: PrinterDirectory[] = opts.printers ?? [new CupsDirectory(), new StaticDirectory([new FolderPrinter(`${dbFile}.badges`)])];
    this.printing = new PrintQueue(this.core, this.badges, this.delegates, directories, { spoolDir: `${dbFile}.spool`, pollMs: opts.printPollMs });
    this.staffLock = new StaffLock(this.core, this.event, this.delegates);
    // Files are read in a worker thread (the CLI sets `importer.reader` back to inline: it does nothing else meanwhile).
    this.importer = new Importer(this.core, this.delegates, opts.importReader ?? new ImportThread());
    this.trust = new Trust(this.core, this.staffLock, this.delegates);
    this.backups = db.name === ':memory:' || opts.backup === false ? null : new AutoBackup(db, db.name, opts.backup ?? {});
    this.backups?.start();
    // An import cut off by a crash left the search index deferred: finish it now.
    if (this.delegates.searchIndexDeferred()) this.delegates.rebuildSearchIndex();
    this.exporter = new DelegateExport(this.core, this.event);
    this.privacy = new Privacy(this.core, this.event, this.delegates);
    this.kiosk = new KioskLookup(this.core, this.delegates);
    this.stillExpected = new StillExpected(this.core, this.event);
    this.conflicts = new Conflicts(this.core);
    this.passengers = new Passengers(this.core, this.event);
    this.hub = new Hub(this.core, this.badgeNumbers, () => this.hubIdentity() ?? { urls: [], fingerprint: '' });
    this.reports = new ReportRunner(db, db.name === ':memory:' ? null : db.name);
    this.dashboard = new Dashboard(this.core, this.event);
  }

  /** Where this file's hub listens (written by the hub process at start; read by `pairing-code` too). */
  hubIdentity(): HubIdentity | null {
    const v = this.db.prepare("SELECT value FROM meta WHERE key = 'hub_identity'").pluck().get() as string | undefined;
    return v ? (JSON.parse(v) as HubIdentity) : null;
  }

  setHubIdentity(identity: HubIdentity | null): void {
    if (identity) this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('hub_identity', ?)").run(JSON.stringify(identity));
    else this.db.prepare("DELETE FROM meta WHERE key = 'hub_identity'").run();
  }

  /** Set by a shell that can open another event file: joining a hub loads its event into a new file. */
  private hubJoiner: ((code: string, name: string) => Promise<{ eventId: string; delegates: number }>) | null = null;

  setHubJoiner(join: (code: string, name: string) => Promise<{ eventId: string; delegates: number }>): void {
    this.hubJoiner = join;
  }

  /** "Join a hub": this station pairs with a hub and switches to the hub's event (the current file is kept). */
  joinHub(code: string, name: string): Promise<{ eventId: string; delegates: number }> {
    if (this.hubRunning) throw new ServiceError('conflict', 'This laptop is the hub; it cannot join another hub.', { key: 'hub_cannot_join', values: {} });
    if (readHubLink(this.core)) throw new ServiceError('conflict', 'This station is already paired with a hub.', { key: 'already_paired', values: {} });
    if (!this.hubJoiner) throw new ServiceError('conflict', 'Joining a hub is done from the command line here: uketsuke pair --db FILE --code CODE.', { key: 'join_from_cli', values: {} });
    return this.hubJoiner(code, name);
  }

  /** Set by a shell that can open another event file: "New event" creates one next to this file and switches to it. */
  private eventCreator: ((input: NewEvent) => Promise<{ eventId: string; file: string }>) | null = null;

  setEventCreator(create: (input: NewEvent) => Promise<{ eventId: string; file: string }>): void {
    this.eventCreator = create;
  }

  /** Set by a shell on a first start (no event chosen yet): loads the demo event and remembers the choice. */
  private demoOpener: (() => Promise<{ eventId: string }>) | null = null;

  setDemoOpener(open: () => Promise<{ eventId: string }>): void {
    this.demoOpener = open;
  }

  /** "Open the demo" on a first start: the demo in this (empty) file. */
  openDemo(): Promise<{ eventId: string }> {
    if (this.event.exists()) throw new ServiceError('conflict', 'This file already holds an event.', { key: 'event_exists', values: {} });
    if (!this.demoOpener) throw new ServiceError('conflict', 'The demo is made from the command line here: uketsuke demo --db FILE', { key: 'demo_cli', values: {} });
    return this.demoOpener();
  }

  /** "New event": an empty event of the organiser's own in a new file (the current one, demo or not, is kept). */
  async newEvent(input: NewEvent): Promise<{ eventId: string; file: string }> {
    if (this.hubRunning || readHubLink(this.core)) throw new ServiceError('conflict', 'This device is part of a venue hub: create the new event on a device of its own.', { key: 'hub_device_new_event', values: {} });
    if (!this.eventCreator) throw new ServiceError('conflict', 'A new event is created from the command line here: uketsuke event create --db FILE …', { key: 'create_event_cli', values: {} });
    return this.eventCreator(input);
  }

  setHubStarter(start: () => Promise<HubIdentity>): void {
    this.hubStarter = start;
  }

  /** The hub server of this process is up (at the given addresses). */
  hubStarted(identity: HubIdentity): void {
    this.hubRunning = true;
    this.setHubIdentity(identity);
  }

  /** "Make this laptop the hub": the desk laptop starts relaying for the venue's stations. */
  async startHub(): Promise<import('../api/contract.js').SyncStatus> {
    if (this.hubRunning) return this.syncStatus();
    if (readHubLink(this.core)) throw new ServiceError('conflict', 'This station is paired with a hub; it cannot be a hub itself.', { key: 'paired_cannot_be_hub', values: {} });
    if (!this.hubStarter) throw new ServiceError('conflict', 'This app cannot run a hub here: start one with `uketsuke hub`.', { key: 'no_hub_here', values: {} });
    this.hubStarted(await this.hubStarter());
    return this.syncStatus();
  }

  /** Starts the live sync of a paired station over the given transport. */
  attachStationSync(transport: HubTransport, opts: SyncOptions = {}): StationSync {
    this.stationSync = new StationSync(this.core, transport, opts);
    this.stationSync.start();
    return this.stationSync;
  }

  syncStatus(): import('../api/contract.js').SyncStatus {
    if (this.stationSync) return this.stationSync.status();
    const link = readHubLink(this.core);
    const hub = this.hubRunning ? this.hubIdentity() : null;
    return {
      paired: link !== null, role: link?.role ?? (hub ? 'hub' : null), hub: link?.urls[0] ?? hub?.urls[0] ?? null, online: hub !== null,
      lastSyncAt: null, waiting: 0, lastError: null, clockSkewMs: 0, clockWarning: false,
    };
  }

  /** The devices the hub has seen: from this file when it is the hub, else asked of the hub. */
  async hubDevices(): Promise<HubDeviceInfo[]> {
    if (this.hubRunning || !readHubLink(this.core)) return this.hub.devices();
    if (!this.stationSync) throw new ServiceError('conflict', 'Not connected to the hub.', { key: 'not_connected_hub', values: {} });
    return this.stationSync.devices();
  }

  static open(file: string, opts: OpenOptions & UketsukeOptions = {}): Uketsuke {
    return new Uketsuke(openDb(file, opts), opts);
  }

  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.backups?.stop();
    void this.stationSync?.stop();
    this.reports.close();
    this.importer.reader.close?.();
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }

  /** WAL checkpoints stall writes, so they run once scanning pauses rather than in the middle of a verdict. */
  private scheduleIdleCheckpoint(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.db.open) checkpointWal(this.db);
    }, 2000);
    this.idleTimer.unref();
  }

  delegateDetail(id: string): DelegateDetail {
    const row = this.delegates.get(id);
    // First admission per target, in one query rather than one per checkpoint.
    const admitted = new Map(
      (this.db.prepare('SELECT target_key AS key, min(first_at) AS at FROM admission WHERE delegate_id = ? GROUP BY target_key').all(id) as { key: string; at: string }[]).map((r) => [r.key, r.at]),
    );
    const registrations: RegistrationState[] = [];
    for (const cp of this.event.checkpointRows()) {
      const key = targetKeyOf(cp);
      const registered = cp.list_rule === 'anyone' || this.delegates.isRegistered(id, key);
      if (!registered) continue;
      registrations.push({ checkpointId: cp.id, checkpointName: cp.name, checkpointNameJa: cp.name_ja, kind: cp.kind, registered, admittedAt: admitted.get(key) ?? null });
    }
    const targets = this.db.prepare('SELECT target_id FROM registration WHERE delegate_id = ?').pluck().all(id) as string[];
    return { delegate: toDelegate(row), token: this.delegates.tokenFor(row), registrations, targets, scans: this.checkin.recent({ delegateId: id, limit: 20 }) };
  }

  /** The checkpoints a delegate is on the list for (what `uketsuke delegates` reports). */
  checkpointsFor(delegateId: string): string[] {
    return this.event
      .checkpointRows()
      .filter((cp) => cp.list_rule === 'anyone' || this.delegates.isRegistered(delegateId, targetKeyOf(cp)))
      .map((cp) => cp.id);
  }

  handlers(): { [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiResult<M> } {
    return {
      event: () => ({ ...this.event.info(), codeShapes: this.delegates.codeShapes() }),
      checkpoints: () => {
        const registered = registeredCounts(this.core);
        return this.event.checkpointRows().map((cp) =>
          this.event.toCheckpoint(cp, this.checkin.admittedCount(cp), cp.list_rule === 'registered' ? (registered.get(targetKeyOf(cp)) ?? 0) : null),
        );
      },
      countries: () => this.delegates.countries(),
      searchDelegates: ({ query, limit, filters }) => this.delegates.search(query, limit, {}, filters ?? {}),
      delegate: ({ id }) => this.delegateDetail(id),
      identifyCode: ({ code }) => codeIdentity(code, this.event, this.delegates),
      scan: ({ checkpointId, code }) => this.afterWrite(this.checkin.scan(checkpointId, code)),
      checkIn: ({ delegateId, checkpointId }) => this.afterWrite(this.checkin.checkIn(delegateId, checkpointId)),
      override: ({ checkpointId, delegateId, reason, secret }) => {
        if (this.staffLock.hasPin() && !this.staffLock.unlock(secret ?? '', this.caller.clientId).ok) {
          throw new ServiceError('bad_input', 'Admitting against the rules needs the staff PIN or a staff badge.', { key: 'override_needs_pin', values: {} });
        }
        return this.afterWrite(this.checkin.override(checkpointId, delegateId, reason));
      },
      undoScan: ({ scanId, reason }) => this.afterWrite(this.checkin.undo(scanId, reason)),
      walkIn: (given) => {
        const input = namesOrRefuse(given);
        this.refuseUnknownTargets(input.registrations);
        const row = this.core.tx(() => {
          const d = this.delegates.insert({ ...input, email: input.email || null });
          this.delegates.register(d.id, input.registrations);
          return d;
        });
        return this.afterWrite(this.delegateDetail(row.id));
      },
      updateDelegate: ({ id, fields }) =>
        this.afterWrite(this.delegateDetail(this.core.tx(() => this.delegates.update(id, { ...namesOrRefuse(fields), email: fields.email || null })).id)),
      setRegistrations: ({ delegateId, targetIds }) => {
        const universe = this.refuseUnknownTargets(targetIds);
        if (!this.delegates.findByIdOrEmail(delegateId)) throw new ServiceError('not_found', `No delegate ${delegateId}.`, { key: 'no_delegate', values: { key: delegateId } });
        this.core.tx(() => this.delegates.setRegistrations(delegateId, targetIds, universe));
        return this.afterWrite(this.delegateDetail(delegateId));
      },
      reissueBadge: ({ delegateId }) => this.afterWrite(this.delegateDetail(this.delegates.reissue(delegateId).id)),
      recentScans: ({ checkpointId, limit }) => this.checkin.recent({ checkpointId, limit }),
      attendance: () => attendance(this.event, this.checkin, this.dashboard),
      printers: () => this.printing.listPrinters(),
      printBadge: (input) => this.printing.enqueue(input),
      printJobs: ({ limit }) => this.printing.list(limit),
      retryPrint: ({ jobId }) => this.printing.retry(jobId),
      unlock: ({ secret }) => this.trust.signIn(secret, this.caller),
      signOut: () => {
        this.trust.signOut(this.caller);
        return this.trust.view(this.caller);
      },
      session: () => this.trust.view(this.caller),
      importPreview: ({ fileName, base64 }) => this.importPreview(fileName, Buffer.from(base64, 'base64')),
      importStart: ({ fileName, base64, mapping, dryRun }) => this.importStart(fileName, Buffer.from(base64, 'base64'), mapping ?? undefined, dryRun),
      importStatus: ({ jobId }) => this.importJob(jobId),
      exportDelegates: ({ format }) => this.exportDelegates(format),
      subjectExport: ({ delegateId }) => ({
        fileName: `personal-data-${this.delegates.get(delegateId).badge_no}.json`,
        mime: 'application/json',
        base64: Buffer.from(JSON.stringify(this.privacy.subjectExport(delegateId), null, 2), 'utf8').toString('base64'),
      }),
      syncConflicts: () => this.conflicts.list(),
      syncStatus: () => this.syncStatus(),
      hubDevices: () => this.hubDevices(),
      pairingCode: ({ role }) => this.hub.pairingCode(role),
      startHub: () => this.startHub(),
      passengers: ({ checkpointId }) => this.passengers.of(checkpointId),
      joinHub: ({ code, name }) => this.joinHub(code, name),
      kioskFind: ({ name, email }) => ({ match: this.kiosk.find(name, email) }),
      stillExpected: ({ checkpointId }) => ({ missing: this.stillExpected.list(checkpointId) }),
      report: (input) => this.reports.run({ ...input, now: this.core.nowIso() }).then(toDownload),
      reportStart: (input) => this.reports.start({ ...input, now: this.core.nowIso() }),
      reportStatus: ({ jobId }) => this.reports.status(jobId),
      dashboard: () => this.dashboard.view(),
      programme: () => this.programmeView(),
      updateEvent: (fields) => {
        this.programme.updateEvent(fields);
        return { ...this.event.info(), codeShapes: this.delegates.codeShapes() };
      },
      saveSession: (s) => ({ id: this.programme.saveSession(s) }),
      archiveSession: ({ id, archived }) => (this.programme.archiveSession(id, archived), this.programmeView()),
      moveSession: ({ id, direction }) => (this.programme.moveSession(id, direction), this.programmeView()),
      saveDay: ({ dayNo, title, titleJa }) => {
        this.programme.saveDay(dayNo, title, titleJa ?? null);
        return { ...this.event.info(), codeShapes: this.delegates.codeShapes() };
      },
      saveBus: (b) => ({ id: this.programme.saveBus(b) }),
      archiveBus: ({ id, archived }) => (this.programme.archiveBus(id, archived), this.programmeView()),
      saveCheckpointRules: ({ id, rules }) => (this.programme.saveCheckpointRules(id, rules), this.programmeView()),
      newEvent: (input) => this.newEvent(input),
      openDemo: () => this.openDemo(),
      branding: () => this.branding.view(),
      setBranding: (input) => this.branding.set(input),
      setStaffPin: ({ pin, current }) => {
        // Changing a PIN takes the PIN (or a staff badge): whoever walks up to an unlocked screen cannot lock staff
        // out. An organiser who signed in with their badge has shown who they are. Wrong tries count against this
        // client's lockout, like any sign-in.
        const proven = this.trust.signedInAsOrganiser(this.caller);
        if (this.staffLock.hasPin() && !proven && !this.staffLock.unlock(current ?? '', this.caller.clientId).ok) {
          throw new ServiceError('bad_input', 'Changing the staff PIN needs the current PIN or a staff badge.', { key: 'pin_change_needs_pin', values: {} });
        }
        this.staffLock.setPin(pin, `${this.caller.station}:${this.caller.clientId}`);
        return { staffPinSet: true, weak: pin.length < 6 };
      },
      programmeImport: ({ fileName, base64, dryRun }) => this.programme.import(fileName, Buffer.from(base64, 'base64'), { dryRun }),
      rejectedRows: ({ jobId }) => {
        const report = this.importJob(jobId).report;
        if (!report) throw new ServiceError('conflict', 'The import has not finished yet.', { key: 'import_not_finished', values: {} });
        return { fileName: 'rejected-rows.csv', mime: 'text/csv', base64: Buffer.from(rejectedCsv(report.headers, report.rejected), 'utf8').toString('base64') };
      },
    };
  }

  /** What the desk may register a delegate for: the programme's sessions (meeting blocks too) and buses, not archived. */
  private registrationTargets(): Set<string> {
    return new Set([...this.programme.sessions().filter((x) => !x.archived).map((x) => x.id), ...this.programme.buses().filter((b) => !b.archived).map((b) => b.id)]);
  }

  /** Refuses ids that are not a current session or bus of this event; answers the ones that are. */
  private refuseUnknownTargets(ids: readonly string[]): Set<string> {
    const universe = this.registrationTargets();
    const unknown = ids.filter((t) => !universe.has(t));
    if (unknown.length) {
      const list = unknown.slice(0, 3).join(', ');
      throw new ServiceError('bad_input', `Not a session or bus of this event: ${list}`, { key: 'unknown_targets', values: { ids: list } });
    }
    return universe;
  }

  private programmeView(): import('../api/contract.js').Programme {
    return { sessions: this.programme.sessions(), buses: this.programme.buses(), checkpoints: (this.table ??= this.handlers()).checkpoints({}) };
  }

  /** Previews a file: how it was read, the columns recognised, the first rows. */
  private importPreview(fileName: string, bytes: Buffer): Promise<import('../api/contract.js').ImportPreview> {
    // Decoded in the import worker: a 50k-row file does not hold up scans or other screens meanwhile.
    return this.importer.preview(fileName, bytes).then((f) => ({
      format: f.format,
      encoding: f.encoding,
      delimiter: f.delimiter,
      headers: f.headers,
      ...((m) => ({ mapping: m.mapping, source: m.profile ? { id: m.profile.id, label: m.profile.label } : null }))(mappingFor(f.headers)),
      sample: f.sample,
      rows: f.rows,
    }));
  }

  /** Starts an import in the background (batches that yield to scans); the screen follows it by its id. */
  private importStart(fileName: string, bytes: Buffer, mapping: (ImportFieldName | null)[] | undefined, dryRun: boolean): ImportJob {
    const job: ImportJob = { id: newId('imp'), state: 'running', done: 0, total: 0, report: null, error: null, say: null };
    this.importJobs.set(job.id, job);
    // A copy first: an import half-applied by a crash (or a wrong file) can be undone by restoring it.
    const before = dryRun || !this.backups ? Promise.resolve(null) : this.backups.backup('before-import');
    before
      .then(() => this.importer.run(fileName, bytes, { mapping, dryRun, onProgress: (done, total) => Object.assign(job, { done, total }) }))
      .then(
        (report: ImportReport) => Object.assign(job, { state: 'done', report, done: report.total, total: report.total }),
        (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e), say: e instanceof ServiceError ? (e.say ?? null) : null }),
      );
    return { ...job };
  }

  private importJob(jobId: string): ImportJob {
    const job = this.importJobs.get(jobId);
    if (!job) throw new ServiceError('not_found', `No import ${jobId}.`, { key: 'no_import', values: { job: jobId } });
    return { ...job };
  }

  private async exportDelegates(format: 'csv' | 'csv-sjis' | 'xlsx'): Promise<import('../api/contract.js').FileDownload> {
    const stamp = this.core.nowIso().slice(0, 10);
    if (format === 'xlsx') return { fileName: `delegates-${stamp}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: (await this.exporter.xlsx()).toString('base64') };
    const { data } = this.exporter.csv(format === 'csv-sjis' ? 'shift_jis' : 'utf-8');
    return { fileName: `delegates-${stamp}${format === 'csv-sjis' ? '-sjis' : ''}.csv`, mime: format === 'csv-sjis' ? 'text/csv; charset=shift_jis' : 'text/csv; charset=utf-8', base64: data.toString('base64') };
  }

  private afterWrite<T>(result: T): T {
    this.scheduleIdleCheckpoint();
    return result;
  }

  /**
   * Validates untrusted input against the contract, checks the caller may call it (services/trust/) and runs the
   * method (file work answers with a promise). The caller defaults to the local operator: the CLI and the desk
   * laptop's own window, which hold the event file anyway.
   */
  dispatch<M extends ApiMethod>(method: M, rawInput: unknown, caller: Caller = LOCAL_OPERATOR): ApiResult<M> {
    if (!Object.hasOwn(apiInputs, method)) throw new ServiceError('bad_input', `Unknown method: ${String(method)}`);
    const parsed = (apiInputs[method] as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) throw new InputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`));
    this.trust.authorize(method, parsed.data, caller);
    this.table ??= this.handlers();
    const handler = this.table[method] as (input: unknown) => ApiResult<M>;
    const previous = this.caller;
    this.caller = caller;
    try {
      const out = handler(parsed.data);
      if (!(out instanceof Promise)) this.trust.after(method, out, caller);
      return out;
    } finally {
      this.caller = previous;
    }
  }
}

/** Methods that read or write files answer asynchronously; every other answer is immediate. */
export type AsyncApiMethod = 'importPreview' | 'exportDelegates' | 'hubDevices' | 'startHub' | 'joinHub' | 'report' | 'programmeImport' | 'newEvent' | 'setBranding' | 'openDemo';
export type ApiResult<M extends ApiMethod> = M extends AsyncApiMethod ? Promise<ApiOutputs[M]> : ApiOutputs[M];

/** Latin names as typed or from the kana; a person needs a family and a given name one way or the other. */
function namesOrRefuse<T extends { familyName: string; givenName: string; familyNameKana?: string | null; givenNameKana?: string | null }>(f: T): T {
  const named = withLatinNames(f);
  if (!named) throw new ServiceError('bad_input', 'A family and a given name are needed: in Latin letters, or in kana to derive them from.', { key: 'names_required', values: {} });
  return named;
}

export class InputError extends ServiceError {
  constructor(readonly issues: string[]) {
    super('bad_input', `Invalid input: ${issues.join('; ')}`);
  }
}
