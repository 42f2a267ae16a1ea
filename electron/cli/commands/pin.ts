// `uketsuke pin --set DIGITS`: the staff PIN. Not the Api's `setStaffPin`, which asks a screen for the current PIN:
// whoever holds the event file may set it outright.
import { UsageError, withApp, type Command } from '../context.js';

export const pin: Command = async (cli) => {
  const digits = cli.values.set;
  if (!digits) throw new UsageError('pin needs --set DIGITS (4 to 8 digits)');
  return withApp(cli, { existing: true }, (app) => {
    app.staffLock.setPin(digits);
    process.stdout.write('Staff PIN set.\n');
    return 0;
  });
};
