// `npm run bench` → bench/results.json. `npm run bench -- --only scan_verdict,search` runs a subset.
// Figures are medians and tails over many runs on a shared, noisy machine: compare ratios, not single numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { Uketsuke } from '../electron/services/uketsuke.js';
import type { DelegateRow } from '../electron/services/people/delegates.js';
import { buildDemo } from '../electron/demo/build-demo.js';
import { generateDelegates } from '../electron/demo/generator.js';
import { demoEventSpec } from '../electron/demo/programme.js';
import iconv from 'iconv-lite';
import { admitCrowd } from './crowd.js';

type Result = Record<string, unknown>;

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN).toFixed(4));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

function tail999(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor(0.999 * s.length))] ?? NaN).toFixed(4));
}

function tmpFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uketsuke-bench-')), name);
}

/** A 50k-delegate event with 200k earlier scans, built once and shared by the benchmarks that need it. */
let big: { app: Uketsuke; buildMs: number } | null = null;
function bigEvent(): { app: Uketsuke; buildMs: number } {
  if (big) return big;
  const t0 = performance.now();
  // UKETSUKE_BENCH_50K=FILE: a copy of the event built once in FILE (profiling, comparing versions of one path).
  const keep = process.env.UKETSUKE_BENCH_50K;
  if (keep && fs.existsSync(keep)) {
    const file = tmpFile('bench-50k.db');
    fs.copyFileSync(keep, file);
    big = { app: Uketsuke.open(file), buildMs: 0 };
    return big;
  }
  const app = Uketsuke.open(tmpFile('bench-50k.db'));
  buildDemo(app, { delegates: 50_000, rehearsal: true });
  // 200k earlier scans of history, written in bulk (the service path is what is measured afterwards).
  app.db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
    INSERT INTO scan (id, checkpoint_id, target_key, delegate_id, identity_key, code, verdict, reason, day, scanned_at, device_id, hlc)
    SELECT 'hist_' || i, c.id, coalesce(c.target_id, c.id), d.id, d.id, 'hist', 'already_checked_in', 'history', '2027-04-27',
           strftime('%Y-%m-%dT%H:%M:%fZ', '2027-04-27T07:00:00', '+' || (i % 36000) || ' seconds'), 'bench', '0000000000000-0000-bench'
    FROM n JOIN checkpoint c ON c.sort_order = i % 15 JOIN delegate d ON d.badge_no = 1 + (i * 7919) % 50000;
  `);
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  if (keep) fs.copyFileSync(app.db.name, keep);
  big = { app, buildMs: performance.now() - t0 };
  return big;
}

function closeBigEvent(): void {
  big?.app.close();
  big = null;
  demo?.app.close();
  demo = null;
}

/** A demo-sized event for the badge benchmarks (400 delegates, the real programme). */
let demo: { app: Uketsuke; file: string } | null = null;
function demoEvent(): { app: Uketsuke; file: string } {
  if (demo) return demo;
  const file = tmpFile('bench-demo.db');
  const app = Uketsuke.open(file);
  buildDemo(app);
  demo = { app, file };
  return demo;
}

/** A registration export of n delegates as CSV (UTF-8 or Shift_JIS), made from the demo generator. */
function registrationCsv(n: number, encoding: 'utf-8' | 'shift_jis'): Buffer {
  const head = 'Last name,First name,姓,名,セイ,メイ,Organisation,Country,Region,Email,Role,Ticket';
  const lines = generateDelegates(n, 7).map(({ fields: f }) =>
    [f.familyName, f.givenName, f.familyNameKanji ?? '', f.givenNameKanji ?? '', f.familyNameKana ?? '', f.givenNameKana ?? '', f.organisation ?? '', f.country ?? '', f.region ?? '', f.email ?? '', f.role ?? '', f.externalCode ?? '']
      .map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
      .join(','),
  );
  const text = [head, ...lines].join('\r\n');
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'cp932');
}

/** Peak RSS while fn runs (sampled every 10 ms, and at the end). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRssMiB: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

/** One import of n rows as the app does it (file read in the import worker, the one apply path), end to end. */
async function importOnce(n: number, encoding: 'utf-8' | 'shift_jis'): Promise<Result> {
  const csv = registrationCsv(n, encoding);
  const file = tmpFile(`import-${n}.db`);
  const app = Uketsuke.open(file);
  app.event.create(demoEventSpec());
  // The worker is started by a first preview, as the import screen does before the import is confirmed.
  await app.importer.preview('registrations.csv', csv.subarray(0, 4096));
  global.gc?.();
  const c0 = process.cpuUsage();
  const t = performance.now();
  const { value: report, peakRssMiB } = await withPeakRss(() => app.importer.run('registrations.csv', csv));
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  const walBytes = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
  const dbBytes = fs.statSync(file).size;
  app.close();
  if (report.imported !== n) throw new Error(`imported ${report.imported} of ${n}: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  return { rows: n, encoding, ms: Math.round(ms), cpuMs: Math.round((c.user + c.system) / 1000), peakRssMiB, bytes: csv.length, dbBytes, walBytes, load: os.loadavg().map((l) => Number(l.toFixed(2))) };
}

async function importBench(n: number): Promise<Result> {
  const utf8 = await importOnce(n, 'utf-8');
  const sjis = await importOnce(n, 'shift_jis');
  return { ...utf8, shiftJisMs: sjis.ms, shiftJisBytes: sjis.bytes };
}

/**
 * The floor for import_50k, in the same run: the same file decoded and parsed by the product's reader, then the
 * essential writes on the product's schema (one insert per delegate with its badge and search columns, one log row
 * each, 1,000-row transactions, the search index built once) without the product's checks and entries.
 */
async function limitImport(n: number): Promise<Result> {
  const csv = registrationCsv(n, 'utf-8');
  const app = Uketsuke.open(tmpFile(`limit-${n}.db`));
  app.event.create(demoEventSpec());
  const { INLINE_READER } = await import('../electron/services/people/import/read-job.js');
  const { searchColumnsFor } = await import('../electron/services/model/search-columns.js');
  const t = performance.now();
  const { value: rows, peakRssMiB } = await withPeakRss(async () => {
    const { file } = await INLINE_READER.rows('r.csv', csv);
    const db = app.db;
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_deferred', '1')").run();
    const ins = db.prepare(`INSERT INTO delegate (id, event_id, badge_no, family_name, given_name, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,
      organisation, country, region, email, role, external_code, status, search_text, search_keys, sort_key, field_hlc, hlc, created_at, updated_at)
      VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'delegate', ?, 'active', ?, ?, ?, '{}', 'h', 'now', 'now')`);
    const badge = db.prepare('INSERT INTO badge (badge_no, delegate_id, hlc) VALUES (?, ?, ?)');
    const log = db.prepare("INSERT INTO change_log (entry_id, device_id, device_seq, hlc, type, payload) VALUES (?, 'limit', ?, 'h', 'delegate.upserted', ?)");
    const recs = file.records;
    for (let i = 0; i < recs.length; i += 1000) {
      db.transaction(() => {
        for (let k = i; k < Math.min(i + 1000, recs.length); k++) {
          const c = recs[k]!.cells;
          const id = `lim${k}`;
          const r = { id, badge_no: k + 1, badge_issue: 1, family_name: c[0] ?? '', given_name: c[1] ?? '', family_name_kanji: c[2] || null, given_name_kanji: c[3] || null, family_name_kana: c[4] || null, given_name_kana: c[5] || null, organisation: c[6] || null, country: c[7] || null, region: c[8] || null, email: c[9]?.toLowerCase() || null, role: 'delegate' as const, external_code: c[11] || null, status: 'active' as const, flags: '', ticket_type: null };
          const s = searchColumnsFor(r);
          ins.run(id, k + 1, r.family_name, r.given_name, r.family_name_kanji, r.given_name_kanji, r.family_name_kana, r.given_name_kana, r.organisation, r.country, r.region, r.email, r.external_code, s.search_text, s.search_keys, s.sort_key);
          badge.run(k + 1, id, 'h');
          log.run(`limit-${k}`, k + 1, JSON.stringify(r));
        }
      }).immediate();
    }
    db.exec(`INSERT INTO delegate_fts(delegate_fts) VALUES ('rebuild'); INSERT INTO delegate_words(delegate_words) VALUES ('rebuild'); INSERT INTO delegate_keys(delegate_keys) VALUES ('rebuild');`);
    db.prepare("DELETE FROM meta WHERE key = 'fts_deferred'").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return recs.length;
  });
  const ms = performance.now() - t;
  app.close();
  return { rows, ms: Math.round(ms), peakRssMiB, load: os.loadavg().map((l) => Number(l.toFixed(2))) };
}

// The original query mix (top-level p50/p95/p99, comparable across versions), then the three kinds of desk query
// separately: names typed right, names being typed (prefixes), and names typed wrong (the forgiving levels); then by
// what is typed: kanji, kana, romaji, accented Latin, one or two characters, and codes (registration code, email,
// a badge QR read by a scanner into the search field).
const SEARCH_QUERIES = {
  all: ['m', 'ta', 'mul', 'tak', 'ngu', 'kwame', 'takahashi', 'タカハシ', '髙橋', 'obriain', 'lindqvist', 'gifu', 'kondou', 'siobhan', 'xx', 'zzzq', 'EJRC-2027-004242', 'schœnberger'],
  exact: ['takahashi', 'タカハシ', '髙橋', 'obriain', 'lindqvist', 'kwame mensah', 'siobhan', 'kondou', 'schœnberger', 'EJRC-2027-004242', 'gifu', 'misaki.takahashi@iwate'],
  prefix: ['m', 'ta', 'mul', 'tak', 'ngu', 'xx', 'yama', 'lindq', 'o s', 'van d', 'kondo y', 'ﾀｶ'],
  fuzzy: ['yamasaki', 'takahsahi', 'lindquist', 'simizu misaki', "o'brien", 'sioban', 'hoffmmann', 'kwame mensha', 'gonsalves', 'tiba syota', 'teresa cerny', 'zzzq'],
  kanji: ['髙橋', '高', '林', '山田', '岐阜', '高橋美咲', '山﨑 健太'],
  kana: ['タカハシ', 'たかはし', 'ﾀｶ', 'た', 'さと', 'やまさき', 'ヤマ'],
  romaji: ['takahashi', 'kondou', 'yamasaki', 'simizu misaki', 'tiba syota', 'gifu', 'tak', 'yama', 'sato'],
  diacritics: ['müller', 'schœnberger', 'josé', 'Ó Súilleabháin', 'kučera', 'é', 'mü', 'łukasz'],
  short: ['m', 'k', 'ta', 'sa', 'xx', 'o s', 'li', 'ng', 'ab', 'ej'],
} as const;

function searchBench(app: Uketsuke): Result {
  const time = (queries: readonly string[]) => {
    for (const q of queries) app.delegates.search(q, 20);
    const samples: number[] = [];
    for (let round = 0; round < 100; round++) {
      for (const q of queries) {
        const t = performance.now();
        app.delegates.search(q, 20);
        samples.push(performance.now() - t);
      }
    }
    return percentiles(samples);
  };
  // A delegate's badge QR as a scanner types it, their registration code and their email.
  const someone = app.db.prepare("SELECT * FROM delegate WHERE status = 'active' AND email IS NOT NULL ORDER BY rowid LIMIT 1 OFFSET 4242").get() as DelegateRow;
  const codes = [app.delegates.tokenFor(someone)!, someone.external_code ?? 'EJRC-2027-004242', someone.email!, String(someone.badge_no)];
  const all = time(SEARCH_QUERIES.all);
  const kinds = Object.fromEntries(Object.entries(SEARCH_QUERIES).filter(([k]) => k !== 'all').map(([k, qs]) => [k, time(qs)]));
  return { ...all, queries: SEARCH_QUERIES.all.length, limit: 20, ...kinds, codes: time(codes) };
}

/**
 * The attendance report on an event after its three days: built as the app builds it (worker thread, own read-only
 * connection), while this thread keeps answering scans; the scan latency during the build is part of the result.
 */
async function reportBench(delegates: number, crowdPercent: number, runs: number): Promise<Result> {
  const file = tmpFile(`report-${delegates}.db`);
  let app: Uketsuke;
  if (delegates === 50_000) {
    // The shared 50k event (with its 200k history scans), copied so the crowd does not change other benchmarks.
    const big = bigEvent().app;
    big.db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(big.db.name, file);
    app = Uketsuke.open(file);
  } else {
    app = Uketsuke.open(file);
    buildDemo(app, { delegates, rehearsal: true });
  }
  const crowd = admitCrowd(app.db, crowdPercent);
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  const scans = app.db.prepare('SELECT count(*) FROM scan').pluck().get() as number;
  const tokens: string[] = [];
  for (let no = 1; no <= delegates; no += 97) tokens.push(app.event.tokens().issue({ badgeNo: no, issue: 1 }));
  const cps = app.event.checkpointRows().map((c) => c.id);
  await app.reports.run({ kind: 'attendance', format: 'pdf', lang: 'en', now: app.core.nowIso() }); // worker start, fonts parsed
  const samples: number[] = [];
  const cpu: number[] = [];
  const during: number[] = [];
  const lag: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < runs; i++) {
    let building = true;
    const t = performance.now();
    // Process CPU (the worker's included): on a shared, loaded machine the wall time says more about the neighbours.
    const c0 = process.cpuUsage();
    const pending = app.reports.run({ kind: 'attendance', format: 'pdf', lang: i % 2 ? 'ja' : 'en', now: app.core.nowIso() }).finally(() => (building = false));
    // A door scanning every 5 ms meanwhile: each verdict timed around the call (process.hrtime), and apart from it
    // how late the event loop woke for it (the timer's own jitter included).
    let k = i * 1000;
    while (building) {
      const asked = performance.now();
      await new Promise((r) => setTimeout(r, 5));
      lag.push(performance.now() - asked - 5);
      const t0 = process.hrtime.bigint();
      app.checkin.scan(cps[k % cps.length]!, tokens[k++ % tokens.length]!);
      during.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    pdfBytes = (await pending).data.length;
    samples.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  // For contrast, once: the same report built on the scanning thread, and the worst scan wait meanwhile.
  let inlineScanMaxMs: number | undefined;
  if (delegates === 50_000) {
    app.reports.inline = true;
    let building = true;
    const pending = app.reports.run({ kind: 'attendance', format: 'pdf', lang: 'en', now: app.core.nowIso() }).finally(() => (building = false));
    let worst = 0;
    for (let k = 0; building; k++) {
      const asked = performance.now();
      await new Promise((r) => setTimeout(r, 5));
      app.checkin.scan(cps[k % cps.length]!, tokens[k % tokens.length]!);
      worst = Math.max(worst, performance.now() - asked - 5);
    }
    await pending;
    app.reports.inline = false;
    inlineScanMaxMs = Math.round(worst);
  }
  const once = async (format: 'csv' | 'xlsx') => {
    const t = performance.now();
    await app.reports.run({ kind: 'attendance', format, lang: 'en', now: app.core.nowIso() });
    return Math.round(performance.now() - t);
  };
  const csvMs = await once('csv');
  const xlsxMs = await once('xlsx');
  // The live dashboard, refreshed between scans (its first refresh reads the history once).
  let t = performance.now();
  app.dashboard.view();
  const dashboardFirstMs = Math.round(performance.now() - t);
  const refresh: number[] = [];
  for (let i = 0; i < 200; i++) {
    for (let j = 0; j < 5; j++) app.checkin.scan(cps[(i + j) % cps.length]!, tokens[(i * 5 + j) % tokens.length]!);
    t = performance.now();
    app.dashboard.view();
    refresh.push(performance.now() - t);
  }
  app.close();
  const p = percentiles(during);
  return {
    ...percentiles(samples),
    cpuMs: percentiles(cpu),
    delegates,
    scans,
    admissions: crowd.admissions,
    pdfBytes,
    csvMs,
    xlsxMs,
    scanDuringReport: { p50: p.p50, p99: p.p99, p999: tail999(during), max: Number(Math.max(...during).toFixed(2)), n: p.n, loopLag: { ...percentiles(lag), max: Number(Math.max(...lag).toFixed(2)) } },
    ...(inlineScanMaxMs === undefined ? {} : { scanMaxIfBuiltOnScanThreadMs: inlineScanMaxMs }),
    dashboard: { ...percentiles(refresh), firstMs: dashboardFirstMs },
  };
}

const benches: Record<string, () => Result | Promise<Result>> = {
  async report_attendance() {
    const at50k = await reportBench(50_000, 82, 5);
    // The issue's reference size: 10,000 delegates and about 50,000 scans.
    const at10k = await reportBench(10_000, 45, 5);
    return { ...at50k, note: 'attendance PDF in the report worker, 50k delegates; scanDuringReport: a scan every 5 ms meanwhile, ms around the call (loopLag: how late the loop woke for it)', at10k };
  },
  import_10k: () => importBench(10_000),
  import_50k: () => importOnce(50_000, 'utf-8'),
  import_50k_sjis: () => importOnce(50_000, 'shift_jis'),
  import_100k: () => importOnce(100_000, 'utf-8'),
  limit_import_50k: () => limitImport(50_000),
  async kiosk_flow() {
    const { kioskFlow } = await import('./kiosk.js');
    return kioskFlow();
  },
  async camera_to_verdict() {
    const { cameraToVerdict } = await import('./camera.js');
    return cameraToVerdict();
  },
  async badge_cold() {
    // Process start → PDF written, as the CLI does it, beside limit_badge_cold (interleaved, same run).
    const { badgeCold, cleanCopy } = await import('./startup.js');
    const file = cleanCopy(demoEvent().file, tmpFile('cold-400.db'));
    const r = badgeCold(file, 'misaki.takahashi@iwate.example.jp', tmpFile('cold.pdf'), 9, percentiles);
    results.limit_badge_cold = { ...r.limit, note: 'bench/limit-badge-cold.mjs: same fonts, token, QR, file; no integrity check, no app' };
    return { ...r.product, delegates: 400, ratioP50: r.ratioP50, cpuRatioP50: r.cpuRatioP50, note: 'node process start to PDF on disk (includes Node start-up)' };
  },
  async badge_cold_50k() {
    const { badgeCold, cleanCopy } = await import('./startup.js');
    const { app } = bigEvent();
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = cleanCopy(app.db.name, tmpFile('cold-50k.db'));
    const email = app.db.prepare('SELECT email FROM delegate WHERE email IS NOT NULL ORDER BY rowid LIMIT 1 OFFSET 4242').pluck().get() as string;
    const r = badgeCold(file, email, tmpFile('cold.pdf'), 9, percentiles);
    return { ...r.product, delegates: 50_000, limit: r.limit, ratioP50: r.ratioP50, cpuRatioP50: r.cpuRatioP50 };
  },
  async cli_start_50k() {
    const { cliStart, cleanCopy } = await import('./startup.js');
    const { app } = bigEvent();
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    return { ...cliStart(cleanCopy(app.db.name, tmpFile('cli-50k.db')), 9, percentiles), delegates: 50_000 };
  },
  async web_first_page_50k() {
    const { webFirstPage, cleanCopy } = await import('./startup.js');
    const { app } = bigEvent();
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    return { ...(await webFirstPage(cleanCopy(app.db.name, tmpFile('web-50k.db')), 7, percentiles)), delegates: 50_000 };
  },
  async badge_warm() {
    const { app } = demoEvent();
    const people = ['misaki.takahashi@iwate.example.jp', 'zofia.muller-lukasiewicz@mazovia.example.pl', 'huong.nguyen@vn.example.vn', 'maximiliane.schoenberger@bw-cluster.example.de'];
    for (const p of people) await app.badges.pdf(p, { size: 'a6' });
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await app.badges.pdf(people[i % people.length]!, { size: 'a6' });
      samples.push(performance.now() - t);
    }
    return { ...percentiles(samples), size: 'a6', mix: 'Japanese, Polish, Vietnamese, very long German' };
  },
  async badge_batch_1000() {
    const { app } = demoEvent();
    const rows = app.badges.select({});
    const data = Array.from({ length: 1000 }, (_, i) => app.badges.data.forDelegate(rows[i % rows.length]!, false));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t = performance.now();
    const { renderBadges } = await import('../electron/services/badges/render.js');
    const pdf = await renderBadges(data, { size: 'a6' });
    const ms = performance.now() - t;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms: Math.round(ms), badges: 1000, pdfMiB: Number((pdf.length / 1048576).toFixed(2)), peakRssMiB: Math.round(peak / 1048576) };
  },
  scan_verdict() {
    const { app, buildMs } = bigEvent();
    const cps = app.event.checkpointRows().map((c) => c.id);
    const tokens: string[] = [];
    for (let no = 1; no <= 50_000; no += 13) tokens.push(app.event.tokens().issue({ badgeNo: no, issue: 1 }));
    // Warm-up: prepared statements, key objects, page cache.
    for (let i = 0; i < 200; i++) app.checkin.scan(cps[i % cps.length]!, tokens[i % tokens.length]!);
    const samples: number[] = [];
    const verdicts: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const code = i % 50 === 0 ? `${tokens[i % tokens.length]!.slice(0, -1)}A` : tokens[(i * 31) % tokens.length]!;
      const t = performance.now();
      const r = app.checkin.scan(cps[i % cps.length]!, code);
      samples.push(performance.now() - t);
      verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
      // The app checkpoints the WAL when the scanner is idle; a bench pause stands in for that.
      if (i % 1000 === 999) app.db.pragma('wal_checkpoint(PASSIVE)');
    }
    const scans = (app.db.prepare('SELECT count(*) AS n FROM scan').get() as { n: number }).n;
    return { ...percentiles(samples), delegates: 50_000, earlierScans: 200_000, scansAfter: scans, verdicts, synchronous: 'NORMAL', setupMs: Math.round(buildMs) };
  },
  async limit_scan_verdict() {
    // The product's verdict and the minimal prototype in one run, interleaved call by call (bench/verdict.ts).
    const { verdictBeside } = await import('./verdict.js');
    const { app } = bigEvent();
    return { ...verdictBeside(app), delegates: 50_000, earlierScans: 200_000, synchronous: 'NORMAL', note: 'ms from process.hrtime around the call, one call per 1 ms slot of a steady loop; cpuUs per verdict' };
  },
  search() {
    const { app } = bigEvent();
    return { ...searchBench(app), delegates: 50_000 };
  },
  search_100k() {
    // Built for this key alone (a minute or more): the issue's target is p99 under 2 ms at 100,000 delegates.
    // UKETSUKE_BENCH_100K=FILE keeps the built event in FILE and reuses it (comparing versions of the search).
    const keep = process.env.UKETSUKE_BENCH_100K;
    const reuse = keep !== undefined && fs.existsSync(keep);
    const app = Uketsuke.open(keep ?? tmpFile('bench-100k.db'));
    try {
      if (!reuse) buildDemo(app, { delegates: 100_000, rehearsal: true });
      return { ...searchBench(app), delegates: 100_000 };
    } finally {
      app.close();
    }
  },
};

const { syncBenches, closeSyncRig } = await import('./sync.js');
Object.assign(benches, syncBenches);

const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const onlyValue = onlyArg?.includes('=') ? onlyArg.split('=')[1] : onlyArg ? process.argv[process.argv.indexOf(onlyArg) + 1] : undefined;
const selected = onlyValue ? onlyValue.split(',') : Object.keys(benches);
for (const k of selected) if (!benches[k]) throw new Error(`No benchmark named ${k}. Known: ${Object.keys(benches).join(', ')}`);

const outFile = path.resolve('bench/results.json');
const results: Record<string, Result> = fs.existsSync(outFile) ? (JSON.parse(fs.readFileSync(outFile, 'utf8')) as Record<string, Result>) : {};
// Each key is written the moment it finishes (through a temporary file, so an interrupted write never leaves half a
// file): one key that fails or a run stopped half-way never loses the keys already measured.
const save = () => {
  results._machine = { node: process.version, cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', at: new Date().toISOString() };
  fs.writeFileSync(`${outFile}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(`${outFile}.tmp`, outFile);
};
const failed: string[] = [];
for (const k of selected) {
  process.stderr.write(`bench ${k}…\n`);
  try {
    results[k] = await benches[k]!();
  } catch (e) {
    // The failure is the key's result: it replaces an older figure, which no longer describes this code.
    results[k] = { failed: e instanceof Error ? e.message : String(e), at: new Date().toISOString() };
    failed.push(k);
  }
  process.stderr.write(`  ${JSON.stringify(results[k])}\n`);
  save();
}
closeBigEvent();
await closeSyncRig();
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
if (failed.length) {
  process.stderr.write(`bench: ${failed.join(', ')} failed\n`);
  process.exitCode = 1;
}
