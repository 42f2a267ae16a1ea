import { ApiError, type Transport } from './client';
import type { ApiErrorBody } from '../../../electron/api/contract';

/** The Api over HTTP: the browser (web mode, tests) and kiosks talking to the venue hub. */
export const httpTransport: Transport = async (method, input) => {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) });
  } catch {
    throw new ApiError('offline', 'The Uketsuke service cannot be reached.');
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as ApiErrorBody | null)?.error;
    throw new ApiError(err?.code ?? 'internal', err?.message ?? `HTTP ${res.status}`, err?.say);
  }
  return body as never;
};
