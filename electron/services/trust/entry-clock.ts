// Bounded clocks for entries (issue 23, 2). An entry is merged by its own clock, so one dated 2286 outlived every
// later change to the same field (the staff PIN, a cancellation) and a future purge erased every later import. An
// entry whose clock is beyond the receiver's wall clock + MAX_SKEW_MS is refused, never merged; the author keeps it
// and is told loudly, and the same entry is accepted by itself once real time has caught up (within two minutes for
// an honest clock that was a little fast). Pure. Neighbours: sync/hlc.ts (the clock format and the clamp on our own
// clock), trust/entry-rules.ts (who may make an entry), model/entry-text.ts (what text a hub can store).
//
// Refused rather than re-stamped: the clock is part of the entry, the same on every copy. A receiver that re-stamped
// would give the entry its own time, each receiver a different one, and the last-writer-wins merges would then end
// differently on different stations: divergence for ever. A refusal depends on time only, so every receiver reaches
// the same answer once its clock passes the same point, and an entry from 2286 never wins anywhere.
import { MAX_SKEW_MS, parseHlc } from '../replication/hlc.js';

export type ClockDecision =
  | { ok: true }
  | { ok: false; code: 'clock_ahead'; aheadMs: number; message: string };

/**
 * Whether an entry stamped `hlc` may be merged by a receiver whose wall clock reads `receiverNowMs`. The receiver's
 * wall clock, not its hybrid clock: accepted entries move the hybrid clock forward, and measuring against it would
 * let entries each two minutes further ahead walk the bound into the future one step at a time.
 */
export function clockBound(hlc: string, receiverNowMs: number, maxAheadMs: number = MAX_SKEW_MS): ClockDecision {
  let ms: number;
  try {
    ms = parseHlc(hlc).ms;
  } catch {
    return { ok: false, code: 'clock_ahead', aheadMs: Number.POSITIVE_INFINITY, message: `Unreadable clock ${hlc.slice(0, 40)}: refused.` };
  }
  const aheadMs = ms - receiverNowMs;
  if (aheadMs <= maxAheadMs) return { ok: true };
  return {
    ok: false,
    code: 'clock_ahead',
    aheadMs,
    message: `Dated ${new Date(ms).toISOString()}, ${describe(aheadMs)} ahead of the receiving clock: refused until then. Set the clock of device ${parseHlc(hlc).device} right.`,
  };
}

function describe(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86_400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}
