// The venue wing of the Api: this device's link with the hub (status, start a hub, join one, pairing codes, the
// devices seen) and what offline devices could not prevent. The hub's lifecycle is sync/hub-role.ts.
import { z } from 'zod';
import type { HubDeviceInfo } from '../../api/sync-protocol.js';
import type { SyncConflicts, SyncStatus } from '../../api/contract.js';
import { STATION_ROLES } from '../../api/vocabulary.js';
import { ANYONE, DESK, ORGANISER } from '../trust/access.js';
import { none, text } from './inputs.js';
import { method } from './method.js';

export const venueMethods = {
  syncStatus: method({ input: none, access: ANYONE, run: (_, { app }): SyncStatus => app.hubRole.syncStatus() }),
  syncConflicts: method({ input: none, access: DESK, run: (_, { app }): SyncConflicts => app.conflicts.list() }),
  hubDevices: method({ input: none, access: DESK, run: (_, { app }): Promise<HubDeviceInfo[]> => app.hubRole.hubDevices() }),
  pairingCode: method({
    input: z.object({ role: z.enum(STATION_ROLES) }),
    access: ORGANISER,
    run: ({ role }, { app }): { code: string; hub: string[]; fingerprint: string; expiresAt: string } => app.hub.pairingCode(role),
  }),
  startHub: method({ input: none, access: ORGANISER, run: (_, { app }): Promise<SyncStatus> => app.hubRole.startHub() }),
  joinHub: method({
    input: z.object({ code: z.string().min(10).max(2000), name: text(100).default('') }),
    access: ORGANISER,
    run: ({ code, name }, { app }): Promise<{ eventId: string; delegates: number }> => app.hubRole.joinHub(code, name),
  }),
};
