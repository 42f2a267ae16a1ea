import { describe, expect, it } from 'vitest';
import { HybridClock, MAX_COUNTER, MAX_SKEW_MS, parseHlc } from '../../electron/services/replication/hlc.js';

describe('hybrid logical clock', () => {
  it('is monotonic even when the wall clock goes backwards', () => {
    let wall = 1_000_000;
    const c = new HybridClock('dev1', null, () => wall);
    const a = c.tick();
    wall -= 500;
    const b = c.tick();
    const d = c.tick();
    expect(a < b && b < d).toBe(true);
    expect(parseHlc(d).counter).toBe(2);
  });

  it('orders after a peer clock it has seen', () => {
    const c = new HybridClock('dev1', null, () => 1000);
    c.receive(new HybridClock('dev2', null, () => 5000).tick());
    const next = c.tick();
    expect(parseHlc(next).ms).toBe(5000);
    expect(next > '0000000005000-0000-dev2').toBe(true);
  });

  it('clamps a peer far ahead instead of following it, and reports the skew', () => {
    const c = new HybridClock('dev1', null, () => 0);
    const far = new HybridClock('dev2', null, () => MAX_SKEW_MS * 10).tick();
    expect(c.receive(far).skewMs).toBe(MAX_SKEW_MS * 10);
    expect(parseHlc(c.tick()).ms).toBe(MAX_SKEW_MS);
    const near = new HybridClock('dev3', null, () => 1000).tick();
    expect(c.receive(near).skewMs).toBe(1000);
  });

  it('never overflows its counter: 100,000 ticks behind a faster peer stay ordered and parseable', () => {
    const c = new HybridClock('dev1', null, () => 0);
    c.receive(`${String(60_000).padStart(13, '0')}-fffe-dev2`);
    let prev = c.current();
    for (let i = 0; i < 100_000; i++) {
      const t = c.tick();
      expect(t > prev).toBe(true);
      prev = t;
    }
    const last = parseHlc(prev);
    expect(last.counter).toBeLessThanOrEqual(MAX_COUNTER);
    expect(last.ms).toBeGreaterThan(60_000);
  });

  it('resumes from the last persisted value', () => {
    const c = new HybridClock('dev1', '0000000009000-0003-dev1', () => 1000);
    expect(c.tick()).toBe('0000000009000-0004-dev1');
  });
});
