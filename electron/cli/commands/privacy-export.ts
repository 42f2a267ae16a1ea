// `uketsuke privacy-export`: everything the event file holds about one person (a data subject's request), through the Api.
import fs from 'node:fs';
import { delegateIdOf, UsageError, withApp, type Command } from '../context.js';

export const privacyExport: Command = async (cli) => {
  const { values } = cli;
  if (!values.delegate || !values.out) throw new UsageError('privacy-export needs --delegate ID|EMAIL and --out FILE.json');
  const { delegate, out } = values;
  return withApp(cli, { existing: true, at: true }, (app) => {
    const file = app.dispatch('subjectExport', { delegateId: delegateIdOf(app, delegate) });
    fs.writeFileSync(out, `${Buffer.from(file.base64, 'base64').toString('utf8')}\n`);
    return 0;
  });
};
