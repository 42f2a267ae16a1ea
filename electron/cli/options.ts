// Every flag of `uketsuke` (shared/DESIGN.md "CLI": a contract), parsed once in ./main.ts for whichever command runs.
import { parseArgs } from 'node:util';

/** Flags that take a value. */
const VALUES = [
  'db', 'search', 'checkpoint', 'at', 'delegates', 'start', 'port', 'delegate', 'out', 'size', 'role',
  'country', 'set', 'rejects', 'format', 'encoding', 'host', 'code', 'name', 'name-ja', 'venue-ja', 'end', 'tz',
  'venue', 'revoke', 'upstream', 'event', 'hub-port', 'hub-host', 'from', 'station', 'kind', 'lang',
] as const;

/** Flags that are on or off (off unless given). */
const SWITCHES = [
  'json', 'live', 'back', 'dry-run', 'yes', 'force', 'rehearsal', 'restore', 'hub',
] as const;

type Options = { [K in (typeof VALUES)[number]]: { type: 'string' } } & { [K in (typeof SWITCHES)[number]]: { type: 'boolean'; default: false } };

const OPTIONS = Object.fromEntries([
  ...VALUES.map((name) => [name, { type: 'string' }]),
  ...SWITCHES.map((name) => [name, { type: 'boolean', default: false }]),
]) as Options;

export function parseOptions(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: OPTIONS });
}

export type CliValues = ReturnType<typeof parseOptions>['values'];
