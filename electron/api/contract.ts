// The one typed Api: every shell (Electron preload, web host, CLI, tests) speaks exactly this. The methods, their
// input schemas (zod: inputs cross a trust boundary, IPC and HTTP) and who may call them are declared once, in the
// descriptors of electron/services/methods/<wing>.ts; the types here are derived from them (type imports only, so
// this module holds no runtime code of the services). Outputs are plain types, one file per wing beside this one;
// the domain's words are electron/api/vocabulary.ts, the one back-end module the renderer imports at runtime.
import type { ApiInput, ApiMethod, ApiOutputs } from '../services/methods/index.js';

export * from './vocabulary.js';
export type * from './event.js';
export type * from './people.js';
export type * from './checkin.js';
export type * from './printing.js';
export type * from './reports.js';
export type * from './venue.js';
export type * from './messages.js';
export type { WalkInInput } from '../services/methods/inputs.js';
export type { ApiInput, ApiMethod, ApiOutputs, ApiParsedInput } from '../services/methods/index.js';

/** What a client sees: every method async, whatever carries it. */
export type Api = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> };
