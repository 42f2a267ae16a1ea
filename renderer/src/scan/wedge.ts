// USB keyboard-wedge scanners "type" a code much faster than a person. A scan ends with Enter on most models;
// some send no Enter at all (pretixscan-desktop #4), so a fast burst followed by a pause counts as a scan too.
// Timing is judged on the average gap, not every gap: a busy machine can delay one key event now and then.

export interface WedgeOptions {
  /** Average gap between keystrokes of a scanner burst. */
  maxAvgGapMs: number;
  /** Shortest code a scanner sends. */
  minLength: number;
  /** Pause after a fast burst that ends a scan without Enter. */
  idleMs: number;
  /** A pause this long starts a new code: whatever came before was stray keys. */
  resetMs: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxAvgGapMs: 40, minLength: 6, idleMs: 300, resetMs: 1500 };

export class WedgeDetector {
  private buffer = '';
  private first = 0;
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly opts: WedgeOptions = DEFAULT_WEDGE,
  ) {}

  /** Feed one keydown. Returns true when the key was taken as part of a code. */
  key(key: string, time: number): boolean {
    if (key === 'Enter') {
      const code = this.buffer;
      this.reset();
      if (code.length >= this.opts.minLength) {
        this.onScan(code);
        return true;
      }
      return false;
    }
    if (key.length !== 1) return false;
    if (!this.buffer || time - this.last > this.opts.resetMs) {
      this.buffer = '';
      this.first = time;
    }
    this.buffer += key;
    this.last = time;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushIdle(), this.opts.idleMs);
    return true;
  }

  private flushIdle(): void {
    const code = this.buffer;
    const avgGap = code.length > 1 ? (this.last - this.first) / (code.length - 1) : Infinity;
    this.reset();
    // Without Enter, only a fast burst is a scan; a person's typing is left alone.
    if (code.length >= this.opts.minLength && avgGap <= this.opts.maxAvgGapMs) this.onScan(code);
  }

  reset(): void {
    this.buffer = '';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Cheap scanners read one badge twice; a camera reads it on every frame. One code counts once per window. */
export class Debouncer {
  private lastCode = '';
  private lastAt = -Infinity;

  constructor(private readonly windowMs = 2500) {}

  accept(code: string, now: number): boolean {
    if (code === this.lastCode && now - this.lastAt < this.windowMs) return false;
    this.lastCode = code;
    this.lastAt = now;
    return true;
  }
}
