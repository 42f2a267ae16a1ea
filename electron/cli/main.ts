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
      process.stderr.write(`uketsuke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

/** A refusal of the file system (ENOENT, EACCES, EISDIR …) on a path the command line named. */
function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}
