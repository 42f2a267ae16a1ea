// A code typed, pasted or wedge-scanned into the desk search: the same identification the doors use (identify.ts),
// answered for staff. A reissued or cancelled badge still names its person (staff want to see who it was), but says
// so; a damaged or foreign code says that instead of "nobody matches".
import type { CodeIdentity } from '../../api/contract.js';
import type { EventStore } from '../event/event-store.js';
import { toDelegate, type Delegates } from '../people/delegates.js';
import { identify } from './identify.js';

export function codeIdentity(raw: string, event: EventStore, delegates: Delegates): CodeIdentity {
  // Names and fragments with spaces are never codes: leave them to the search without signature work.
  const code = raw.trim();
  if (code.length < 3 || /\s/.test(code)) return { kind: 'none' };
  const found = identify(code, event, delegates);
  const id = found.id;
  switch (id.kind) {
    case 'unmatched':
      return { kind: 'none' };
    case 'forged':
      return id.problem === 'not_a_token' ? { kind: 'none' } : { kind: 'invalid', problem: id.problem };
    case 'signed_unknown':
      return { kind: 'signed_unknown', badgeNo: id.badgeNo };
    case 'delegate': {
      const delegate = toDelegate(found.delegate!);
      if (id.cancelled) return { kind: 'cancelled', delegate };
      // A token names its issue; the registration code stands for the first badge but the desk still finds the
      // person by it (a reissued badge does not make their confirmation email useless at the desk).
      const viaBadge = found.badgeNo !== null;
      if (viaBadge && id.presentedIssue !== null && id.presentedIssue < id.currentIssue) {
        return { kind: 'revoked', delegate, presentedIssue: id.presentedIssue, currentIssue: id.currentIssue };
      }
      return { kind: 'person', delegate, via: viaBadge ? 'badge' : 'registration_code' };
    }
  }
}
