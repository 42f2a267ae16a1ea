// Hybrid logical clock: wall time in ms, a counter for events within one ms, and the device id as tie-break.
// Serialised so that string order is clock order: "<ms:13 digits>-<counter:4 hex>-<device>".

export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

/** Remote clocks further ahead than this are refused: a kiosk with a wrong clock must be fixed, not trusted. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export class ClockDriftError extends Error {
  constructor(readonly driftMs: number) {
    super(`Clock differs from a peer by ${Math.round(driftMs / 1000)} s; check this device's date and time.`);
  }
}

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(13, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.device}`;
}

export function parseHlc(s: string): Hlc {
  const m = /^(\d{13})-([0-9a-f]{4})-(.+)$/.exec(s);
  if (!m) throw new Error(`Malformed clock value: ${s.slice(0, 40)}`);
  return { ms: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! };
}

export class HybridClock {
  private last: Hlc;

  constructor(device: string, last: string | null, private readonly now: () => number = Date.now) {
    this.last = last ? parseHlc(last) : { ms: 0, counter: 0, device };
    this.last.device = device;
  }

  /** A timestamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0, device: this.last.device };
    else this.last = { ...this.last, counter: this.last.counter + 1 };
    return formatHlc(this.last);
  }

  /** Merges a clock seen in a peer's entry so our next tick orders after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.now();
    if (r.ms - wall > MAX_DRIFT_MS) throw new ClockDriftError(r.ms - wall);
    const ms = Math.max(wall, this.last.ms, r.ms);
    let counter = 0;
    if (ms === this.last.ms && ms === r.ms) counter = Math.max(this.last.counter, r.counter) + 1;
    else if (ms === this.last.ms) counter = this.last.counter + 1;
    else if (ms === r.ms) counter = r.counter + 1;
    this.last = { ms, counter, device: this.last.device };
  }

  current(): string {
    return formatHlc(this.last);
  }
}
