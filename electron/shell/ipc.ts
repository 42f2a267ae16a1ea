// The two IPC handlers of the main process, as functions of what they need: the unit test
// (test/unit/shell-ipc.test.ts) calls them with Electron's IPC events faked at the edge.
import type { IpcMainInvokeEvent } from 'electron';
import type { ApiMethod, CoreMessage } from '../api/contract.js';
import { isApiMethod } from '../services/methods/index.js';
import type { BackendReply } from './backend-protocol.js';
import { isTrustedUrl } from './security.js';

export type CallBackend = (method: ApiMethod, input: unknown) => Promise<BackendReply>;
export type CallAnswer = { ok: true; value: unknown } | { ok: false; code: string; message: string; say?: CoreMessage };

/** Only our own page's main frame: not an iframe inside it, not a page that navigated elsewhere. */
export function fromOwnMainFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isTrustedUrl(frame.url);
}

/** `uketsuke:call`: methods of the contract only, from our main frame only; the core validates the input. */
export function callHandler(callBackend: CallBackend) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, method: unknown, input: unknown): Promise<CallAnswer> => {
    if (!fromOwnMainFrame(event)) return { ok: false, code: 'bad_input', message: 'Refused: untrusted sender.' };
    if (typeof method !== 'string' || !isApiMethod(method)) return { ok: false, code: 'bad_input', message: 'Unknown method.' };
    const reply = await callBackend(method as ApiMethod, input);
    return reply.ok ? { ok: true, value: reply.value } : { ok: false, code: reply.code, message: reply.message, say: reply.say };
  };
}

/** `uketsuke:close-with-secret`: a kiosk closes only with the staff PIN or a staff badge (checked by the core). */
export function closeHandler(callBackend: CallBackend, close: () => void) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, secret: unknown): Promise<boolean> => {
    if (!fromOwnMainFrame(event)) return false;
    const reply = await callBackend('unlock', { secret: typeof secret === 'string' ? secret : '' });
    const ok = reply.ok && (reply.value as { ok: boolean }).ok;
    if (ok) close();
    return ok;
  };
}
