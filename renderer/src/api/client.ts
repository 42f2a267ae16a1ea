// The renderer's only way to the core: the typed Api, over whichever transport this window has.
import type { Api, ApiErrorBody, ApiInput, ApiMethod, ApiOutputs } from '../../../electron/api/contract';

export type Transport = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorBody['error']['code'] | 'offline',
    message: string,
  ) {
    super(message);
  }
}

const METHODS: ApiMethod[] = ['event', 'checkpoints', 'searchDelegates', 'delegate', 'scan', 'checkIn', 'override', 'undoScan', 'walkIn', 'reissueBadge', 'recentScans', 'attendance'];

export function makeApi(call: Transport): Api {
  const api = {} as Record<ApiMethod, unknown>;
  for (const m of METHODS) api[m] = (input: ApiInput<typeof m>) => call(m, input);
  return api as Api;
}
