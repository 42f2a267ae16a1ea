import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer, WedgeDetector } from '../../renderer/src/scan/wedge.js';

describe('keyboard-wedge scanner detection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const feed = (w: WedgeDetector, text: string, start: number, gap: number) => {
    let t = start;
    for (const c of text) {
      w.key(c, t);
      vi.advanceTimersByTime(gap);
      t += gap;
    }
    return t;
  };

  it('a code ending with Enter is a scan', () => {
    const got: string[] = [];
    const w = new WedgeDetector((c) => got.push(c));
    const t = feed(w, 'U1ABCDEFG', 0, 5);
    w.key('Enter', t);
    expect(got).toEqual(['U1ABCDEFG']);
  });

  it('a fast burst without Enter is a scan once the keys stop', () => {
    const got: string[] = [];
    const w = new WedgeDetector((c) => got.push(c));
    feed(w, 'EJRC-2027-000010', 0, 8);
    expect(got).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(got).toEqual(['EJRC-2027-000010']);
  });

  it('a person typing slowly without Enter is not a scan', () => {
    const got: string[] = [];
    const w = new WedgeDetector((c) => got.push(c));
    feed(w, 'hello world', 0, 120);
    vi.advanceTimersByTime(1000);
    expect(got).toEqual([]);
  });

  it('one delayed key event in a burst does not break the scan', () => {
    const got: string[] = [];
    const w = new WedgeDetector((c) => got.push(c));
    let t = feed(w, 'ABCDEFGHIJ', 0, 5);
    t += 90; // a hiccup
    t = feed(w, 'KLMNOPQRSTUVWXYZ', t, 5);
    vi.advanceTimersByTime(400);
    expect(got).toEqual(['ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
  });

  it('stray keys long before a scan are dropped; too-short input is ignored', () => {
    const got: string[] = [];
    const w = new WedgeDetector((c) => got.push(c));
    w.key('x', 0);
    feed(w, 'CODE123', 5000, 5);
    w.key('Enter', 5100);
    w.key('a', 6000);
    w.key('Enter', 6001);
    expect(got).toEqual(['CODE123']);
  });

  it('debounces a double scan of one code, not a different code', () => {
    const d = new Debouncer(2500);
    expect(d.accept('A', 0)).toBe(true);
    expect(d.accept('A', 300)).toBe(false);
    expect(d.accept('B', 400)).toBe(true);
    expect(d.accept('A', 500)).toBe(true);
    expect(d.accept('A', 3100)).toBe(true);
  });
});
