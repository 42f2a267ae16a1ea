// The clocks the replication core merges by: the hybrid logical clock's exact text and arithmetic, and last writer
// wins per field. Focused and fast: these are the tests `npm run test:mutation` runs against replication/hlc.ts and
// replication/apply/field-clocks.ts (the convergence and property tests cover the same rules end to end).
import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, MAX_COUNTER, MAX_SKEW_MS, parseHlc } from '../../electron/services/replication/hlc.js';
import { mergeFields, readClocks, writeClocks } from '../../electron/services/replication/apply/field-clocks.js';

const at = (ms: number, counter: number, device = 'peer') => formatHlc({ ms, counter, device });

describe('hlc text', () => {
  it('is fixed-width, so string order is clock order', () => {
    expect(MAX_SKEW_MS).toBe(120_000);
    expect(MAX_COUNTER).toBe(65_535);
    expect(formatHlc({ ms: 5, counter: 10, device: 'dev' })).toBe('0000000000005-000a-dev');
    expect(at(1_700_000_000_000, 0xffff, 'd')).toBe('1700000000000-ffff-d');
    expect(at(999, 0x10) < at(1000, 0)).toBe(true);
  });

  it('parses its own text and nothing else', () => {
    expect(parseHlc('0000000000005-000a-dev-1')).toEqual({ ms: 5, counter: 10, device: 'dev-1' });
    for (const bad of ['000000000005-000a-d', '0000000000005-00a-d', '0000000000005-000A-d', '0000000000005-000a-', 'x0000000000005-000a-d', '00000000000005-000a-d', '0000000000005-000a']) {
      expect(() => parseHlc(bad), bad).toThrow(`Malformed clock value: ${bad}`);
    }
    expect(() => parseHlc('y'.repeat(60))).toThrow(new Error(`Malformed clock value: ${'y'.repeat(40)}`));
  });
});

describe('hybrid clock', () => {
  it('starts at zero or from a persisted value, always under its own device id', () => {
    expect(new HybridClock('me', null, () => 0).current()).toBe('0000000000000-0000-me');
    const c = new HybridClock('me', '0000000009000-0003-other', () => 1000);
    expect(c.device).toBe('me');
    expect(c.current()).toBe('0000000009000-0003-me');
    expect(c.tick()).toBe('0000000009000-0004-me');
  });

  it('takes the wall clock when it moves on, and counts within one millisecond', () => {
    let wall = 5000;
    const c = new HybridClock('me', null, () => wall);
    expect(c.tick()).toBe('0000000005000-0000-me');
    expect(c.tick()).toBe('0000000005000-0001-me');
    wall = 5001;
    expect(c.tick()).toBe('0000000005001-0000-me');
    wall = 4000;
    expect(c.tick()).toBe('0000000005001-0001-me');
  });

  it('moves to the next millisecond when the counter is full', () => {
    const c = new HybridClock('me', at(7000, MAX_COUNTER - 1), () => 0);
    expect(c.tick()).toBe(at(7000, MAX_COUNTER, 'me'));
    expect(c.tick()).toBe(at(7001, 0, 'me'));
    expect(c.tick()).toBe(at(7001, 1, 'me'));
  });

  it('receives a peer clock: later ms or a higher counter in the same ms moves it; anything older does not', () => {
    const c = new HybridClock('me', at(5000, 5), () => 1000);
    expect(c.receive(at(5000, 4))).toEqual({ skewMs: 4000 });
    expect(c.current()).toBe(at(5000, 5, 'me'));
    c.receive(at(4999, 9));
    expect(c.current()).toBe(at(5000, 5, 'me'));
    c.receive(at(5000, 6));
    expect(c.current()).toBe(at(5000, 6, 'me'));
    c.receive(at(5001, 2));
    expect(c.current()).toBe(at(5001, 2, 'me'));
    expect(c.tick()).toBe(at(5001, 3, 'me'));
  });

  it('reports how far ahead a peer is (never negative) and clamps it to the wall clock plus the skew limit', () => {
    const c = new HybridClock('me', null, () => 10_000);
    expect(c.receive(at(9000, 1)).skewMs).toBe(0);
    expect(c.current()).toBe(at(9000, 1, 'me'));
    expect(c.receive(at(10_000 + MAX_SKEW_MS, 7)).skewMs).toBe(MAX_SKEW_MS);
    expect(c.current()).toBe(at(10_000 + MAX_SKEW_MS, 7, 'me'));
    const d = new HybridClock('me', null, () => 10_000);
    expect(d.receive(at(10_001 + MAX_SKEW_MS, 7)).skewMs).toBe(MAX_SKEW_MS + 1);
    expect(d.current()).toBe(at(10_000 + MAX_SKEW_MS, 0, 'me'));
  });
});

describe('field clocks', () => {
  const F = ['a', 'b', 'c'] as const;

  it('read: a named clock, else the common one; fields outside the list and without a clock are left out', () => {
    expect(readClocks('{"*":"t1","b":"t2","z":"t9"}', F)).toEqual({ a: 't1', b: 't2', c: 't1' });
    expect(readClocks('{"b":"t2"}', F)).toEqual({ b: 't2' });
    expect(readClocks('{}', F)).toEqual({});
  });

  it('write: the most common clock as "*" when every field has one (the later on a tie), the rest by name, keys sorted', () => {
    expect(writeClocks({ c: 't1', a: 't1', b: 't2' }, F)).toBe('{"*":"t1","b":"t2"}');
    expect(writeClocks({ a: 't2', b: 't2', c: 't1' }, F)).toBe('{"*":"t2","c":"t1"}');
    expect(writeClocks({ a: 't1', b: 't3', c: 't2' }, F)).toBe('{"*":"t3","a":"t1","c":"t2"}');
    expect(writeClocks({ a: 't3', b: 't1', c: 't2' }, F)).toBe('{"*":"t3","b":"t1","c":"t2"}');
    expect(writeClocks({ c: 't2', a: 't1' }, F)).toBe('{"a":"t1","c":"t2"}');
    expect(writeClocks({ a: 't1', b: 't1', c: 't1' }, F)).toBe('{"*":"t1"}');
    expect(writeClocks({}, F)).toBe('{}');
    expect(writeClocks({ c: 't1', a: 't2', b: 't3' }, ['c', 'b', 'a'])).toBe('{"*":"t3","a":"t2","c":"t1"}');
    expect(writeClocks({ c: 't1', a: 't2' }, ['c', 'b', 'a'])).toBe('{"a":"t2","c":"t1"}');
    for (const clocks of [{ a: 't1', b: 't3', c: 't2' }, { b: 't2' }, { a: 't5', b: 't5', c: 't4' }] as Record<string, string>[]) expect(readClocks(writeClocks(clocks, F), F)).toEqual(clocks);
  });

  it('merge: a later write wins its fields, an equal or older one loses, undefined is no write', () => {
    const m = mergeFields<{ a: string; b: string; c: string | null }>({ a: 't2', b: 't2' }, { a: 'A', b: 'B', c: null }, 't2');
    expect(m).toEqual({ set: { c: null }, clocks: { a: 't2', b: 't2', c: 't2' } });
    const n = mergeFields<{ a: string; b: string }>({ a: 't1', b: 't3' }, { a: 'A', b: 'B' }, 't2');
    expect(n).toEqual({ set: { a: 'A' }, clocks: { a: 't2', b: 't3' } });
    const clocks = { a: 't1' };
    const u = mergeFields<{ a: string | undefined }>(clocks, { a: undefined }, 't9');
    expect(u).toEqual({ set: {}, clocks: { a: 't1' } });
    mergeFields<{ a: string }>(clocks, { a: 'x' }, 't9');
    expect(clocks).toEqual({ a: 't1' });
  });
});
