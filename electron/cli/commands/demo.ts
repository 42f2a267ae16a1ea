// `uketsuke demo`: the demo event (the EU-Japan conference) with its delegates, in rehearsal mode unless --live.
import path from 'node:path';
import { buildDemo } from '../../demo/build-demo.js';
import { out, UsageError, withApp, type Command } from '../context.js';

export const demo: Command = async (cli) => {
  const { values, db } = cli;
  const count = values.delegates ? Number(values.delegates) : undefined;
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 1_000_000)) throw new UsageError('--delegates must be a whole number from 1 to 1000000');
  if (values.start && !/^\d{4}-\d{2}-\d{2}$/.test(values.start)) throw new UsageError('--start takes a date as YYYY-MM-DD');
  return withApp(cli, { existing: false }, (app) => {
    const made = buildDemo(app, { delegates: count, start: values.start, rehearsal: !values.live });
    const info = app.event.info();
    if (values.json) out({ db: path.resolve(db), event: info.id, ...made, checkpoints: app.event.checkpointRows().length, rehearsal: info.rehearsal });
    else process.stdout.write(`Created "${info.name}" in ${db}: ${made.delegates} delegates, ${made.meetings} meetings${info.rehearsal ? ' (rehearsal mode: time windows not enforced; --live to enforce)' : ''}.\n`);
    return 0;
  });
};
