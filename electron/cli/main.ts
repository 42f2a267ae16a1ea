// `uketsuke`: the command line over the same core. JSON shapes and flags are a contract (shared/DESIGN.md).
// Exit codes: 0 done (even when a scan is denied), 1 the input could not be processed, 2 bad usage.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Uketsuke } from '../services/uketsuke.js';
import { dataDir } from '../services/sync/installation.js';
import { isPostgresUrl } from '../../db/pg/is-postgres.js';
import { ServiceError } from '../services/core.js';
import { buildDemo, ensureDemo } from '../../db/demo/build-demo.js';
import { NewerDatabaseError } from '../../db/open.js';
import { startHost } from '../host/server.js';
import { STATION_KINDS, type StationKind } from '../services/trust/access.js';
import { BADGE_SIZES, type BadgeSize } from '../services/badges/sizes.js';
import { rejectedCsv } from '../services/people/import/importer.js';
import { INLINE_READER } from '../services/people/import/read-job.js';
import { blankEventSpec } from '../services/event/blank-event.js';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LANGS, type ReportFormat, type ReportKind } from '../api/contract.js';
import type { NewEvent } from '../services/event/programme/programme.js';

class UsageError extends Error {}

const HELP = `uketsuke — registration desk, doors and buses, offline

  uketsuke demo        --db FILE [--delegates N] [--start YYYY-MM-DD] [--live]
  uketsuke event create --db FILE --name NAME --start YYYY-MM-DD --end YYYY-MM-DD --tz ZONE [--venue TEXT]
                       [--name-ja NAME] [--venue-ja TEXT] [--rehearsal] [--json]      (a new, empty event of your own)
  uketsuke event       --db FILE --json                (the event, its days, sessions, buses and checkpoints)
  uketsuke programme import FILE.ics|.json|.xml|.csv|.xlsx --db FILE [--json] [--dry-run]
                       (iCalendar, pretalx/frab schedule, or a sheet: day, start, end, title, room, capacity, kind)
  uketsuke cancel      --db FILE --delegate ID|EMAIL|CODE [--restore] [--json]
  uketsuke delegates   --db FILE --json [--search Q]
  uketsuke checkpoints --db FILE --json
  uketsuke scan        --db FILE --checkpoint ID [--json] [--at ISO-TIME] CODE
  uketsuke badge       --db FILE --delegate ID|EMAIL --out FILE.pdf [--size SIZE] [--back]
  uketsuke badges      --db FILE --out FILE.pdf [--size SIZE] [--back] [--role ROLE] [--country C] [--search Q]
  uketsuke import      FILE --db FILE [--dry-run] [--json] [--rejects OUT.csv]
  uketsuke export      --db FILE --format csv|xlsx --out FILE [--encoding utf-8|shift_jis]
  uketsuke privacy-export --db FILE --delegate ID|EMAIL --out FILE.json
  uketsuke purge       --db FILE --yes                (after the event: erase personal data, keep counts)
  uketsuke pin         --db FILE --set DIGITS         (the staff PIN that unlocks door and kiosk stations)
  uketsuke restore     --db FILE [--from BACKUP]      (a damaged event file: put back its last good automatic backup)
  uketsuke web         [--db FILE] [--port N] [--host ADDR] [--hub [--hub-port N] [--hub-host ADDR]]
                       (a paired file syncs with its hub while serving; --hub makes this laptop the venue hub)
  uketsuke hub         --db FILE|postgres://URL [--port N] [--host ADDR] [--upstream CODE]
                       (the venue hub, headless; on PostgreSQL the organisers' hub for many events)
  uketsuke pairing-code --db FILE|postgres://URL --role desk|door|kiosk|venue|organiser [--event ID] [--json]
  uketsuke pair        --db FILE --code CODE [--name NAME] [--json] (join a hub and load its event)
  uketsuke sync        --db FILE [--json]                     (one round with the paired hub)
  uketsuke devices     --db FILE|postgres://URL [--event ID] [--json] [--revoke DEVICE]
  uketsuke report      --db FILE --kind KIND --out FILE.pdf|.csv|.xlsx [--lang en|ja] [--delegate ID|EMAIL[,…]]

SIZE is a6 (default), cr80, 4x6in, 4x3in or a4-sheet (six 4×3 in badges with crop marks).
KIND is ${REPORT_KINDS.join(', ')}; --delegate limits certificates to those people.

--db defaults to $UKETSUKE_DB or ${defaultDataFile()}.
`;

export function defaultDataFile(): string {
  if (process.env.UKETSUKE_DB) return process.env.UKETSUKE_DB;
  // After "Join a hub" the station opens the hub's event next time too.
  const current = path.join(dataDir(), 'current-event');
  if (fs.existsSync(current)) {
    const file = fs.readFileSync(current, 'utf8').trim();
    if (file && fs.existsSync(file)) return file;
  }
  return path.join(dataDir(), 'demo-event.db');
}

const out = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

function open(file: string, at?: string): Uketsuke {
  const fixed = at ? Date.parse(at) : NaN;
  if (at && Number.isNaN(fixed)) throw new UsageError(`--at is not a date and time: ${at}`);
  return Uketsuke.open(file, at ? { now: () => fixed } : {});
}

function requireFile(file: string): void {
  if (!fs.existsSync(file)) throw new ServiceError('not_found', `No event file at ${file}. Create one with: uketsuke demo --db ${file}`);
}

/** A progress bar on stderr (stdout stays clean for --json). */
function progressBar(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (!process.stderr.isTTY && done !== total) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

/** The event and its programme as `uketsuke event --json` prints it (contract: ISO start/end). */
function eventJson(app: Uketsuke) {
  const { deviceId: _d, delegateCount, staffPinSet: _p, ...info } = app.event.info();
  return {
    ...info,
    delegates: delegateCount,
    sessions: app.programme.sessions(),
    buses: app.programme.buses(),
    checkpoints: app.event.checkpointRows().map((row) => {
      const { admitted: _a, registered: _r, ...cp } = app.event.toCheckpoint(row, 0, null);
      return cp;
    }),
  };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      search: { type: 'string' },
      checkpoint: { type: 'string' },
      at: { type: 'string' },
      delegates: { type: 'string' },
      start: { type: 'string' },
      live: { type: 'boolean', default: false },
      port: { type: 'string' },
      delegate: { type: 'string' },
      out: { type: 'string' },
      size: { type: 'string' },
      back: { type: 'boolean', default: false },
      role: { type: 'string' },
      country: { type: 'string' },
      set: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      rejects: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      yes: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      host: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      'name-ja': { type: 'string' },
      'venue-ja': { type: 'string' },
      end: { type: 'string' },
      tz: { type: 'string' },
      venue: { type: 'string' },
      rehearsal: { type: 'boolean', default: false },
      restore: { type: 'boolean', default: false },
      revoke: { type: 'string' },
      hub: { type: 'boolean', default: false },
      upstream: { type: 'string' },
      event: { type: 'string' },
      'hub-port': { type: 'string' },
      'hub-host': { type: 'string' },
      from: { type: 'string' },
      station: { type: 'string' },
      kind: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const db = values.db ?? defaultDataFile();
  switch (command) {
    case 'demo': {
      const count = values.delegates ? Number(values.delegates) : undefined;
      if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 1_000_000)) throw new UsageError('--delegates must be a whole number from 1 to 1000000');
      if (values.start && !/^\d{4}-\d{2}-\d{2}$/.test(values.start)) throw new UsageError('--start takes a date as YYYY-MM-DD');
      const app = open(db);
      try {
        const made = buildDemo(app, { delegates: count, start: values.start, rehearsal: !values.live });
        const info = app.event.info();
        if (values.json) out({ db: path.resolve(db), event: info.id, ...made, checkpoints: app.event.checkpointRows().length, rehearsal: info.rehearsal });
        else process.stdout.write(`Created "${info.name}" in ${db}: ${made.delegates} delegates, ${made.meetings} meetings${info.rehearsal ? ' (rehearsal mode: time windows not enforced; --live to enforce)' : ''}.\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'event': {
      if (positionals[0] === 'create') {
        if (!values.name || !values.start || !values.end || !values.tz) throw new UsageError('event create needs --name NAME --start YYYY-MM-DD --end YYYY-MM-DD --tz ZONE');
        for (const [flag, v] of [['--start', values.start], ['--end', values.end]] as const) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${flag} takes a date as YYYY-MM-DD`);
        }
        const app = open(db);
        try {
          const id = app.programme.createEvent({ name: values.name, nameJa: values['name-ja'], startsOn: values.start, endsOn: values.end, timezone: values.tz, venue: values.venue, venueJa: values['venue-ja'], rehearsal: values.rehearsal });
          if (values.json) out(eventJson(app));
          else process.stdout.write(`Created "${values.name}" (${id}) in ${db}: ${values.start} to ${values.end}, ${values.tz}. Next: uketsuke programme import FILE --db ${db}\n`);
        } finally {
          app.close();
        }
        return 0;
      }
      if (positionals.length) throw new UsageError(`Unknown event command: ${positionals[0]}`);
      requireFile(db);
      const app = open(db);
      try {
        const e = eventJson(app);
        if (values.json) out(e);
        else {
          process.stdout.write(`${e.name}${e.nameJa ? ` / ${e.nameJa}` : ''} — ${e.venue}, ${e.startsOn} to ${e.endsOn} (${e.timezone})${e.rehearsal ? ', rehearsal mode' : ''}\n`);
          for (const x of e.sessions) process.stdout.write(`  ${x.startsAt} – ${x.endsAt}  ${x.title}${x.room ? ` (${x.room})` : ''}\n`);
          for (const b of e.buses) process.stdout.write(`  ${b.departsAt}  ${b.label} → ${b.site}, ${b.capacity} seats\n`);
        }
      } finally {
        app.close();
      }
      return 0;
    }
    case 'programme': {
      if (positionals[0] !== 'import' || positionals.length !== 2) throw new UsageError('programme import takes exactly one FILE');
      const source = positionals[1]!;
      if (!fs.existsSync(source)) throw new ServiceError('not_found', `No file ${source}.`);
      requireFile(db);
      const app = open(db);
      try {
        const r = await app.programme.import(path.basename(source), fs.readFileSync(source), { dryRun: values['dry-run'] });
        const rejected = r.rejected.map(({ code: _code, ...rest }) => rest);
        if (values.json) out({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected, warnings: r.warnings.map((w) => ({ ...w.ref, reason: w.message })), changes: r.changes, format: r.format, dryRun: r.dryRun });
        else {
          process.stdout.write(`${r.dryRun ? 'Dry run (nothing written): ' : ''}${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected (${r.format}).\n`);
          for (const c of r.changes.filter((x) => x.change === 'updated')) process.stdout.write(`  updated "${c.title}": ${c.fields.join(', ')}\n`);
          for (const x of r.rejected) process.stdout.write(`  ${'line' in x ? `line ${x.line}` : x.uid}: ${x.reason}\n`);
          for (const w of r.warnings) process.stdout.write(`  warning, ${'line' in w.ref ? `line ${w.ref.line}` : w.ref.uid}: ${w.message}\n`);
        }
      } finally {
        app.close();
      }
      return 0;
    }
    case 'cancel': {
      if (!values.delegate) throw new UsageError('cancel needs --delegate ID|EMAIL|CODE');
      requireFile(db);
      const app = open(db);
      try {
        const who = app.delegates.findByIdOrEmail(values.delegate) ?? app.delegates.findByExternalCode(values.delegate);
        if (!who) throw new ServiceError('not_found', `No delegate ${values.delegate}.`);
        const row = app.core.tx(() => app.delegates.setCancelled(who.id, !values.restore));
        if (values.json) out({ id: row.id, email: row.email, status: row.status });
        else process.stdout.write(`${row.given_name} ${row.family_name}: ${row.status === 'cancelled' ? 'cancelled — the badge is denied at every door' : 'active again'}.\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'delegates': {
      requireFile(db);
      const app = open(db);
      try {
        const hits = values.search !== undefined
          ? app.delegates.search(values.search, 100)
          : app.delegates.search('', 1_000_000);
        const list = hits.map((h) => {
          const row = app.delegates.get(h.id);
          return { ...h, checkpoints: app.cards.checkpointsFor(h.id), token: app.delegates.tokenFor(row) };
        });
        if (values.json) out(list);
        else for (const d of list) process.stdout.write(`${d.badgeNo}\t${d.familyName}, ${d.givenName}\t${d.organisation ?? ''}\t${d.email ?? ''}\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'checkpoints': {
      requireFile(db);
      const app = open(db);
      try {
        const list = app.dispatch('checkpoints', {}).map((c) => ({ id: c.id, name: c.name, kind: c.kind, capacity: c.capacity, nameJa: c.nameJa, entryRule: c.entryRule, listRule: c.listRule, opensAt: c.opensAt, closesAt: c.closesAt, admitted: c.admitted, registered: c.registered }));
        if (values.json) out(list);
        else for (const c of list) process.stdout.write(`${c.id}\t${c.kind}\t${c.capacity ?? '-'}\t${c.name}\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'scan': {
      if (!values.checkpoint) throw new UsageError('scan needs --checkpoint ID');
      if (positionals.length !== 1) throw new UsageError('scan takes exactly one CODE');
      requireFile(db);
      const app = open(db, values.at);
      try {
        const r = app.dispatch('scan', { checkpointId: values.checkpoint, code: positionals[0] });
        if (values.json) out(r);
        else process.stdout.write(`${r.verdict}: ${r.reason}${r.delegate ? ` — ${r.delegate.givenName} ${r.delegate.familyName}` : ''}\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'badge':
    case 'badges': {
      if (!values.out) throw new UsageError(`${command} needs --out FILE.pdf`);
      const size = (values.size ?? 'a6') as BadgeSize;
      if (!BADGE_SIZES.includes(size)) throw new UsageError(`--size must be one of ${BADGE_SIZES.join(', ')}`);
      requireFile(db);
      const app = open(db);
      try {
        if (command === 'badge') {
          if (!values.delegate) throw new UsageError('badge needs --delegate ID or EMAIL');
          fs.writeFileSync(values.out, await app.badges.pdf(values.delegate, { size, back: values.back }));
          if (values.json) out({ out: path.resolve(values.out), size });
        } else {
          const bar = progressBar('Badges');
          const { pdf, count } = await app.badges.batch({ role: values.role, country: values.country, search: values.search }, { size, back: values.back, onProgress: bar });
          fs.writeFileSync(values.out, pdf);
          if (values.json) out({ out: path.resolve(values.out), size, badges: count });
          else process.stdout.write(`${count} badges → ${values.out}\n`);
        }
      } finally {
        app.close();
      }
      return 0;
    }
    case 'import': {
      if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
      const source = positionals[0]!;
      if (!fs.existsSync(source)) throw new ServiceError('not_found', `No file ${source}.`);
      const app = open(db);
      try {
        if (!app.event.exists()) app.event.create(blankEventSpec(db, new Date()));
        const bar = progressBar(values['dry-run'] ? 'Checking' : 'Importing');
        // The CLI does nothing else meanwhile: no worker thread to start.
        app.importer.reader = INLINE_READER;
        const report = await app.importer.run(path.basename(source), fs.readFileSync(source), { dryRun: values['dry-run'], onProgress: bar });
        if (values.rejects) fs.writeFileSync(values.rejects, rejectedCsv(report.headers, report.rejected));
        if (values.json) {
          out({ imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.map(({ line, reason }) => ({ line, reason })), total: report.total, dryRun: report.dryRun, encoding: report.encoding, delimiter: report.delimiter });
        } else {
          process.stdout.write(`${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected (read as ${report.encoding}).\n`);
          for (const r of report.rejected) process.stdout.write(`  line ${r.line}: ${r.reason}\n`);
        }
      } finally {
        app.close();
      }
      return 0;
    }
    case 'export': {
      if (!values.out) throw new UsageError('export needs --out FILE');
      const format = values.format ?? (values.out.endsWith('.xlsx') ? 'xlsx' : 'csv');
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is csv or xlsx');
      const encoding = values.encoding ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'shift_jis') throw new UsageError('--encoding is utf-8 or shift_jis');
      requireFile(db);
      const app = open(db);
      try {
        if (format === 'xlsx') fs.writeFileSync(values.out, await app.exporter.xlsx());
        else {
          const { data, lossyCells } = app.exporter.csv(encoding);
          fs.writeFileSync(values.out, data);
          if (lossyCells) process.stderr.write(`uketsuke: ${lossyCells} cells have characters Shift_JIS cannot hold (shown as "?"); use UTF-8 for those names.\n`);
        }
        if (values.json) out({ out: path.resolve(values.out), format, encoding });
      } finally {
        app.close();
      }
      return 0;
    }
    case 'privacy-export': {
      if (!values.delegate || !values.out) throw new UsageError('privacy-export needs --delegate ID|EMAIL and --out FILE.json');
      requireFile(db);
      const app = open(db, values.at);
      try {
        fs.writeFileSync(values.out, `${JSON.stringify(app.privacy.subjectExport(values.delegate), null, 2)}\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'purge': {
      if (!values.yes) throw new UsageError('purge erases every delegate\'s personal data: add --yes to confirm');
      requireFile(db);
      const app = open(db, values.at);
      try {
        const r = app.privacy.purge({ force: values.force });
        if (values.json) out(r);
        else process.stdout.write(`Personal data of ${r.delegates} delegates erased; counts and scans kept.\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'restore': {
      const { restoreBackup, listBackups } = await import('../../db/backups.js');
      const used = restoreBackup(db, values.from ?? undefined);
      process.stdout.write(`Restored ${db} from ${used} (${listBackups(db).length} backups kept; the damaged file was set aside).\n`);
      return 0;
    }
    case 'pin': {
      if (!values.set) throw new UsageError('pin needs --set DIGITS (4 to 8 digits)');
      requireFile(db);
      const app = open(db);
      try {
        app.staffLock.setPin(values.set);
        process.stdout.write('Staff PIN set.\n');
      } finally {
        app.close();
      }
      return 0;
    }
    case 'report': {
      if (!values.kind || !values.out) throw new UsageError('report needs --kind KIND and --out FILE.pdf|.csv|.xlsx');
      const kind = values.kind as ReportKind;
      if (!REPORT_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${REPORT_KINDS.join(', ')}`);
      const format = path.extname(values.out).slice(1).toLowerCase() as ReportFormat;
      if (!REPORT_FORMATS.includes(format)) throw new UsageError('--out must end in .pdf, .csv or .xlsx');
      const lang = (values.lang ?? 'en') as (typeof REPORT_LANGS)[number];
      if (!REPORT_LANGS.includes(lang)) throw new UsageError('--lang is en or ja');
      requireFile(db);
      const app = open(db, values.at);
      try {
        const delegateIds = values.delegate?.split(',').map((key) => {
          const d = app.delegates.findByIdOrEmail(key.trim());
          if (!d) throw new ServiceError('not_found', `No delegate with id or email ${key.trim()}.`);
          return d.id;
        });
        // Through the Api like every shell, with a progress bar for long ones. This process answers no scans
        // meanwhile, so the report is built on its own thread (a worker would only add its start-up).
        app.reports.inline = true;
        const bar = progressBar('Report');
        let job = app.dispatch('reportStart', { kind, format, lang, delegateIds });
        let shown = -1;
        while (job.state === 'running') {
          await new Promise((r) => setTimeout(r, 100));
          job = app.dispatch('reportStatus', { jobId: job.id });
          if (job.total > 0 && job.done !== shown && job.done < job.total) bar((shown = job.done), job.total);
        }
        if (shown >= 0) bar(job.total, job.total);
        if (job.state === 'failed' || !job.file) throw new ServiceError('conflict', job.error ?? 'The report could not be made.');
        const data = Buffer.from(job.file.base64, 'base64');
        fs.writeFileSync(values.out, data);
        if (values.json) out({ out: path.resolve(values.out), kind, format, lang, bytes: data.length });
        else process.stdout.write(`${kind} (${lang}) → ${values.out}\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'web': {
      const port = values.port ? Number(values.port) : 5780;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
      const app = open(db);
      // A first start (no --db, no $UKETSUKE_DB, nothing chosen before, no event in the default file): the screens
      // offer "Create a new event", "Join a hub" and "Open the demo"; the choice is remembered in current-event.
      const firstRun = !values.db && !process.env.UKETSUKE_DB && !fs.existsSync(path.join(dataDir(), 'current-event')) && !app.event.exists();
      if (!firstRun && ensureDemo(app)) process.stdout.write(`No event in ${db} yet: loaded the demo event.\n`);
      const remember = (file: string) => {
        if (process.env.UKETSUKE_DB) return;
        fs.mkdirSync(dataDir(), { recursive: true });
        fs.writeFileSync(path.join(dataDir(), 'current-event'), `${path.resolve(file)}\n`);
      };
      if (firstRun) {
        app.files.setDemoOpener(async () => {
          const current = hostOpts.app;
          ensureDemo(current);
          remember(db);
          process.stdout.write(`Opened the demo event from ${db}\n`);
          return { eventId: current.event.id() };
        });
      }
      const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'renderer');
      const station = values.station;
      if (station !== undefined && !(STATION_KINDS as readonly string[]).includes(station)) throw new UsageError(`--station is one of ${STATION_KINDS.join(', ')}`);
      const hostOpts = { app, staticDir, port, host: values.host, station: station as StationKind | undefined };
      const host = await startHost(hostOpts);
      const { connectStation } = await import('../host/hub/connect.js');
      if (connectStation(app)) process.stdout.write(`Syncing with the hub at ${app.hubRole.syncStatus().hub}.\n`);
      // "Make this laptop the hub": the hub server runs in this process, on the LAN unless told otherwise.
      const hubPort = values['hub-port'] ? Number(values['hub-port']) : 5790;
      if (!Number.isInteger(hubPort) || hubPort < 0 || hubPort > 65535) throw new UsageError('--hub-port must be 0–65535');
      const { hubTlsIdentity } = await import('../host/hub/tls.js');
      const { startHubServer } = await import('../host/hub/server.js');
      app.hubRole.setHubStarter(async () => {
        const running = await startHubServer({ hub: app.hub, tls: await hubTlsIdentity(app.db), port: hubPort, host: values['hub-host'] ?? '0.0.0.0' });
        process.stdout.write(`This laptop is the hub: ${running.urls.join(', ')}\n`);
        return { urls: running.urls, fingerprint: running.fingerprint };
      });
      if (values.hub) await app.hubRole.startHub();
      // "Join a hub" from the Venue screen: pair a new file next to this one, then serve that event instead.
      const joiner = async (code: string, name: string) => {
        const { pairWithCode, connectStation: connect } = await import('../host/hub/connect.js');
        const file = path.join(path.dirname(path.resolve(db)), `joined-${Date.now()}.db`);
        const joined = open(file);
        try {
          const r = await pairWithCode(joined, code, name || os.hostname());
          connect(joined);
          joined.hubRole.setHubJoiner(joiner);
          await joined.printing.refreshPrinters();
          const previous = hostOpts.app;
          hostOpts.app = joined;
          previous.close();
          remember(file);
          process.stdout.write(`Joined the hub: now serving ${joined.event.info().name} from ${file}\n`);
          return { eventId: r.eventId, delegates: r.delegates };
        } catch (e) {
          joined.close();
          fs.rmSync(file, { force: true });
          throw e;
        }
      };
      app.hubRole.setHubJoiner(joiner);
      // "New event" from the Event screen: an empty event in a new file next to this one, served from then on.
      const creator = async (input: NewEvent) => {
        const file = path.join(path.dirname(path.resolve(db)), `event-${Date.now()}.db`);
        const created = open(file);
        try {
          const eventId = created.programme.createEvent(input);
          created.hubRole.setHubJoiner(joiner);
          created.files.setEventCreator(creator);
          // The desk lists this station's printers as soon as it shows the new event.
          await created.printing.refreshPrinters();
          const previous = hostOpts.app;
          hostOpts.app = created;
          previous.close();
          remember(file);
          process.stdout.write(`New event: now serving ${input.name} from ${file}\n`);
          return { eventId, file };
        } catch (e) {
          created.close();
          fs.rmSync(file, { force: true });
          throw e;
        }
      };
      app.files.setEventCreator(creator);
      if (firstRun) process.stdout.write(`Uketsuke is ready for its first start at ${host.url}/desk — choose: create a new event, join a hub, or open the demo\n`);
      else process.stdout.write(`Uketsuke is serving ${app.event.info().name} at ${host.url}/desk\n`);
      const stop = () => { void host.close().then(() => { hostOpts.app.close(); process.exit(0); }); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<number>(() => {});
    }
    case 'hub': {
      const port = values.port ? Number(values.port) : 5790;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
      if (isPostgresUrl(db)) return organisersHub(db, port, values.host, values.json);
      requireFile(db);
      const app = open(db);
      if (!app.event.exists()) throw new ServiceError('not_found', `${db} holds no event: create one (uketsuke demo) before making it a hub.`);
      const { hubTlsIdentity } = await import('../host/hub/tls.js');
      const { startHubServer } = await import('../host/hub/server.js');
      const hub = await startHubServer({ hub: app.hub, tls: await hubTlsIdentity(app.db), port, host: values.host });
      app.hubRole.hubStarted({ urls: hub.urls, fingerprint: hub.fingerprint });
      // A venue hub forwards to the organisers' hub whenever the internet is there.
      const { pairUpstream, connectUpstream } = await import('../host/hub/connect.js');
      if (values.upstream && !app.db.prepare("SELECT 1 FROM meta WHERE key = 'upstream'").get()) await pairUpstream(app, values.upstream, values.name ?? `${os.hostname()} (venue hub)`);
      connectUpstream(app, { maxBackoffMs: 5000 });
      if (values.json) out({ hub: hub.urls, fingerprint: hub.fingerprint, event: app.event.info().id });
      else process.stdout.write(`Uketsuke hub for "${app.event.info().name}" at ${hub.urls.join(', ')} (certificate ${hub.fingerprint.slice(0, 16)}…)\n`);
      const stop = () => { void hub.close().then(() => { app.hubRole.setHubIdentity(null); app.close(); process.exit(0); }); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<number>(() => {});
    }
    case 'pairing-code': {
      const role = values.role;
      if (role !== 'desk' && role !== 'door' && role !== 'kiosk' && role !== 'venue' && role !== 'organiser') throw new UsageError('--role is desk, door, kiosk, venue or organiser');
      if (isPostgresUrl(db)) {
        const { pool, hub } = await pgHub(db);
        try {
          const code = await hub.pairingCode(role, values.event ?? null);
          if (values.json) out(code);
          else process.stdout.write(`${code.code}\n\nValid until ${code.expiresAt}, once, for a ${role}${values.event ? ` of ${values.event}` : ''}.\n`);
        } finally {
          await pool.end();
        }
        return 0;
      }
      requireFile(db);
      const app = open(db);
      try {
        const code = app.hub.pairingCode(role);
        if (values.json) out(code);
        else {
          const QRCode = await import('qrcode');
          process.stdout.write(`${await QRCode.toString(code.code, { type: 'terminal', small: true })}\n${code.code}\n\nValid until ${code.expiresAt}, once, for a ${role} station.\n`);
        }
      } finally {
        app.close();
      }
      return 0;
    }
    case 'pair': {
      if (!values.code) throw new UsageError('pair needs --code CODE (from the hub: uketsuke pairing-code, or its screen)');
      const app = open(db);
      try {
        const { pairWithCode } = await import('../host/hub/connect.js');
        const r = await pairWithCode(app, values.code, values.name ?? os.hostname(), progressBar('Loading the event'));
        const result = { deviceId: r.deviceId, eventId: r.eventId, delegates: r.delegates, role: r.role, badgeBlock: r.badgeBlock };
        if (values.json) out(result);
        else process.stdout.write(`Paired as ${r.role} ${r.deviceId}; loaded ${r.delegates} delegates of ${app.event.info().name}.\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    case 'sync': {
      requireFile(db);
      const app = open(db);
      try {
        const { readHubLink } = await import('../services/sync/station-sync.js');
        const link = readHubLink(app.core);
        if (!link) throw new ServiceError('conflict', `${db} is not paired with a hub: uketsuke pair --db ${db} --code CODE`);
        const { HttpsHubTransport } = await import('../host/hub/client.js');
        const { StationSync } = await import('../services/sync/station-sync.js');
        const transport = new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential);
        try {
          const r = await new StationSync(app.core, transport).syncOnce();
          if (values.json) out(r);
          else process.stdout.write(`Pushed ${r.pushed}, pulled ${r.pulled}; ${r.waiting} waiting.\n`);
        } finally {
          transport.close();
        }
      } finally {
        app.close();
      }
      return 0;
    }
    case 'devices': {
      if (isPostgresUrl(db)) {
        if (!values.event) throw new UsageError('devices on the organisers\' hub needs --event ID');
        const { pool, hub } = await pgHub(db);
        try {
          if (values.revoke) await hub.revoke(values.event, values.revoke);
          const list = await hub.devices(undefined, values.event);
          if (values.json) out(list);
          else for (const d of list) process.stdout.write(`${d.deviceId}\t${d.role}\t${d.lastSeen ?? 'never'}\t${d.waiting} waiting\n`);
        } finally {
          await pool.end();
        }
        return 0;
      }
      requireFile(db);
      const app = open(db);
      try {
        const { readHubLink } = await import('../services/sync/station-sync.js');
        const link = readHubLink(app.core);
        let list;
        if (link) {
          const { HttpsHubTransport } = await import('../host/hub/client.js');
          const transport = new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential);
          list = await transport.devices().finally(() => transport.close());
        } else {
          if (values.revoke) app.hub.revoke(values.revoke);
          list = app.hub.devices();
        }
        if (values.json) out(list);
        else for (const d of list) process.stdout.write(`${d.deviceId}\t${d.role}\t${d.lastSeen ?? 'never'}\t${d.waiting} waiting${Math.abs(d.clockSkewMs) > 120_000 ? `\tclock off by ${Math.round(d.clockSkewMs / 1000)} s` : ''}\n`);
      } finally {
        app.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

/** The organisers' hub on PostgreSQL: many events, several processes over one database. */
async function organisersHub(url: string, port: number, host: string | undefined, json: boolean): Promise<number> {
  const { pool, hub } = await pgHub(url);
  const { pgHubTlsIdentity } = await import('../host/hub/tls.js');
  const { startHubServer } = await import('../host/hub/server.js');
  await hub.start();
  const server = await startHubServer({ hub, tls: await pgHubTlsIdentity(pool), port, host });
  const register = () => Promise.all(server.urls.map((u) => pool.query(
    'INSERT INTO hub_process (url, fingerprint, seen_at) VALUES ($1, $2, now()) ON CONFLICT (url) DO UPDATE SET fingerprint = excluded.fingerprint, seen_at = now()', [u, server.fingerprint],
  ))).catch(() => undefined);
  await register();
  setInterval(() => void register(), 20_000).unref();
  if (json) out({ hub: server.urls, fingerprint: server.fingerprint });
  else process.stdout.write(`Uketsuke organisers' hub at ${server.urls.join(', ')} (certificate ${server.fingerprint.slice(0, 16)}…)\n`);
  const stop = () => {
    void Promise.all(server.urls.map((u) => pool.query('DELETE FROM hub_process WHERE url = $1', [u]))).finally(() => {
      void server.close().then(() => hub.stop()).then(() => pool.end()).finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}

async function pgHub(url: string) {
  const { openPgPool, migratePg } = await import('../../db/pg/schema.js');
  const { PgHub } = await import('../services/sync/pg-hub.js');
  const pool = openPgPool(url);
  await migratePg(pool);
  const tls = async () => {
    const { pgHubTlsIdentity } = await import('../host/hub/tls.js');
    return pgHubTlsIdentity(pool);
  };
  const hub = new PgHub(pool, async () => {
    const urls = (await pool.query("SELECT url FROM hub_process WHERE seen_at > now() - interval '60 seconds' ORDER BY url")).rows.map((r: { url: string }) => r.url);
    return { urls, fingerprint: (await tls()).fingerprint };
  });
  return { pool, hub };
}

export function run(): void {
  // exitCode, not exit(): exit() would cut off JSON still being written to a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
        process.stderr.write(`uketsuke: ${err.message}\n\n${HELP}`);
        process.exitCode = 2;
        return;
      }
      if (err instanceof ServiceError || err instanceof NewerDatabaseError) {
        process.stderr.write(`uketsuke: ${err.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`uketsuke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
