// `uketsuke purge --yes`: after the event, every delegate's personal data erased; counts and scans kept.
import { out, UsageError, withApp, type Command } from '../context.js';

export const purge: Command = async (cli) => {
  const { values } = cli;
  if (!values.yes) throw new UsageError('purge erases every delegate\'s personal data: add --yes to confirm');
  return withApp(cli, { existing: true, at: true }, (app) => {
    const r = app.privacy.purge({ force: values.force });
    if (values.json) out(r);
    else process.stdout.write(`Personal data of ${r.delegates} delegates erased; counts and scans kept.\n`);
    return 0;
  });
};
