// Every Api method, gathered from the wings. The access matrix, the hosts' body limits, the list of method names and
// the Api types (electron/api/contract.ts) are derived from here, so a new method is its descriptor in a wing (and
// the handler it calls) and nothing else. The method names are the contract the renderer, the CLI and tests use.
import type { z } from 'zod';
import { ServiceError } from '../core.js';
import { STAFF, type Principal } from '../trust/access.js';
import { checkinMethods } from './checkin.js';
import { eventMethods } from './event.js';
import { importMethods } from './import.js';
import { DEFAULT_BODY_LIMIT, InputError, type Method } from './method.js';
import { peopleMethods } from './people.js';
import { printingMethods } from './printing.js';
import { reportMethods } from './reports.js';
import { staffMethods } from './staff.js';
import { venueMethods } from './venue.js';

export const METHODS = {
  ...eventMethods,
  ...peopleMethods,
  ...checkinMethods,
  ...printingMethods,
  ...staffMethods,
  ...importMethods,
  ...reportMethods,
  ...venueMethods,
};

export type Methods = typeof METHODS;
export type ApiMethod = keyof Methods;
/** What a caller sends (defaults not applied yet). */
export type ApiInput<M extends ApiMethod> = z.input<Methods[M]['input']>;
/** What a handler gets: validated, defaults applied. */
export type ApiParsedInput<M extends ApiMethod> = z.output<Methods[M]['input']>;
/** What `dispatch` answers: immediately for most methods, a promise for the ones that read or write files. */
export type ApiResult<M extends ApiMethod> = ReturnType<Methods[M]['run']>;
export type ApiOutputs = { [M in ApiMethod]: Awaited<ApiResult<M>> };

export const API_METHODS = Object.keys(METHODS) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(METHODS, name);
}

/** The descriptor of a method by its name (callers check `isApiMethod` first). */
export function methodOf(name: ApiMethod): Method {
  return METHODS[name] as unknown as Method;
}

/** Every method's input schema, by name. */
export const apiInputs = Object.fromEntries(API_METHODS.map((m) => [m, METHODS[m].input])) as { [M in ApiMethod]: Methods[M]['input'] };

/** Who may call what (checked by Trust.authorize; the expected matrix is test/unit/trust.test.ts). */
export const METHOD_ACCESS = Object.fromEntries(API_METHODS.map((m) => [m, METHODS[m].access])) as Record<ApiMethod, readonly Principal[]>;

/** A name that is no method is staff-only: safe by default (the hosts answer 404 before asking anyway). */
export function accessOf(method: string): readonly Principal[] {
  return isApiMethod(method) ? METHOD_ACCESS[method] : STAFF;
}

/** How many bytes of request body the web host reads for this method. */
export function bodyLimitOf(method: string): number {
  return (isApiMethod(method) ? methodOf(method).bodyLimit : undefined) ?? DEFAULT_BODY_LIMIT;
}

/** Finds the method and validates untrusted input against its schema (defaults applied). */
export function parseCall(method: string, rawInput: unknown): { m: Method; input: unknown } {
  if (!isApiMethod(method)) throw new ServiceError('bad_input', `Unknown method: ${String(method)}`);
  const m = methodOf(method);
  const parsed = m.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new InputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`));
  return { m, input: parsed.data };
}
