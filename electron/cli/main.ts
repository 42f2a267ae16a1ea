// `uketsuke`: the command line over the same core. Parses the flags, routes to one file per command (./commands/)
// and turns what went wrong into an exit code. JSON shapes and flags are a contract (shared/DESIGN.md).
// Exit codes: 0 done (even when a scan is denied), 1 the input could not be processed, 2 bad usage.
import { ServiceError } from '../services/core.js';
import { NewerDatabaseError } from '../../db/open.js';
import { defaultDataFile, UsageError, type Command } from './context.js';
import { HELP } from './help.js';
import { parseOptions } from './options.js';
import { demo } from './commands/demo.js';
import { event } from './commands/event.js';
import { programme } from './commands/programme.js';
import { cancel } from './commands/cancel.js';
import { delegates } from './commands/delegates.js';
import { checkpoints } from './commands/checkpoints.js';
import { scan } from './commands/scan.js';
import { badge } from './commands/badge.js';
import { badges } from './commands/badges.js';
import { importDelegates } from './commands/import.js';
import { exportDelegates } from './commands/export.js';
import { privacyExport } from './commands/privacy-export.js';
import { purge } from './commands/purge.js';
import { restore } from './commands/restore.js';
import { pin } from './commands/pin.js';
import { report } from './commands/report.js';
import { web } from './commands/web.js';
import { hub } from './commands/hub.js';
import { pairingCode } from './commands/pairing-code.js';
import { pair } from './commands/pair.js';
import { sync } from './commands/sync.js';
import { devices } from './commands/devices.js';

const COMMANDS: Readonly<Record<string, Command>> = {
  demo, event, programme, cancel, delegates, checkpoints, scan, badge, badges,
  import: importDelegates, export: exportDelegates, 'privacy-export': privacyExport, purge, restore, pin, report,
  web, hub, 'pairing-code': pairingCode, pair, sync, devices,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  const { values, positionals } = parseOptions(rest);
  const chosen = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!chosen) throw new UsageError(`Unknown command: ${command}`);
  return chosen({ command, values, positionals, db: values.db ?? defaultDataFile() });
}

export function run(): void {
  // exitCode, not exit(): exit() would cut off JSON still being written to a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
        process.stderr.write(`uketsuke: ${err.message}\n\n${HELP}`);
        process.exitCode = 2;
        return;
      }
      // What the person can fix (no event file, no backup, a folder that is not there): the message, not a trace.
      if (err instanceof ServiceError || err instanceof NewerDatabaseError || isFileSystemError(err)) {
        process.stderr.write(`uketsuke: ${err.message}\n`);
        process.exitCode = 1;
        return;
      }
      // Anything else (a hub's refusal, a full disk, a bug) is still one line; the trace only when asked for.
      process.stderr.write(`uketsuke: ${oneLine(err)}\n`);
      if (process.env.UKETSUKE_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 1;
    },
  );
}

/** A refusal of the file system (ENOENT, EACCES, EISDIR …) on a path the command line named. */
function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

/** An error as the one line a person reads: a full disk in words they can act on, else the message's first line. */
export function oneLine(err: unknown): string {
  const code = err instanceof Error ? String((err as { code?: unknown }).code ?? '') : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'The disk is full: nothing more can be recorded. Free some space on this computer and try again (what was already recorded is kept).';
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.trim() || 'Unexpected error.';
}
