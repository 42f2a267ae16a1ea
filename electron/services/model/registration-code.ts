// Registration codes Uketsuke makes itself (the demo event, tests). A code admits at a door like a badge, so it must
// not be guessable from another one: 12 random digits (10^12 codes for a few thousand people), from the system's
// cryptographic generator. Digits only, in fixed groups, so a keyboard-wedge scanner types the same shape every time.
import { randomInt } from 'node:crypto';

export function randomRegistrationCode(prefix = 'EJRC'): string {
  const group = () => String(randomInt(0, 10_000)).padStart(4, '0');
  return `${prefix}-${group()}-${group()}-${group()}`;
}
