// The rules that admit people, one by one, on the pure verdict function: every reason a steward or the scan log
// reads is asserted word for word, and every boundary (the exact opening and closing instant, the last free place)
// from both sides. Scans through the real service are in checkin.test.ts and identify.test.ts.
import { describe, expect, it } from 'vitest';
import { VERDICTS, type VerdictCode } from '../../electron/api/contract.js';
import { decide, type CheckpointRules, type Identification, type Verdict, type VerdictFacts } from '../../electron/services/checkin/verdict.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

const OPENS = '2027-04-28T05:45:00.000Z';
const CLOSES = '2027-04-28T06:45:00.000Z';
const minutes = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString();

const delegate: Identification = { kind: 'delegate', presentedIssue: 1, currentIssue: 1, cancelled: false };
const bus: CheckpointRules = { entryRule: 'once', listRule: 'registered', capacity: 2, opensAt: OPENS, closesAt: CLOSES };

/** A registered delegate with a current badge at a bus with free seats, inside its boarding window: admitted. */
function facts(over: Partial<VerdictFacts> = {}, rules: Partial<CheckpointRules> = {}): VerdictFacts {
  return { id: delegate, rules: { ...bus, ...rules }, rehearsal: false, now: minutes(OPENS, 15), registered: true, alreadyIn: false, admittedCount: 0, ...over };
}

const deny = (verdict: VerdictCode, reason: string): Verdict => ({ verdict, reason, counts: false });
const WELCOME: Verdict = { verdict: 'admitted', reason: 'Welcome.', counts: true };

describe('who is presenting the code', () => {
  it.each([
    ['not_a_token', 'Not a badge code.'],
    ['malformed', 'The code is damaged or altered.'],
    ['other_event', 'This badge belongs to another event.'],
    ['bad_signature', 'The badge signature does not match: the code was altered or forged.'],
    ['unreadable', 'Unreadable input.'],
  ] as const)('forged (%s) says why: "%s"', (problem, reason) => {
    expect(decide(facts({ id: { kind: 'forged', problem } }))).toEqual(deny('forged', reason));
    // Even where anyone may enter and in rehearsal mode: a forged code never admits.
    expect(decide(facts({ id: { kind: 'forged', problem }, rehearsal: true }, { listRule: 'anyone', capacity: null }))).toEqual(deny('forged', reason));
  });

  it('a plausible code that matches nobody sends the person to the desk', () => {
    expect(decide(facts({ id: { kind: 'unmatched' } }, { listRule: 'anyone' }))).toEqual(
      deny('unknown', 'No delegate has this code. Send the person to the registration desk.'),
    );
  });

  it('a cancelled registration is refused before any other rule, whatever was presented', () => {
    for (const presentedIssue of [null, 1]) {
      const id: Identification = { kind: 'delegate', presentedIssue, currentIssue: 1, cancelled: true };
      expect(decide(facts({ id }))).toEqual(deny('revoked', 'This registration was cancelled.'));
      expect(decide(facts({ id, rehearsal: true, alreadyIn: true }, { listRule: 'anyone', entryRule: 'reentry', capacity: null }))).toEqual(
        deny('revoked', 'This registration was cancelled.'),
      );
    }
  });

  it('an older issue of a reprinted badge is refused and names the current issue; the current one and a desk check-in are not', () => {
    expect(decide(facts({ id: { kind: 'delegate', presentedIssue: 2, currentIssue: 3, cancelled: false } }))).toEqual(
      deny('revoked', 'This badge was replaced by a reprint (issue 3); ask for the newer badge.'),
    );
    expect(decide(facts({ id: { kind: 'delegate', presentedIssue: 3, currentIssue: 3, cancelled: false } }))).toEqual(WELCOME);
    expect(decide(facts({ id: { kind: 'delegate', presentedIssue: null, currentIssue: 3, cancelled: false } }))).toEqual(WELCOME);
  });

  it('a genuine badge this device has not synced: admitted where anyone may enter, sent to the desk at a list', () => {
    const id: Identification = { kind: 'signed_unknown', badgeNo: 9999 };
    expect(decide(facts({ id, registered: false }, { listRule: 'anyone' }))).toEqual(WELCOME);
    expect(decide(facts({ id, registered: false }))).toEqual(
      deny('not_registered', 'A genuine badge, but this device has not synced that registration yet. Check at the desk.'),
    );
  });
});

describe('time windows, to the exact minute', () => {
  it('opens at the opening instant: one minute (or one millisecond) earlier is "not open yet" with the time', () => {
    expect(decide(facts({ now: OPENS }))).toEqual(WELCOME);
    const early = deny('outside_time_window', `Not open yet: opens at ${OPENS}.`);
    expect(decide(facts({ now: minutes(OPENS, -1) }))).toEqual(early);
    expect(decide(facts({ now: new Date(Date.parse(OPENS) - 1).toISOString() }))).toEqual(early);
  });

  it('still open at the closing instant: one minute (or one millisecond) later is "closed at" with the time', () => {
    expect(decide(facts({ now: CLOSES }))).toEqual(WELCOME);
    const late = deny('outside_time_window', `Closed at ${CLOSES}.`);
    expect(decide(facts({ now: minutes(CLOSES, 1) }))).toEqual(late);
    expect(decide(facts({ now: new Date(Date.parse(CLOSES) + 1).toISOString() }))).toEqual(late);
  });

  it('a window open on one side only', () => {
    expect(decide(facts({ now: minutes(OPENS, -600) }, { opensAt: null }))).toEqual(WELCOME);
    expect(decide(facts({ now: minutes(CLOSES, 1) }, { opensAt: null }))).toEqual(deny('outside_time_window', `Closed at ${CLOSES}.`));
    expect(decide(facts({ now: minutes(CLOSES, 600) }, { closesAt: null }))).toEqual(WELCOME);
    expect(decide(facts({ now: minutes(OPENS, -1) }, { closesAt: null }))).toEqual(deny('outside_time_window', `Not open yet: opens at ${OPENS}.`));
    expect(decide(facts({ now: '2020-01-01T00:00:00.000Z' }, { opensAt: null, closesAt: null }))).toEqual(WELCOME);
  });

  it('at the opening instant of a window that closed before it opened, the reason is "closed", never "not open yet"', () => {
    const earlier = minutes(OPENS, -30);
    expect(decide(facts({ now: OPENS }, { closesAt: earlier }))).toEqual(deny('outside_time_window', `Closed at ${earlier}.`));
  });

  it('rehearsal mode shows windows but does not enforce them', () => {
    expect(decide(facts({ now: minutes(OPENS, -120), rehearsal: true }))).toEqual(WELCOME);
    expect(decide(facts({ now: minutes(CLOSES, 120), rehearsal: true }))).toEqual(WELCOME);
  });

  it('the window is checked before the list: an unregistered person outside the window hears about the time', () => {
    expect(decide(facts({ now: minutes(OPENS, -1), registered: false }))).toEqual(deny('outside_time_window', `Not open yet: opens at ${OPENS}.`));
  });
});

describe('lists, re-entry and capacity', () => {
  it('a list checkpoint refuses someone not on it; an open one does not ask', () => {
    expect(decide(facts({ registered: false }))).toEqual(deny('not_registered', 'Not on the list for this checkpoint.'));
    expect(decide(facts({ registered: false }, { listRule: 'anyone' }))).toEqual(WELCOME);
  });

  it('already in: re-entry readmits without counting; once and once a day refuse, each with its own words', () => {
    expect(decide(facts({ alreadyIn: true }, { entryRule: 'reentry' }))).toEqual({ verdict: 'readmitted', reason: 'Welcome back: re-entry is allowed here.', counts: false });
    expect(decide(facts({ alreadyIn: true }, { entryRule: 'once_per_day' }))).toEqual(deny('already_checked_in', 'Already checked in here today.'));
    expect(decide(facts({ alreadyIn: true }, { entryRule: 'once' }))).toEqual(deny('already_checked_in', 'Already checked in here.'));
  });

  it('a person already inside is readmitted even when the room is full (they hold a place)', () => {
    expect(decide(facts({ alreadyIn: true, admittedCount: 2 }, { entryRule: 'reentry' })).verdict).toBe('readmitted');
  });

  it('the last free place admits; a full checkpoint says how many of how many', () => {
    expect(decide(facts({ admittedCount: 1 }))).toEqual(WELCOME);
    expect(decide(facts({ admittedCount: 2 }))).toEqual(deny('full', 'Full: 2 of 2 places taken.'));
    expect(decide(facts({ admittedCount: 5 }))).toEqual(deny('full', 'Full: 5 of 2 places taken.'));
    expect(decide(facts({ admittedCount: 0 }, { capacity: 0 }))).toEqual(deny('full', 'Full: 0 of 0 places taken.'));
    expect(decide(facts({ admittedCount: 100_000 }, { capacity: null }))).toEqual(WELCOME);
  });

  it('only an admission counts: every refusal and a re-entry leave the count alone', () => {
    const outcomes = [
      decide(facts({ registered: false })),
      decide(facts({ alreadyIn: true })),
      decide(facts({ alreadyIn: true }, { entryRule: 'reentry' })),
      decide(facts({ admittedCount: 2 })),
      decide(facts({ now: minutes(CLOSES, 1) })),
      decide(facts({ id: { kind: 'unmatched' } })),
    ];
    expect(outcomes.map((v) => v.counts)).toEqual([false, false, false, false, false, false]);
  });
});

describe('what the door screen says for each verdict, in English and Japanese', () => {
  it.each(VERDICTS.map((v) => [v]))('%s has a title and a detail line in both languages', (v) => {
    for (const messages of [en, ja]) {
      expect(messages.verdict[v]).toMatch(/\S/);
      if (v === 'admitted') expect(messages.verdict.detail[v]).toBe('');
      else expect(messages.verdict.detail[v]).toMatch(/\S/);
    }
  });
});
