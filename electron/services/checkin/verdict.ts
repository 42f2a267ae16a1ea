// Where a verdict is computed. Pure: the facts go in, a verdict comes out; the scan service gathers the facts
// and records the outcome. Rules are checked in the order a steward would explain them to a delegate.
import type { EntryRule, ListRule, VerdictCode } from '../../api/contract.js';
import type { TokenCheck } from '../model/badge-token.js';

export interface CheckpointRules {
  entryRule: EntryRule;
  listRule: ListRule;
  capacity: number | null;
  opensAt: string | null;
  closesAt: string | null;
}

export type Identification =
  /** Not a token and no external code matched, but a plausible code: someone else's system, or a typo. */
  | { kind: 'unmatched'; /** A URL: a ticket of another system (or of this one, for someone not imported). */ foreign?: boolean }
  /** Garbage, an oversized or control-character input, or a token whose signature fails. */
  | { kind: 'forged'; problem: Exclude<TokenCheck, { ok: true }>['problem'] | 'unreadable' }
  /** A valid signature for a badge number this device does not know yet (registered after the last sync). */
  | { kind: 'signed_unknown'; badgeNo: number }
  | { kind: 'delegate'; presentedIssue: number | null; currentIssue: number; cancelled: boolean; waitlisted?: boolean };

export interface VerdictFacts {
  id: Identification;
  rules: CheckpointRules;
  rehearsal: boolean;
  now: string;
  /** Registered for this checkpoint's session/bus/meeting (ignored when the list is open to anyone). */
  registered: boolean;
  /** Already admitted here (for once-a-day checkpoints: today, or a later day that a clock set back calls tomorrow). */
  alreadyIn: boolean;
  admittedCount: number;
}

export interface Verdict {
  verdict: VerdictCode;
  reason: string;
  /** True when this scan adds a person to the checkpoint's count. */
  counts: boolean;
  /** A more precise wording than the verdict code's (screens: verdict.detail.<detail>). */
  detail?: 'foreign_ticket';
}

const problemText: Record<Extract<Identification, { kind: 'forged' }>['problem'], string> = {
  not_a_token: 'Not a badge code.',
  malformed: 'The code is damaged or altered.',
  other_event: 'This badge belongs to another event.',
  bad_signature: 'The badge signature does not match: the code was altered or forged.',
  unreadable: 'Unreadable input.',
};

export function decide(f: VerdictFacts): Verdict {
  const { id, rules } = f;
  if (id.kind === 'forged') return deny('forged', problemText[id.problem]);
  if (id.kind === 'unmatched' && id.foreign)
    return { ...deny('unknown', 'A ticket of another system: no delegate of this event holds its code. Send the person to the registration desk.'), detail: 'foreign_ticket' };
  if (id.kind === 'unmatched') return deny('unknown', 'No delegate has this code. Send the person to the registration desk.');
  if (id.kind === 'delegate') {
    if (id.cancelled) return deny('revoked', 'This registration was cancelled.');
    // Waitlisted, pending or unpaid in the registration file: not admitted unless the event says so (Event screen).
    if (id.waitlisted) return deny('not_registered', 'On the waiting list (or not yet paid): not admitted. Send the person to the registration desk.');
    if (id.presentedIssue !== null && id.presentedIssue < id.currentIssue)
      return deny('revoked', `This badge was replaced by a reprint (issue ${id.currentIssue}); ask for the newer badge.`);
  }
  if (!f.rehearsal && !withinWindow(f.now, rules)) {
    return deny('outside_time_window', windowText(f.now, rules));
  }
  if (rules.listRule === 'registered' && !f.registered) {
    return deny(
      'not_registered',
      id.kind === 'signed_unknown'
        ? 'A genuine badge, but this device has not synced that registration yet. Check at the desk.'
        : 'Not on the list for this checkpoint.',
    );
  }
  if (f.alreadyIn) {
    if (rules.entryRule === 'reentry') return { verdict: 'readmitted', reason: 'Welcome back: re-entry is allowed here.', counts: false };
    return deny('already_checked_in', rules.entryRule === 'once_per_day' ? 'Already checked in here today.' : 'Already checked in here.');
  }
  if (rules.capacity !== null && f.admittedCount >= rules.capacity) {
    return deny('full', `Full: ${f.admittedCount} of ${rules.capacity} places taken.`);
  }
  return { verdict: 'admitted', reason: 'Welcome.', counts: true };
}

function deny(verdict: VerdictCode, reason: string): Verdict {
  return { verdict, reason, counts: false };
}

function withinWindow(now: string, r: CheckpointRules): boolean {
  const t = Date.parse(now);
  if (r.opensAt && t < Date.parse(r.opensAt)) return false;
  if (r.closesAt && t > Date.parse(r.closesAt)) return false;
  return true;
}

function windowText(now: string, r: CheckpointRules): string {
  if (r.opensAt && Date.parse(now) < Date.parse(r.opensAt)) return `Not open yet: opens at ${r.opensAt}.`;
  // Stryker disable next-line StringLiteral: unreachable fallback — outside the window and not before opening means past closesAt, so closesAt is set
  const closesAt = r.closesAt ?? '';
  return `Closed at ${closesAt}.`;
}
