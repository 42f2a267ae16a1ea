// Bounded clocks (issue 23, 2): an entry dated beyond the receiver's wall clock + 2 min is refused with a reason,
// so a far-future entry can never win a last-writer-wins merge; the same entry is accepted once time catches up.
import { describe, expect, it } from 'vitest';
import { clockBound } from '../../electron/services/trust/entry-clock.js';
import { formatHlc, MAX_SKEW_MS } from '../../electron/services/replication/hlc.js';

const now = Date.parse('2027-04-27T09:00:00.000Z');
const hlc = (ms: number) => formatHlc({ ms, counter: 3, device: 'dev-door-1' });

describe('clockBound', () => {
  it('accepts the past, the present and up to two minutes ahead', () => {
    expect(clockBound(hlc(now - 86_400_000), now)).toEqual({ ok: true });
    expect(clockBound(hlc(now), now)).toEqual({ ok: true });
    expect(clockBound(hlc(now + MAX_SKEW_MS), now)).toEqual({ ok: true });
  });

  it('refuses one millisecond beyond, and names the device and how far ahead', () => {
    const d = clockBound(hlc(now + MAX_SKEW_MS + 1), now);
    expect(d).toMatchObject({ ok: false, code: 'clock_ahead', aheadMs: MAX_SKEW_MS + 1 });
    expect(!d.ok && d.message).toMatch(/dev-door-1/);
    expect(!d.ok && d.message).toMatch(/120 s|2 min/);
  });

  it('a staff PIN dated 2286 is refused; a desk a year ahead is told it is about 365 days ahead', () => {
    const pin = clockBound(formatHlc({ ms: Date.parse('2286-11-20T17:46:39Z'), counter: 0, device: 'dev-kiosk' }), now);
    expect(pin).toMatchObject({ ok: false, code: 'clock_ahead' });
    const desk = clockBound(hlc(now + 365 * 86_400_000), now);
    expect(!desk.ok && desk.message).toMatch(/365 days ahead/);
  });

  it('the same entry is accepted once the receiver clock has caught up (refusal depends on time only)', () => {
    const e = hlc(now + 10 * 60_000);
    expect(clockBound(e, now).ok).toBe(false);
    expect(clockBound(e, now + 8 * 60_000).ok).toBe(true);
  });

  it('an unreadable clock is refused, never thrown', () => {
    expect(clockBound('not-a-clock', now)).toMatchObject({ ok: false, code: 'clock_ahead' });
  });

  it('the bound can be set per receiver', () => {
    expect(clockBound(hlc(now + 5_000), now, 1_000).ok).toBe(false);
  });
});
