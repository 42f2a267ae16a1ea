import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WEDGE, Debouncer, DOUBLE_READ_MS, WedgeDetector } from '../../renderer/src/scan/wedge.js';
import { BADGE_TOKEN_LENGTH, BADGE_TOKEN_PREFIX, badgeTokenAtEnd } from '../../renderer/src/scan/shapes.js';
import { InView } from '../../renderer/src/scan/in-view.js';
import { BadgeTokens, generateEventKeys, TOKEN_LENGTH, TOKEN_PREFIX } from '../../electron/services/model/badge-token.js';
import { codeShape, commonShapes } from '../../electron/services/model/code-shapes.js';

const tokens = new BadgeTokens('wedge-test', generateEventKeys());
const TOKEN = tokens.issue({ badgeNo: 4242, issue: 1 });
const TOKEN_2 = tokens.issue({ badgeNo: 4243, issue: 1 });
const SHAPES = ['AAAA-9999-999999'];

/** Deterministic jitter: the same "random" gaps on every run. */
function jitter(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe('keyboard-wedge scanner detection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  let now = 0;
  let got: string[] = [];
  const detector = (shapes: string[] = SHAPES) => {
    now = 0;
    got = [];
    const w = new WedgeDetector((c) => got.push(c));
    w.setCodeShapes(shapes);
    return w;
  };
  /** Types each key after its gap; fake time moves with the keys, so pause timers fire as they would. */
  const type = (w: WedgeDetector, text: string, gap: number | (() => number)) => {
    for (const c of text) {
      const ms = typeof gap === 'number' ? gap : gap();
      vi.advanceTimersByTime(ms);
      now += ms;
      w.key(c, now);
    }
  };
  const press = (w: WedgeDetector, key: string, after = 5) => {
    vi.advanceTimersByTime(after);
    now += after;
    return w.key(key, now);
  };
  const wait = (ms: number) => {
    vi.advanceTimersByTime(ms);
    now += ms;
  };

  describe('known shapes are scans whatever their timing', () => {
    it('a badge token typed slowly, without Enter, is a scan the moment its last key arrives', () => {
      const w = detector();
      type(w, TOKEN.slice(0, -1), 120);
      expect(got).toEqual([]);
      type(w, TOKEN.slice(-1), 120);
      expect(got).toEqual([TOKEN]);
    });

    it('a badge token with pauses longer than the idle time and the reset time in the middle is still one scan', () => {
      const w = detector();
      type(w, TOKEN.slice(0, 40), 5);
      wait(DEFAULT_WEDGE.idleMs * 2);
      type(w, TOKEN.slice(40, 80), 5);
      wait(DEFAULT_WEDGE.resetMs * 3);
      type(w, TOKEN.slice(80), 5);
      expect(got).toEqual([TOKEN]);
    });

    it('a badge token with jittery gaps (0–400 ms) is one scan, and its Enter is the scanner’s own', () => {
      const w = detector();
      const gap = jitter(7);
      type(w, TOKEN, () => Math.floor(gap() * 400));
      expect(press(w, 'Enter', 30)).toBe(true);
      wait(2000);
      expect(got).toEqual([TOKEN]);
    });

    it('a registration code of a known shape, typed slowly without Enter, is a scan once the keys pause', () => {
      const w = detector();
      type(w, 'EJRC-2027-000123', 150);
      expect(got).toEqual([]);
      wait(DEFAULT_WEDGE.idleMs);
      expect(got).toEqual(['EJRC-2027-000123']);
    });

    it('a known code that stalls half-way (a busy machine) waits for the rest instead of scanning a fragment', () => {
      const w = detector();
      type(w, 'EJRC-2027', 3);
      wait(5000);
      expect(got).toEqual([]);
      type(w, '-000123', 3);
      wait(DEFAULT_WEDGE.idleMs);
      expect(got).toEqual(['EJRC-2027-000123']);
    });

    it('a known code typed slowly with Enter is one scan, however late the Enter; lower case is forgiven', () => {
      const w = detector();
      type(w, 'ejrc-2027-000123', 500);
      expect(press(w, 'Enter', 100)).toBe(true);
      type(w, 'EJRC-2027-000124', 500);
      expect(press(w, 'Enter', 900)).toBe(true);
      expect(got).toEqual(['ejrc-2027-000123', 'EJRC-2027-000124']);
    });

    it('a code shape the event does not know is judged by timing alone', () => {
      const w = detector([]);
      type(w, 'EJRC-2027-000123', 150);
      wait(DEFAULT_WEDGE.resetMs * 2);
      expect(got).toEqual([]);
    });
  });

  describe('interleaved keys', () => {
    it('stray keys typed just before a token or a known code are dropped', () => {
      const w = detector();
      type(w, 'xq', 200);
      type(w, TOKEN, 8);
      expect(got).toEqual([TOKEN]);
      type(w, 'zz', 200);
      type(w, 'EJRC-2027-000124', 8);
      wait(DEFAULT_WEDGE.idleMs);
      expect(got).toEqual([TOKEN, 'EJRC-2027-000124']);
    });

    it('two tokens back to back, no Enter and no pause, are two scans', () => {
      const w = detector();
      type(w, TOKEN + TOKEN_2, 4);
      expect(got).toEqual([TOKEN, TOKEN_2]);
    });

    it('a person typing between two slow scans does not spoil either', () => {
      const w = detector();
      type(w, TOKEN, 90);
      type(w, 'hello', 180);
      wait(1000);
      type(w, 'EJRC-2027-000125', 90);
      wait(DEFAULT_WEDGE.idleMs);
      type(w, 'ok', 250);
      wait(2000);
      expect(got).toEqual([TOKEN, 'EJRC-2027-000125']);
    });

    it('an Enter long after a token, with nothing typed, is not taken', () => {
      const w = detector();
      type(w, TOKEN, 4);
      wait(DEFAULT_WEDGE.resetMs + 500);
      expect(press(w, 'Enter')).toBe(false);
      expect(got).toEqual([TOKEN]);
    });
  });

  describe('unknown shapes: timing decides', () => {
    it('a code ending with Enter is a scan', () => {
      const w = detector();
      type(w, 'ABC123456', 5);
      expect(press(w, 'Enter')).toBe(true);
      expect(got).toEqual(['ABC123456']);
    });

    it('a fast burst without Enter is a scan once the keys stop', () => {
      const w = detector();
      type(w, 'ORDER77X9Z', 8);
      expect(got).toEqual([]);
      wait(DEFAULT_WEDGE.idleMs);
      expect(got).toEqual(['ORDER77X9Z']);
    });

    it('a person typing slowly without Enter is not a scan', () => {
      const w = detector();
      type(w, 'hello world', 120);
      wait(3000);
      expect(got).toEqual([]);
    });

    it('one delayed key event in a fast burst does not break the scan', () => {
      const w = detector();
      type(w, 'ABCDEFGHIJ', 5);
      type(w, 'K', 90); // a hiccup
      type(w, 'LMNOPQRSTUVWXYZ', 5);
      wait(DEFAULT_WEDGE.idleMs);
      expect(got).toEqual(['ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
    });

    it('stray keys long before a scan are dropped; too-short input is ignored', () => {
      const w = detector();
      w.key('x', 0);
      now = 5000;
      type(w, 'CODE123', 5);
      press(w, 'Enter');
      type(w, 'a', 900);
      expect(press(w, 'Enter', 1)).toBe(false);
      expect(got).toEqual(['CODE123']);
    });

    it('a fast burst that is only the beginning of a token is not a scan by itself', () => {
      const w = detector();
      type(w, TOKEN.slice(0, 30), 4);
      wait(DEFAULT_WEDGE.resetMs * 2);
      expect(got).toEqual([]);
      // With Enter it is one (and the door answers "forged").
      expect(press(w, 'Enter')).toBe(true);
      expect(got).toEqual([TOKEN.slice(0, 30)]);
    });
  });
});

describe('what a scan looks like', () => {
  it('the renderer’s badge-token shape is the back end’s', () => {
    expect(BADGE_TOKEN_LENGTH).toBe(TOKEN_LENGTH);
    expect(BADGE_TOKEN_PREFIX).toBe(TOKEN_PREFIX);
    for (let n = 1; n <= 50; n++) expect(badgeTokenAtEnd(tokens.issue({ badgeNo: n * 7919, issue: (n % 255) + 1 }))).not.toBeNull();
    expect(badgeTokenAtEnd(TOKEN.slice(1))).toBeNull();
    expect(badgeTokenAtEnd(`${TOKEN}A`)).toBeNull();
    expect(badgeTokenAtEnd(TOKEN.replace(/.$/, '1'))).toBeNull();
  });

  it('the event publishes its most common code shapes, with a digit, never the codes', () => {
    const codes = [...Array.from({ length: 30 }, (_, i) => `EJRC-2027-${String(i).padStart(6, '0')}`), 'ORD12345', 'ORD12346', 'walkin', 'AB1'];
    expect(commonShapes(codes)).toEqual(['AAAA-9999-999999', 'AAA99999']);
    expect(codeShape('Tk-9/x')).toBe('AA-9/A');
  });
});

describe('debouncing', () => {
  it('swallows a scanner’s double read of one code, not a second scan or a different code', () => {
    const d = new Debouncer();
    expect(DOUBLE_READ_MS).toBeLessThan(1000);
    expect(d.accept('A', 0)).toBe(true);
    expect(d.accept('A', 300)).toBe(false);
    expect(d.accept('B', 400)).toBe(true);
    expect(d.accept('A', 500)).toBe(true);
    expect(d.accept('A', 500 + DOUBLE_READ_MS - 1)).toBe(false);
    // The same badge scanned again a second later gets an answer.
    expect(d.accept('A', 1500)).toBe(true);
  });

  it('a badge held up to the camera counts once, however slowly frames come, until it has left the view', () => {
    const v = new InView({ goneFrames: 6, goneMs: 1000 });
    expect(v.seen('A', 0)).toBe(true);
    // A busy machine: one frame every 3 s, the badge in every one.
    for (let t = 3000; t <= 30_000; t += 3000) expect(v.seen('A', t)).toBe(false);
    // While a verdict is on screen the badge is still seen; another badge is not remembered.
    v.stillSeen('A', 31_000);
    v.stillSeen('B', 31_100);
    expect(v.seen('B', 31_200)).toBe(true);
    expect(v.seen('A', 31_300)).toBe(true);
    // Out of view for a few frames but not long enough: the same scan.
    for (let i = 0; i < 6; i++) v.missing();
    expect(v.seen('A', 31_500)).toBe(false);
    // Out of view long enough, in frames and time: shown again, it is a new scan.
    for (let i = 0; i < 6; i++) v.missing();
    expect(v.seen('A', 33_000)).toBe(true);
  });
});

describe('keys typed into a form field (shapes only)', () => {
  const SHAPES = ['AAAA-9999-999999'];
  const run = (feed: (w: WedgeDetector, at: { t: number }) => void): string[] => {
    vi.useFakeTimers();
    const got: string[] = [];
    const w = new WedgeDetector((c) => got.push(c), { ...DEFAULT_WEDGE, shapesOnly: true });
    w.setCodeShapes(SHAPES);
    const at = { t: 0 };
    feed(w, at);
    vi.runAllTimers();
    vi.useRealTimers();
    return got;
  };
  const typeAt = (w: WedgeDetector, at: { t: number }, text: string, gap: number) => {
    for (const k of text) {
      at.t += gap;
      vi.advanceTimersByTime(gap);
      w.key(k, at.t);
    }
  };

  it('a fast-typed email and its Enter stay text', () => {
    const got = run((w, at) => {
      typeAt(w, at, 'misaki@example.jp', 5);
      expect(w.key('Enter', at.t + 5)).toBe(false);
    });
    expect(got).toEqual([]);
  });

  it('a badge token and a registration code are still scans', () => {
    const got = run((w, at) => {
      typeAt(w, at, 'Takahashi', 150);
      typeAt(w, at, 'EJRC-2027-000123', 5);
      at.t += 2000;
      vi.advanceTimersByTime(2000);
      typeAt(w, at, `U1${'A'.repeat(116)}`, 5);
    });
    expect(got).toEqual(['EJRC-2027-000123', `U1${'A'.repeat(116)}`]);
  });
});
