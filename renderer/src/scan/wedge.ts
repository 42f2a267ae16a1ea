// USB keyboard-wedge scanners "type" a code. Most end it with Enter; some send no Enter at all (pretixscan-desktop
// #4). A busy machine (printing a badge, applying a sync) delivers the keys late and unevenly, so typing speed alone
// cannot tell a scanner from a person. What the keys are decides first:
//   - a badge token (U1 + base32, exactly its length) is a scan the moment its last key arrives, whatever the timing;
//   - a registration code of a shape the event knows is a scan at Enter or when the keys pause, whatever the timing;
//   - anything else is a scan at Enter, or without Enter only when it came fast (the average gap between keys);
//     keys that are still the beginning of a token or a known code wait for the rest instead.
// Keys typed before a token or a known code were stray and are dropped.
import { badgeTokenAtEnd, codeShape, knownCode, startsKnownCode, type CodeShape } from './shapes';

export interface WedgeOptions {
  /** Average gap between keystrokes of a scanner burst (codes of unknown shape). */
  maxAvgGapMs: number;
  /** Shortest code a scanner sends. */
  minLength: number;
  /** Pause after which keys without Enter are judged. */
  idleMs: number;
  /** A pause this long starts a new burst; an Enter this soon after a token is the scanner's own. */
  resetMs: number;
  /**
   * Only a badge token or a code of a known shape is a scan. For keys typed into a form field: there, Enter submits
   * what a person typed and a fast typist's email must stay text.
   */
  shapesOnly?: boolean;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxAvgGapMs: 40, minLength: 6, idleMs: 300, resetMs: 1500 };

/** Enough for a token or any registration code to be found at the end of what was typed. */
const TYPED_KEPT = 256;

export class WedgeDetector {
  /** Everything typed since the last scan, whatever the pauses (a known code may arrive slowly). */
  private typed = '';
  /** The keys since the last pause: what timing is judged on. */
  private burst = '';
  private first = 0;
  private last = 0;
  /** When the last key of a scan taken without Enter came: an Enter soon after is the scanner's own. */
  private scannedAt: number | null = null;
  private shapes: CodeShape[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly opts: WedgeOptions = DEFAULT_WEDGE,
  ) {}

  /** The event's registration-code shapes (EventInfo.codeShapes). */
  setCodeShapes(shapes: readonly string[]): void {
    this.shapes = shapes.map(codeShape);
  }

  /** Feed one keydown. Returns true when the key was taken as part of a code. */
  key(key: string, time: number): boolean {
    if (key === 'Enter') return this.enter(time);
    if (key.length !== 1) return false;
    this.scannedAt = null;
    if (!this.burst || time - this.last > this.opts.resetMs) {
      this.burst = '';
      this.first = time;
    }
    this.burst += key;
    this.typed = (this.typed + key).slice(-TYPED_KEPT);
    this.last = time;
    const token = badgeTokenAtEnd(this.typed);
    if (token) {
      this.scanned(token);
      return true;
    }
    this.arm(this.opts.idleMs);
    return true;
  }

  private enter(time: number): boolean {
    // A scanner that ends codes with Enter sends it after a code that was already taken (a token, or a pause).
    if (this.scannedAt !== null && !this.typed) {
      const own = time - this.scannedAt <= this.opts.resetMs;
      this.scannedAt = null;
      if (own) return true;
    }
    const known = knownCode(this.burst, this.typed, this.shapes);
    const code = known ?? this.burst;
    this.clear();
    if (code.length < this.opts.minLength || (this.opts.shapesOnly && !known)) return false;
    this.onScan(code);
    return true;
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onPause(), ms);
  }

  private onPause(): void {
    this.timer = null;
    const known = knownCode(this.burst, this.typed, this.shapes);
    if (known) {
      this.scanned(known);
      return;
    }
    // The beginning of a token or a known code: the rest comes when the machine gets round to it.
    if (startsKnownCode(this.burst, this.shapes)) return;
    if (this.opts.shapesOnly) {
      this.burst = '';
      return;
    }
    const code = this.burst;
    const avgGap = code.length > 1 ? (this.last - this.first) / (code.length - 1) : Infinity;
    if (code.length >= this.opts.minLength && avgGap <= this.opts.maxAvgGapMs) {
      this.scanned(code);
      return;
    }
    // A person typing. What they typed stays in `typed`: it may be a known code still arriving.
    this.burst = '';
  }

  private scanned(code: string): void {
    this.clear();
    this.scannedAt = this.last;
    this.onScan(code);
  }

  private clear(): void {
    this.typed = '';
    this.burst = '';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  reset(): void {
    this.clear();
    this.scannedAt = null;
  }
}

/** A scanner's double read: the same code again this soon is the same scan. A person scanning again gets an answer. */
export const DOUBLE_READ_MS = 800;

/** Cheap scanners read one badge twice (pretix docs): one code counts once within a short window. */
export class Debouncer {
  private lastCode = '';
  private lastAt = -Infinity;

  constructor(private readonly windowMs = DOUBLE_READ_MS) {}

  accept(code: string, now: number): boolean {
    if (code === this.lastCode && now - this.lastAt < this.windowMs) return false;
    this.lastCode = code;
    this.lastAt = now;
    return true;
  }
}
