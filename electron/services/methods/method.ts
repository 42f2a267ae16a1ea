// What an Api method is, in one place: its input schema (inputs cross a trust boundary: IPC, HTTP), who may call it,
// how large a request body the web host reads for it, and its handler. The wings (checkin.ts, people.ts, event.ts,
// …) declare their methods with `method`; index.ts gathers them, and the access matrix, the host's body limits and
// the Api types (electron/api/contract.ts) are derived from them.
import type { z } from 'zod';
import { ServiceError } from '../core.js';
import type { Caller, Principal } from '../trust/access.js';
import type { Uketsuke } from '../uketsuke.js';

/** A request body the web host reads for an ordinary method. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;
/** Methods that carry a file (base64): a 50k-row registration export is a few megabytes. */
export const FILE_BODY_LIMIT = 64 * 1024 * 1024;

/** What a handler gets besides its input: the services, and who is calling (never kept between calls). */
export interface Call {
  app: Uketsuke;
  caller: Caller;
}

export interface Method<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  /** The principals that may call it (services/trust/access.ts); Trust.authorize asks before the handler runs. */
  access: readonly Principal[];
  /** Bytes of request body the web host reads (DEFAULT_BODY_LIMIT unless given). */
  bodyLimit?: number;
  /** Sync answers stay sync (the scan path); file work answers with a promise. */
  run(input: z.output<S>, call: Call): R;
}

/** Declares one method: the handler's input is typed by the schema, its answer by its return type. */
export function method<S extends z.ZodType, R>(m: Method<S, R>): Method<S, R> {
  return m;
}

/** Input that does not match the method's schema: every issue, for the screen or the CLI to show. */
export class InputError extends ServiceError {
  constructor(readonly issues: string[]) {
    super('bad_input', `Invalid input: ${issues.join('; ')}`);
  }
}
