import { ApiError, type Transport } from './client';
import type { ApiMethod, CoreMessage } from '../../../electron/api/contract';

/** What the Electron preload exposes on window (see electron/shell/preload.ts). */
export interface UketsukeBridge {
  call(method: ApiMethod, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string; say?: CoreMessage }>;
  /** Kiosk mode: the app asks for the staff PIN before it may be closed. */
  onCloseRequested(listener: () => void): void;
  /** Closes the app if the secret (staff PIN or staff badge) unlocks it. */
  closeWithSecret(secret: string): Promise<boolean>;
}

declare global {
  interface Window {
    uketsuke?: UketsukeBridge;
  }
}

export function bridgeTransport(bridge: UketsukeBridge): Transport {
  return async (method, input) => {
    const r = await bridge.call(method, input);
    if (!r.ok) throw new ApiError(r.code as ApiError['code'], r.message, r.say);
    return r.value as never;
  };
}
