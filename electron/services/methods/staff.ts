// The staff wing of the Api: signing in (the staff PIN or a staff badge), signing out, who this client is signed in
// as, and setting the staff PIN. Sessions are kept per client by services/trust/trust.ts.
import { z } from 'zod';
import type { StaffSession } from '../../api/contract.js';
import { ANYONE, ORGANISER } from '../trust/access.js';
import { requirePinChangeSecret } from '../trust/pin-rules.js';
import { none } from './inputs.js';
import { method } from './method.js';

export const staffMethods = {
  unlock: method({
    input: z.object({ secret: z.string().min(1).max(600) }),
    access: ANYONE,
    run: ({ secret }, { app, caller }): { ok: boolean; retryInMs: number; level?: 'staff' | 'organiser' } => app.trust.signIn(secret, caller),
  }),
  // Staff sign-in is `unlock`; these end it and say who this client is signed in as.
  signOut: method({
    input: none,
    access: ANYONE,
    run: (_, { app, caller }): StaffSession => {
      app.trust.signOut(caller);
      return app.trust.view(caller);
    },
  }),
  session: method({ input: none, access: ANYONE, run: (_, { app, caller }): StaffSession => app.trust.view(caller) }),
  // The one way to set or change the staff PIN (logged with who changed it). 4–5 digits are accepted with a warning
  // (they rely on the per-client rate limit); 6+ are advised. Changing it needs the current PIN or a staff badge,
  // unless this client signed in with an organiser badge.
  setStaffPin: method({
    input: z.object({ pin: z.string().regex(/^\d{4,8}$/), current: z.string().max(600).optional() }),
    access: ORGANISER,
    /** `weak`: 4 or 5 digits, which only the rate limit protects (screens say so). */
    run: ({ pin, current }, { app, caller }): { staffPinSet: boolean; weak: boolean } => {
      requirePinChangeSecret(app.staffLock, app.trust, current, caller);
      app.staffLock.setPin(pin, `${caller.station}:${caller.clientId}`);
      return { staffPinSet: true, weak: pin.length < 6 };
    },
  }),
};
