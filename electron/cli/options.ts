// Every flag of `uketsuke` (shared/DESIGN.md "CLI": a contract), parsed once in ./main.ts for whichever command runs.
import { parseArgs } from 'node:util';

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  search: { type: 'string' },
  checkpoint: { type: 'string' },
  at: { type: 'string' },
  delegates: { type: 'string' },
  start: { type: 'string' },
  live: { type: 'boolean', default: false },
  port: { type: 'string' },
  delegate: { type: 'string' },
  out: { type: 'string' },
  size: { type: 'string' },
  back: { type: 'boolean', default: false },
  role: { type: 'string' },
  country: { type: 'string' },
  set: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  rejects: { type: 'string' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  yes: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  host: { type: 'string' },
  code: { type: 'string' },
  name: { type: 'string' },
  'name-ja': { type: 'string' },
  'venue-ja': { type: 'string' },
  end: { type: 'string' },
  tz: { type: 'string' },
  venue: { type: 'string' },
  rehearsal: { type: 'boolean', default: false },
  restore: { type: 'boolean', default: false },
  revoke: { type: 'string' },
  hub: { type: 'boolean', default: false },
  upstream: { type: 'string' },
  event: { type: 'string' },
  'hub-port': { type: 'string' },
  'hub-host': { type: 'string' },
  from: { type: 'string' },
  station: { type: 'string' },
  kind: { type: 'string' },
  lang: { type: 'string' },
} as const;

export function parseOptions(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: OPTIONS });
}

export type CliValues = ReturnType<typeof parseOptions>['values'];
