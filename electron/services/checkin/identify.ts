// Turns whatever a scanner or a person typed into an identity: a signed badge token, the external code from a
// registration confirmation, or nothing. Never throws on hostile input.
import { flagsOf } from '../model/delegate-row.js';
import type { EventStore } from '../event/event-store.js';
import type { DelegateRow, Delegates } from '../people/delegates.js';
import type { Identification } from './verdict.js';
import { storableText } from '../model/entry-text.js';
import { asUrl, codesInPayload } from './ticket-payload.js';

export const MAX_CODE_LENGTH = 512;
// External codes from registration systems: ticket numbers, order codes, barcodes. Anything else is not a code.
const PLAUSIBLE_CODE = /^[\p{L}\p{N}][\p{L}\p{N}\-_.:/#+]{2,127}$/u;

export interface Identified {
  id: Identification;
  delegate: DelegateRow | null;
  /** Who the admission state is kept for: the delegate id, or the badge number of a not-yet-synced delegate. */
  identityKey: string | null;
  /** The badge number a signed token presented, which identifies the person even before their record syncs. */
  badgeNo: number | null;
  /** What is stored of the input: bounded, so a hostile scan cannot bloat the database. */
  storedCode: string;
}

const EDGE = /[\s\u0000]/;

export function cleanCode(raw: string): string {
  // Scanners add CR/LF or a trailing tab; some add a prefix of whitespace. Most codes have neither, and the
  // replace's trailing alternative is tried at every position of the 118-character token: checked at both ends first.
  if (raw.length > 0 && !EDGE.test(raw[0]!) && !EDGE.test(raw[raw.length - 1]!)) return raw;
  return raw.replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
}

export function identify(raw: string, event: EventStore, delegates: Delegates): Identified {
  const code = cleanCode(raw);
  // Bounded, and never a NUL or a lone surrogate: the organisers' hub (PostgreSQL jsonb) cannot store those.
  const storedCode = storableText(code.length > 200 ? `${code.slice(0, 200)}…(${code.length} chars)` : code);
  if (code.length === 0 || code.length > MAX_CODE_LENGTH || /[\u0000-\u001f\u007f]/.test(code)) {
    return { id: { kind: 'forged', problem: 'unreadable' }, delegate: null, identityKey: null, badgeNo: null, storedCode };
  }
  const check = event.tokens().check(code);
  if (check.ok) {
    const d = delegates.findByBadgeNo(check.claim.badgeNo);
    const badgeNo = check.claim.badgeNo;
    if (!d) return { id: { kind: 'signed_unknown', badgeNo }, delegate: null, identityKey: `badge:${badgeNo}`, badgeNo, storedCode };
    return { id: { kind: 'delegate', presentedIssue: check.claim.issue, currentIssue: d.badge_issue, cancelled: d.status === 'cancelled', waitlisted: held(d, event) }, delegate: d, identityKey: d.id, badgeNo, storedCode };
  }
  if (check.problem !== 'not_a_token') return { id: { kind: 'forged', problem: check.problem }, delegate: null, identityKey: null, badgeNo: null, storedCode };
  const byCode = delegates.findByExternalCode(code);
  // The registration code stands for the first badge: once a badge is reissued (lost, stolen), the code stops
  // admitting at doors like the old QR does. The desk still finds the person by it, and the kiosk by typing it.
  if (byCode) return { ...fromDelegate(byCode, storedCode), id: { kind: 'delegate', presentedIssue: 1, currentIssue: byCode.badge_issue, cancelled: byCode.status === 'cancelled', waitlisted: held(byCode, event) } };
  // A QR of another system holding a URL or a payload: the codes inside it, if exactly one person holds them.
  const inside = new Map<string, DelegateRow>();
  for (const c of codesInPayload(code)) {
    const d = delegates.findByExternalCode(c);
    if (d) inside.set(d.id, d);
  }
  if (inside.size === 1) {
    const d = [...inside.values()][0]!;
    return { ...fromDelegate(d, storedCode), id: { kind: 'delegate', presentedIssue: 1, currentIssue: d.badge_issue, cancelled: d.status === 'cancelled', waitlisted: held(d, event) } };
  }
  if (asUrl(code)) return { id: { kind: 'unmatched', foreign: true }, delegate: null, identityKey: null, badgeNo: null, storedCode };
  if (PLAUSIBLE_CODE.test(code)) return { id: { kind: 'unmatched' }, delegate: null, identityKey: null, badgeNo: null, storedCode };
  return { id: { kind: 'forged', problem: 'not_a_token' }, delegate: null, identityKey: null, badgeNo: null, storedCode };
}

/** A delegate identified by staff (desk) or by an external code: no badge issue was presented. */
export function fromDelegate(d: DelegateRow, storedCode: string): Identified {
  return { id: { kind: 'delegate', presentedIssue: null, currentIssue: d.badge_issue, cancelled: d.status === 'cancelled' }, delegate: d, identityKey: d.id, badgeNo: null, storedCode };
}

/** Waitlisted (pending, unpaid) in the registration file, at an event whose doors do not admit them. */
export function held(d: DelegateRow, event: EventStore): boolean {
  return flagsOf(d.flags).includes('waitlisted') && !event.admitWaitlisted();
}
