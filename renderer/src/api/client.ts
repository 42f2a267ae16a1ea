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

export const SIGN_IN_NEEDED = 'uketsuke:sign-in-needed';

/**
 * The Api as an object whose every property is a method: any name is sent to the core, which knows its methods
 * (electron/services/methods/), so no list of them is kept here; the `Api` type says which names exist.
 */
export function makeApi(call: Transport): Api {
  const methods = new Map<string, unknown>();
  const method = (m: ApiMethod) => (input: ApiInput<typeof m>) =>
    call(m, input).catch((e: unknown) => {
      // The core refused this station: the shell asks staff to sign in (App.tsx), then they try again.
      if (e instanceof ApiError && e.code === 'forbidden' && typeof window !== 'undefined') {
        window.dispatchEvent(new CustomEvent(SIGN_IN_NEEDED, { detail: e.message }));
      }
      throw e;
    });
  return new Proxy({} as Api, {
    // Not a thenable: `await api` or a promise resolving to it must not call a method named "then".
    get: (_, name) => {
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (!methods.has(name)) methods.set(name, method(name as ApiMethod));
      return methods.get(name);
    },
  });
}
