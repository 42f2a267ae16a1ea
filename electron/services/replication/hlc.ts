// Hybrid logical clock: wall time in ms, a counter for events within one ms, and the device id as tie-break.
// Serialised so that string order is clock order: "<ms:13 digits>-<counter:4 hex>-<device>".
// The physical part comes from the system clock only: a scan's business time (`scan --at`) is data, not the clock.

export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

/** A peer whose clock is ahead of ours by more than this is flagged (its entries are still accepted). */
export const MAX_SKEW_MS = 2 * 60 * 1000;
/** The counter is four hex digits; past it the clock moves to the next millisecond instead of overflowing. */
export const MAX_COUNTER = 0xffff;

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(13, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.device}`;
}

export function parseHlc(s: string): Hlc {
  // Stryker disable next-line Regex: equivalent — the greedy (.+) runs to the end, so the trailing $ changes nothing
  const m = /^(\d{13})-([0-9a-f]{4})-(.+)$/.exec(s);
  if (!m) throw new Error(`Malformed clock value: ${s.slice(0, 40)}`);
  return { ms: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! };
}

export class HybridClock {
  private last: Hlc;

  constructor(device: string, last: string | null, private readonly now: () => number = Date.now) {
    this.last = last ? { ...parseHlc(last), device } : { ms: 0, counter: 0, device };
  }

  get device(): string {
    return this.last.device;
  }

  /** A timestamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0, device: this.last.device };
    else this.last = next(this.last);
    return formatHlc(this.last);
  }

  /**
   * Merges a clock seen in a peer's entry (or persisted by another process on the same file) so our next tick
   * orders after it. A peer far ahead is clamped to our wall clock plus MAX_SKEW_MS, so one kiosk with a wrong date
   * cannot drag every device into the future; the skew is returned so it can be shown.
   */
  receive(remote: string): { skewMs: number } {
    const r = parseHlc(remote);
    const wall = this.now();
    const skewMs = Math.max(0, r.ms - wall);
    const rMs = Math.min(r.ms, wall + MAX_SKEW_MS);
    const rCounter = rMs === r.ms ? r.counter : 0;
    // Stryker disable next-line EqualityOperator: equivalent — on an equal counter the clock is set to the value it holds
    if (rMs > this.last.ms || (rMs === this.last.ms && rCounter > this.last.counter)) {
      this.last = { ms: rMs, counter: rCounter, device: this.last.device };
    }
    return { skewMs };
  }

  current(): string {
    return formatHlc(this.last);
  }
}

function next(h: Hlc): Hlc {
  return h.counter < MAX_COUNTER ? { ...h, counter: h.counter + 1 } : { ms: h.ms + 1, counter: 0, device: h.device };
}
