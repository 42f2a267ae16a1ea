// A camera decodes a held-up badge on every frame, for as long as it is held up. It is one scan: the same code counts
// again only once it has been out of view. "Out of view" is counted in frames without it as well as in time, so a
// busy machine whose frames come slowly does not make a badge that never moved look like a new scan.

export interface InViewOptions {
  /** Frames in a row without the code. */
  goneFrames: number;
  /** And at least this long since it was last seen. */
  goneMs: number;
}

export const DEFAULT_IN_VIEW: InViewOptions = { goneFrames: 6, goneMs: 1000 };

export class InView {
  private code: string | null = null;
  private seenAt = -Infinity;
  private missed = 0;

  constructor(private readonly opts: InViewOptions = DEFAULT_IN_VIEW) {}

  /** A frame showed this code. True when it is a new scan. */
  seen(code: string, now: number): boolean {
    const gone = this.missed >= this.opts.goneFrames && now - this.seenAt >= this.opts.goneMs;
    const fresh = code !== this.code || gone;
    this.code = code;
    this.seenAt = now;
    this.missed = 0;
    return fresh;
  }

  /**
   * A frame showed this code while no scan is taken (a verdict is on screen): the badge just scanned is still in
   * view. Any other code is not remembered, so it scans once the camera takes scans again.
   */
  stillSeen(code: string, now: number): void {
    if (code !== this.code) return;
    this.seenAt = now;
    this.missed = 0;
  }

  /** A frame without a code. */
  missing(): void {
    this.missed++;
  }
}
