// `uketsuke export`: every delegate as CSV (UTF-8 or Shift_JIS) or XLSX. Not the Api's `exportDelegates`: the CLI
// also says how many cells Shift_JIS could not hold, which the Api's file does not carry.
import fs from 'node:fs';
import path from 'node:path';
import { out, UsageError, withApp, type Command } from '../context.js';

export const exportDelegates: Command = async (cli) => {
  const { values } = cli;
  if (!values.out) throw new UsageError('export needs --out FILE');
  const file = values.out;
  const format = values.format ?? (file.endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is csv or xlsx');
  const encoding = values.encoding ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'shift_jis') throw new UsageError('--encoding is utf-8 or shift_jis');
  return withApp(cli, { existing: true }, async (app) => {
    if (format === 'xlsx') fs.writeFileSync(file, await app.exporter.xlsx());
    else {
      const { data, lossyCells } = app.exporter.csv(encoding);
      fs.writeFileSync(file, data);
      if (lossyCells) process.stderr.write(`uketsuke: ${lossyCells} cells have characters Shift_JIS cannot hold (shown as "?"); use UTF-8 for those names.\n`);
    }
    if (values.json) out({ out: path.resolve(file), format, encoding });
    return 0;
  });
};
