import type { ApiMethod, CoreMessage } from '../api/contract.js';

/** Main → backend: an Api call from the renderer. */
export interface BackendRequest {
  id: number;
  method: ApiMethod;
  input: unknown;
}

/** Backend → main: its answer. */
export type BackendReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: string; message: string; say?: CoreMessage };

/** Backend → main: printing needs a window, which only the main process has. */
export type ShellPrintRequest =
  | { printId: number; kind: 'list' }
  | { printId: number; kind: 'print'; file: string; deviceName: string; duplex: boolean };

/** Main → backend: the answer to a ShellPrintRequest. */
export type ShellPrintReply =
  | { printId: number; ok: true; printers?: { name: string; displayName: string }[] }
  | { printId: number; ok: false; reason: string };

export type ToBackend = BackendRequest | ShellPrintReply;
export type FromBackend = BackendReply | ShellPrintRequest;

export const isPrintReply = (m: ToBackend): m is ShellPrintReply => 'printId' in m;
export const isPrintRequest = (m: FromBackend): m is ShellPrintRequest => 'printId' in m;
