// USB keyboard-wedge scanners "type" a code much faster than a person. A scan ends with Enter on most models;
// some send no Enter at all (pretixscan-desktop #4), so a fast burst followed by a pause counts as a scan too.

export interface WedgeOptions {
  /** Longest gap between two keystrokes of one scan. */
  maxGapMs: number;
  /** Shortest code a scanner sends. */
  minLength: number;
  /** Pause after a fast burst that ends a scan without Enter. */
  idleMs: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 60, minLength: 6, idleMs: 150 };

export class WedgeDetector {
  private buffer = '';
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly opts: WedgeOptions = DEFAULT_WEDGE,
  ) {}

  /** Feed one keydown. Returns true when the key was part of a scan. */
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
    if (this.buffer && time - this.last > this.opts.maxGapMs) this.buffer = '';
    this.buffer += key;
    this.last = time;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushIdle(), this.opts.idleMs);
    return true;
  }

  private flushIdle(): void {
    const code = this.buffer;
    this.reset();
    if (code.length >= this.opts.minLength) this.onScan(code);
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
