// What every command of `uketsuke` (./commands/) is given and shares: the parsed flags, the event file, `withApp`
// (open the file, run, close it whatever happens), the JSON printer and the progress bar. ./main.ts routes to them.
import fs from 'node:fs';
import { Uketsuke } from '../services/uketsuke.js';
import { ServiceError } from '../services/core.js';
import { dataDir } from '../services/replication/installation.js';
import { eventFileIn } from '../workspace/current-event.js';
import type { CliValues } from './options.js';

/** Bad usage: exit code 2, with the help. */
export class UsageError extends Error {}

export interface Cli {
  command: string;
  values: CliValues;
  positionals: string[];
  /** --db, else $UKETSUKE_DB, else the event last chosen (see defaultDataFile). */
  db: string;
}

/** A command: its exit code (servers never answer: they run until stopped). */
export type Command = (cli: Cli) => Promise<number>;

export function defaultDataFile(): string {
  if (process.env.UKETSUKE_DB) return process.env.UKETSUKE_DB;
  // After "Join a hub" the station opens the hub's event next time too.
  return eventFileIn(dataDir());
}

export const out = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

export function open(file: string, at?: string): Uketsuke {
  const fixed = at ? Date.parse(at) : NaN;
  if (at && Number.isNaN(fixed)) throw new UsageError(`--at is not a date and time: ${at}`);
  return Uketsuke.open(file, at ? { now: () => fixed } : {});
}

export function requireFile(file: string): void {
  if (!fs.existsSync(file)) throw new ServiceError('not_found', `No event file at ${file}. Create one with: uketsuke demo --db ${file}`);
}

/**
 * The event file open for the length of `work`, closed whatever happens. `existing`: the file must be there already
 * (most commands; `demo`, `import`, `pair` make it); `at`: the clock reads --at (a scan's business time).
 */
export async function withApp<T>(cli: Cli, o: { existing: boolean; at?: boolean }, work: (app: Uketsuke) => T | Promise<T>): Promise<T> {
  if (o.existing) requireFile(cli.db);
  const app = open(cli.db, o.at ? cli.values.at : undefined);
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** A file named on the command line that must be there. */
export function requireSource(source: string): void {
  if (!fs.existsSync(source)) throw new ServiceError('not_found', `No file ${source}.`);
}

/** A delegate named by id or email. */
export function delegateIdOf(app: Uketsuke, key: string): string {
  const d = app.delegates.findByIdOrEmail(key);
  if (!d) throw new ServiceError('not_found', `No delegate with id or email ${key}.`);
  return d.id;
}

/** A port flag: 0–65535, `fallback` when not given. */
export function portOf(value: string | undefined, fallback: number, flag: string): number {
  const port = value ? Number(value) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${flag} must be 0–65535`);
  return port;
}

/** A progress bar on stderr (stdout stays clean for --json). */
export function progressBar(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (!process.stderr.isTTY && done !== total) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

/** A server command: runs until SIGINT or SIGTERM, then `stop` and exit. */
export function untilStopped(stop: () => Promise<unknown>): Promise<number> {
  const end = () => void stop().finally(() => process.exit(0));
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
  return new Promise<number>(() => {});
}
