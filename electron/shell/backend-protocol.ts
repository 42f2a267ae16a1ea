import type { ApiMethod } from '../api/contract.js';

export interface BackendRequest {
  id: number;
  method: ApiMethod;
  input: unknown;
}

export type BackendReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: string; message: string };
