// The renderer's only way to the core: the typed Api, over whichever transport this window has.
import type { Api, ApiErrorBody, ApiInput, ApiMethod, ApiOutputs, CoreMessage } from '../../../electron/api/contract';

export type Transport = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorBody['error']['code'] | 'offline',
    message: string,
    /** The message as a key and values (rendered by the screen in its language), when the core gives one. */
    readonly say?: CoreMessage,
  ) {
    super(message);
  }
}

// Every method of the contract, checked by the compiler: a method added there and not here fails to build.
const METHODS = Object.keys({
  event: true, checkpoints: true, searchDelegates: true, delegate: true, scan: true, checkIn: true, override: true,
  undoScan: true, walkIn: true, updateDelegate: true, setRegistrations: true, reissueBadge: true, recentScans: true, attendance: true, printers: true,
  printBadge: true, printJobs: true, retryPrint: true, unlock: true, importPreview: true, importStart: true,
  importStatus: true, exportDelegates: true, rejectedRows: true, subjectExport: true, syncConflicts: true, syncStatus: true,
  hubDevices: true, pairingCode: true, startHub: true, passengers: true, joinHub: true, signOut: true, session: true,
  kioskFind: true, stillExpected: true, identifyCode: true, countries: true,
  report: true, reportStart: true, reportStatus: true, dashboard: true,
  programme: true, updateEvent: true, saveSession: true, archiveSession: true, saveBus: true, archiveBus: true,
  saveCheckpointRules: true, programmeImport: true, newEvent: true, setStaffPin: true, branding: true, setBranding: true, openDemo: true, moveSession: true, saveDay: true,
} satisfies Record<ApiMethod, true>) as ApiMethod[];

export const SIGN_IN_NEEDED = 'uketsuke:sign-in-needed';

export function makeApi(call: Transport): Api {
  const api = {} as Record<ApiMethod, unknown>;
  for (const m of METHODS) {
    api[m] = (input: ApiInput<typeof m>) =>
      call(m, input).catch((e: unknown) => {
        // The core refused this station: the shell asks staff to sign in (App.tsx), then they try again.
        if (e instanceof ApiError && e.code === 'forbidden' && typeof window !== 'undefined') {
          window.dispatchEvent(new CustomEvent(SIGN_IN_NEEDED, { detail: e.message }));
        }
        throw e;
      });
  }
  return api as Api;
}
