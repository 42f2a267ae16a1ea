// The badge print queue: each job's state is visible (queued, printing, done, failed with the reason), a failed
// job can be retried, and the queue survives printer errors. Jobs live in the event database, so a restart shows
// them too. Printing is slow (a label printer manages a few badges a minute), so it runs beside the Api, never in it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintJob, PrinterInfo } from '../../api/contract.js';
import { newId, ServiceError, type Core } from '../core.js';
import type { BadgeService } from '../badges/badge-service.js';
import { STOCK, type BadgeSize } from '../badges/sizes.js';
import type { Delegates } from '../people/delegates.js';
import type { Printer, PrinterDirectory } from './printer.js';
import { printErrorText, printJobError } from './job-error.js';

interface JobRow {
  id: string;
  delegate_id: string;
  badge_issue: number;
  printer: string;
  size: BadgeSize;
  back: number;
  status: PrintJob['status'];
  error: string | null;
  system_ref: string | null;
  attempts: number;
  file: string | null;
  created_at: string;
  updated_at: string;
  device_id: string;
  delegate_name: string;
  family_name: string;
  given_name: string;
  family_name_kanji: string | null;
  given_name_kanji: string | null;
}

export interface PrintQueueOptions {
  spoolDir: string;
  pollMs?: number;
  timeoutMs?: number;
}

export class PrintQueue {
  private printers = new Map<string, Printer>();
  private running = new Map<string, Promise<void>>();
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly core: Core,
    private readonly badges: BadgeService,
    private readonly delegates: Delegates,
    private readonly directories: PrinterDirectory[],
    private readonly opts: PrintQueueOptions,
  ) {
    this.sweepStale();
  }

  /**
   * Jobs left queued or printing by a process that stopped cannot be followed any more: say so, so staff see them
   * and can retry. Only jobs older than the print timeout: a live process (this one or another on the same file)
   * finishes or times out its own jobs before that.
   */
  private sweepStale(): void {
    if (this.core.db.readonly) return;
    const cutoff = new Date(this.core.nowMs() - this.timeoutMs()).toISOString();
    const stale = this.core.db
      .prepare("SELECT id FROM print_job WHERE device_id = ? AND status IN ('queued', 'printing') AND updated_at < ?")
      .pluck()
      .all(this.core.deviceId, cutoff) as string[];
    for (const id of stale) {
      this.update(id, { status: 'failed', error: printErrorText.interrupted() });
    }
  }

  private timeoutMs(): number {
    return this.opts.timeoutMs ?? 120_000;
  }

  /** Asks the operating system which printers exist; the Api answers from the last answer. */
  refreshPrinters(): Promise<void> {
    this.refreshing ??= Promise.all(this.directories.map((d) => d.list()))
      .then((lists) => {
        this.printers = new Map(lists.flat().map((p) => [p.id, p]));
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** The printers known from the last look (hosts look at start-up); each call also starts a fresh look. */
  listPrinters(): PrinterInfo[] {
    void this.refreshPrinters();
    return [...this.printers.values()].map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  }

  /** Queues a badge for printing. Logged now; printed in the background. */
  enqueue(input: { delegateId: string; printer: string; size: BadgeSize; back: boolean }): PrintJob {
    if (!this.printers.has(input.printer)) throw new ServiceError('not_found', `No printer ${input.printer}. Choose one of this station's printers.`, { key: 'no_such_printer', values: { printer: input.printer } });
    const d = this.delegates.get(input.delegateId);
    if (d.status !== 'active') throw new ServiceError('conflict', 'This registration was cancelled: no badge.', { key: 'cancelled_no_badge', values: {} });
    const id = newId('p');
    const now = this.core.nowIso();
    this.core.tx(() =>
      this.core.commit('print.job', {
        id,
        fields: {
          delegate_id: d.id, badge_issue: d.badge_issue, printer: input.printer, size: input.size, back: input.back ? 1 : 0, status: 'queued',
          error: null, system_ref: null, attempts: 0, file: null, created_at: now, device_id: this.core.deviceId,
        },
        at: now,
      }),
    );
    this.start(id);
    return this.get(id);
  }

  /** Tries a failed job again: same job, same badge issue, no second badge. */
  retry(jobId: string): PrintJob {
    const job = this.row(jobId);
    if (job.status !== 'failed') throw new ServiceError('conflict', 'Only a failed print can be retried.', { key: 'retry_only_failed', values: {} });
    if (job.device_id !== this.core.deviceId) throw new ServiceError('conflict', 'This badge was printed at another station: print it again from here instead.', { key: 'printed_elsewhere', values: {} });
    this.update(jobId, { status: 'queued', error: null });
    this.start(jobId);
    return this.get(jobId);
  }

  get(jobId: string): PrintJob {
    return toJob(this.row(jobId));
  }

  list(limit = 50): PrintJob[] {
    this.sweepStale();
    // This station's jobs: its printers, its queue (other stations' jobs are in the file too, for reports).
    return (this.core.db.prepare(`${SELECT_JOB} WHERE j.device_id = ? ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?`).all(this.core.deviceId, limit) as JobRow[]).map(toJob);
  }

  /** Resolves when every job started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private row(jobId: string): JobRow {
    const r = this.core.db.prepare(`${SELECT_JOB} WHERE j.id = ?`).get(jobId) as JobRow | undefined;
    if (!r) throw new ServiceError('not_found', `No print job ${jobId}.`, { key: 'no_print_job', values: { job: jobId } });
    return r;
  }

  /** Each state a job reaches is a change other stations see (a badge printed at desk 2 shows at desk 1). */
  private update(jobId: string, set: Partial<Pick<JobRow, 'status' | 'error' | 'system_ref' | 'attempts'>>): void {
    if (!this.core.db.open) return;
    // Every entry names its station, so a receiver can tell a job's own outcome from a forged one in any order.
    this.core.tx(() => this.core.commit('print.job', { id: jobId, fields: { ...set, device_id: this.core.deviceId }, at: this.core.nowIso() }));
  }

  private start(jobId: string): void {
    if (this.running.has(jobId)) return;
    const p = this.process(jobId)
      .catch((e: unknown) => this.update(jobId, { status: 'failed', error: e instanceof Error ? e.message : String(e) }))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, p);
  }

  private async process(jobId: string): Promise<void> {
    const job = this.row(jobId);
    const printer = this.printers.get(job.printer);
    if (!printer) throw new Error(printErrorText.printerGone(job.printer));
    this.update(jobId, { status: 'printing', attempts: job.attempts + 1, error: null });
    // Always the station's own rendering of the badge as issued when the job was queued (a retry after a reprint
    // elsewhere still prints this issue), into its own spool folder. Never a path from the job: its fields are
    // synced, and a forged `print.job` naming a local file would otherwise make Retry print that file (issue 23, 9).
    const data = this.badges.data.forDelegate({ ...this.delegates.get(job.delegate_id), badge_issue: job.badge_issue }, job.back === 1);
    const pdf = await this.badges.render([data], { size: job.size, back: job.back === 1 });
    fs.mkdirSync(this.opts.spoolDir, { recursive: true });
    const file = spoolFile(this.opts.spoolDir, jobId);
    fs.writeFileSync(file, pdf);
    const ref = await printer.submit({ file, media: STOCK[job.size].media, title: `Badge ${job.delegate_name} ${jobId}`, duplex: job.back === 1 });
    this.update(jobId, { system_ref: ref });
    const deadline = Date.now() + this.timeoutMs();
    for (;;) {
      const s = await printer.poll(ref);
      if (s.state === 'done') return this.update(jobId, { status: 'done' });
      if (s.state === 'failed') {
        await printer.cancel(ref);
        return this.update(jobId, { status: 'failed', error: s.reason });
      }
      if (Date.now() > deadline) {
        await printer.cancel(ref);
        return this.update(jobId, { status: 'failed', error: printErrorText.timeout() });
      }
      await new Promise((r) => setTimeout(r, this.opts.pollMs ?? 500));
    }
  }
}

/** The spool file of a job: the id is synced text, so it names a file inside the spool folder only. */
export function spoolFile(spoolDir: string, jobId: string): string {
  const safe = /^[\w-]{1,100}$/.test(jobId) ? jobId : createHash('sha256').update(jobId).digest('hex');
  return path.join(spoolDir, `${safe}.pdf`);
}

const SELECT_JOB = `SELECT j.*, d.given_name || ' ' || d.family_name AS delegate_name, d.family_name, d.given_name, d.family_name_kanji, d.given_name_kanji
  FROM print_job j JOIN delegate d ON d.id = j.delegate_id`;

function toJob(r: JobRow): PrintJob {
  return {
    id: r.id,
    delegateId: r.delegate_id,
    delegateName: r.delegate_name,
    person: { familyName: r.family_name, givenName: r.given_name, familyNameKanji: r.family_name_kanji, givenNameKanji: r.given_name_kanji },
    badgeIssue: r.badge_issue,
    printer: r.printer,
    size: r.size,
    status: r.status,
    error: r.error,
    errorCode: printJobError(r.error),
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
