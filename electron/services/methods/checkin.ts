// The check-in wing of the Api: scans and their verdicts, a desk check-in, "admit anyway", undo, the scan log,
// a bus's passengers and who is still expected. Each method: schema, who may call it, handler (method.ts).
import { z } from 'zod';
import type { CodeIdentity, Delegate, PassengerList, ScanRecord, ScanResult } from '../../api/contract.js';
import { codeIdentity } from '../checkin/code-identity.js';
import { DESK, DOOR, DOOR_OR_KIOSK, KIOSK, STAFF } from '../trust/access.js';
import { requireOverrideSecret } from '../trust/pin-rules.js';
import { id, text } from './inputs.js';
import { method } from './method.js';

export const checkinMethods = {
  scan: method({
    input: z.object({ checkpointId: id, code: z.string().max(8192) }),
    access: DOOR_OR_KIOSK,
    run: ({ checkpointId, code }, { app }): ScanResult => app.afterWrite(app.checkin.scan(checkpointId, code)),
  }),
  checkIn: method({
    input: z.object({ delegateId: id, checkpointId: id.optional() }),
    access: KIOSK,
    run: ({ delegateId, checkpointId }, { app }): ScanResult => app.afterWrite(app.checkin.checkIn(delegateId, checkpointId)),
  }),
  // A supervisor's decision: once a staff PIN is set, the PIN (or a staff badge) comes with it. A door may ask.
  override: method({
    input: z.object({ checkpointId: id, delegateId: id, reason: text(500).min(3), secret: z.string().max(600).optional() }),
    access: DOOR,
    run: ({ checkpointId, delegateId, reason, secret }, { app, caller }): ScanResult => {
      requireOverrideSecret(app.staffLock, secret, caller);
      return app.afterWrite(app.checkin.override(checkpointId, delegateId, reason));
    },
  }),
  undoScan: method({
    input: z.object({ scanId: id, reason: text(500).min(3) }),
    access: STAFF,
    run: ({ scanId, reason }, { app }): ScanRecord => app.afterWrite(app.checkin.undo(scanId, reason)),
  }),
  recentScans: method({
    input: z.object({ checkpointId: id.optional(), limit: z.number().int().min(1).max(500).default(50) }),
    access: DOOR,
    run: ({ checkpointId, limit }, { app }): ScanRecord[] => app.checkin.recent({ checkpointId, limit }),
  }),
  passengers: method({
    input: z.object({ checkpointId: id }),
    access: DOOR,
    run: ({ checkpointId }, { app }): PassengerList => app.passengers.of(checkpointId),
  }),
  // Registered for the checkpoint's target and not admitted yet (a bus's missing passengers).
  stillExpected: method({
    input: z.object({ checkpointId: id }),
    access: DOOR,
    run: ({ checkpointId }, { app }): { missing: Delegate[] } => ({ missing: app.stillExpected.list(checkpointId) }),
  }),
  // The desk: a badge QR or registration code typed, pasted or wedge-scanned into the search (checkin/identify.ts).
  // It opens the person like the delegate card, so never for a kiosk or a door.
  identifyCode: method({
    input: z.object({ code: z.string().max(8192) }),
    access: DESK,
    run: ({ code }, { app }): CodeIdentity => codeIdentity(code, app.event, app.delegates),
  }),
};
