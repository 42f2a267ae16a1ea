// The integrity check on a schedule, in the background: the open no longer reads every page of a file that was
// closed cleanly (db/clean-close.ts), so a running app checks its file on the report worker's thread instead — first
// a while after start, then every few hours — while scans go on. A damaged file stops the automatic backups (a
// damaged copy must never rotate the last good ones out) and is reported once; the next start refuses it with the
// way back (db/open.ts checks it, the marker being gone while the app runs).
export interface IntegrityScheduleOptions {
  /** First check this long after start (default 10 minutes); 0 turns the schedule off. */
  firstMs?: number;
  /** Then every this often (default 6 hours). */
  everyMs?: number;
}

export class IntegritySchedule {
  private timer: NodeJS.Timeout | null = null;
  /** What the last check found: null before the first one, [] for a sound file. */
  problems: string[] | null = null;

  constructor(
    private readonly check: () => Promise<string[] | null>,
    private readonly onDamaged: (problems: string[]) => void,
    private readonly opts: IntegrityScheduleOptions = {},
  ) {}

  start(): void {
    const first = this.opts.firstMs ?? 10 * 60_000;
    if (first <= 0 || this.timer) return;
    this.next(first);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Checks now (also what the timer runs); answers with what was found, null when no check could run here. */
  async runNow(): Promise<string[] | null> {
    const found = await this.check().catch(() => null);
    if (found === null) return null;
    const wasSound = this.problems === null || this.problems.length === 0;
    this.problems = found;
    if (found.length > 0 && wasSound) this.onDamaged(found);
    return found;
  }

  private next(ms: number): void {
    this.timer = setTimeout(() => {
      void this.runNow().finally(() => {
        if (this.timer) this.next(this.opts.everyMs ?? 6 * 60 * 60_000);
      });
    }, ms);
    this.timer.unref();
  }
}
