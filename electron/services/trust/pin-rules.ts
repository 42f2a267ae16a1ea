// When an action against the rules, or a change of the staff PIN itself, needs the PIN (or a staff badge) again,
// even from a client already allowed to call the method. Wrong tries count against the client's lockout like any
// sign-in (trust/staff-lock.ts). Used by the check-in and staff wings (services/methods/).
import { ServiceError } from '../core.js';
import type { StaffLock } from './staff-lock.js';
import type { Trust } from './trust.js';
import type { Caller } from './access.js';

/** "Admit anyway": once a staff PIN is set, the PIN or a staff badge comes with the override. */
export function requireOverrideSecret(staffLock: StaffLock, secret: string | undefined, caller: Caller): void {
  if (staffLock.hasPin() && !staffLock.unlock(secret ?? '', caller.clientId).ok) {
    throw new ServiceError('bad_input', 'Admitting against the rules needs the staff PIN or a staff badge.', { key: 'override_needs_pin', values: {} });
  }
}

/**
 * Changing a PIN takes the PIN (or a staff badge): whoever walks up to an unlocked screen cannot lock staff out.
 * An organiser who signed in with their badge has shown who they are.
 */
export function requirePinChangeSecret(staffLock: StaffLock, trust: Trust, current: string | undefined, caller: Caller): void {
  const proven = trust.signedInAsOrganiser(caller);
  if (staffLock.hasPin() && !proven && !staffLock.unlock(current ?? '', caller.clientId).ok) {
    throw new ServiceError('bad_input', 'Changing the staff PIN needs the current PIN or a staff badge.', { key: 'pin_change_needs_pin', values: {} });
  }
}
