// Runs report jobs (build-report.ts builds one report): in a worker thread over the event file when one is
// available (the app, the web host; worker.ts is the thread), on this thread otherwise (the CLI, which does nothing
// else; an in-memory database). Jobs carry progress for the screen's progress bar and are forgotten once their file
// has been collected.
import type { Worker } from 'node:worker_threads';
import { findWorkerScript, startWorker, type WorkerScript } from '../worker-script.js';
import type { FileDownload, ReportJob } from '../../api/contract.js';
import type { Db } from '../../../db/open.js';
import { newId, ServiceError } from '../core.js';
import type { ReportFile, ReportRequest } from './build-report.js';

export interface WorkerRequest {
  id: number;
  file: string;
  req: ReportRequest;
}

/** The scheduled integrity check (services/integrity-schedule.ts): the same reading thread, its own connection. */
export interface IntegrityRequest {
  id: number;
  file: string;
  integrity: true;
}

export type WorkerReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; fileName: string; mime: string; data: Uint8Array }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'integrity'; problems: string[] };

/** A finished job nobody collects is dropped after this long. */
const KEEP_MS = 10 * 60_000;

/** The worker's script next to this module: the TypeScript source (tests, tsx), or the bundle's own entry. */
function workerScript(): WorkerScript | null {
  return findWorkerScript(import.meta.url, 'worker.ts', 'report-worker');
}

export class ReportRunner {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, { req: ReportRequest; resolve: (f: ReportFile) => void; reject: (e: Error) => void; progress?: (done: number, total: number) => void }>();
  private readonly checks = new Map<number, (problems: string[] | null) => void>();
  /** Set when a worker could not start here (an installation without its script, a packaging that hides it). */
  private workerUnavailable = false;
  private readonly jobs = new Map<string, ReportJob & { finishedAt: number | null }>();

  constructor(
    private readonly db: Db,
    /** The event file; null for an in-memory database (reports are then built on this thread). */
    private readonly file: string | null,
    /** Build on this thread: for a process that does nothing else meanwhile (the CLI), a worker only adds its start. */
    public inline = false,
    /** The worker's script; found next to this module unless given (tests give a broken one). */
    private readonly script: WorkerScript | null = workerScript(),
  ) {}

  /** True once reports are being built in a worker thread (false: on this thread). */
  get threaded(): boolean {
    return this.worker !== null;
  }

  /** Builds a report and answers with the file. */
  async run(req: ReportRequest, progress?: (done: number, total: number) => void): Promise<ReportFile> {
    const worker = this.inline || !this.file || this.workerUnavailable ? null : this.ensureWorker();
    if (!worker || !this.file) return this.here(req, progress);
    const id = ++this.seq;
    const done = new Promise<ReportFile>((resolve, reject) => this.pending.set(id, { req, resolve, reject, progress }));
    worker.ref();
    worker.postMessage({ id, file: this.file, req } satisfies WorkerRequest);
    try {
      return await done;
    } finally {
      if (this.pending.size === 0) this.worker?.unref();
    }
  }

  /**
   * SQLite's quick_check of the event file on the worker thread (every page read, scans answered meanwhile); null
   * where there is no worker (an in-memory database, an installation without it): the check is then left to the next
   * open, or when the worker stopped.
   */
  async checkIntegrity(): Promise<string[] | null> {
    const worker = !this.file || this.workerUnavailable ? null : this.ensureWorker();
    if (!worker || !this.file) return null;
    const id = ++this.seq;
    const done = new Promise<string[] | null>((resolve) => this.checks.set(id, resolve));
    worker.postMessage({ id, file: this.file, integrity: true } satisfies IntegrityRequest);
    return done;
  }

  private async here(req: ReportRequest, progress?: (done: number, total: number) => void): Promise<ReportFile> {
    const { buildReport } = await import('./build-report.js');
    return buildReport(this.db, req, progress);
  }

  start(req: ReportRequest): ReportJob {
    this.sweep();
    const job: ReportJob & { finishedAt: number | null } = { id: newId('rep'), kind: req.kind, format: req.format, state: 'running', done: 0, total: 0, file: null, error: null, finishedAt: null };
    this.jobs.set(job.id, job);
    this.run(req, (done, total) => Object.assign(job, { done, total })).then(
      (f) => Object.assign(job, { state: 'done', file: toDownload(f), done: job.total || 1, total: job.total || 1, finishedAt: Date.now() }),
      (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e), finishedAt: Date.now() }),
    );
    return view(job);
  }

  status(jobId: string): ReportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new ServiceError('not_found', `No report job ${jobId} (finished reports are kept until collected, or ten minutes).`);
    if (job.state !== 'running') this.jobs.delete(jobId);
    return view(job);
  }

  close(): void {
    this.sweep();
    if (this.worker) void this.worker.terminate();
    this.worker = null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    const script = this.script;
    if (!script) return null;
    const worker = startWorker(script);
    worker.on('message', (r: WorkerReply) => {
      if (r.type === 'integrity') {
        this.checks.get(r.id)?.(r.problems);
        this.checks.delete(r.id);
        return;
      }
      const p = this.pending.get(r.id);
      if (!p) return;
      if (r.type === 'progress') return p.progress?.(r.done, r.total);
      this.pending.delete(r.id);
      if (r.type === 'done') p.resolve({ fileName: r.fileName, mime: r.mime, data: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) });
      else p.reject(new ServiceError('conflict', r.message));
    });
    let answered = false;
    worker.once('message', () => (answered = true));
    const fail = (e: Error) => {
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const c of this.checks.values()) c(null); // a worker that stopped says nothing of the file
      this.checks.clear();
      this.worker = null;
      // A worker that never answered could not start here: build on this thread from now on rather than fail.
      if (!answered) this.workerUnavailable = true;
      for (const p of waiting) {
        if (answered) p.reject(e);
        else this.here(p.req, p.progress).then(p.resolve, p.reject);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The report worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}

export function toDownload(f: ReportFile): FileDownload {
  return { fileName: f.fileName, mime: f.mime, base64: f.data.toString('base64') };
}

function view(job: ReportJob & { finishedAt: number | null }): ReportJob {
  const { finishedAt: _, ...rest } = job;
  return { ...rest };
}
