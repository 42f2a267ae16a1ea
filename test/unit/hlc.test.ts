import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridClock, MAX_DRIFT_MS, parseHlc } from '../../electron/services/sync/hlc.js';

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

  it('refuses a peer far ahead: a kiosk with a wrong clock', () => {
    const c = new HybridClock('dev1', null, () => 0);
    const far = new HybridClock('dev2', null, () => MAX_DRIFT_MS + 10_000).tick();
    expect(() => c.receive(far)).toThrow(ClockDriftError);
  });

  it('resumes from the last persisted value', () => {
    const c = new HybridClock('dev1', '0000000009000-0003-dev1', () => 1000);
    expect(c.tick()).toBe('0000000009000-0004-dev1');
  });
});
