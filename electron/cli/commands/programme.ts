// `uketsuke programme import FILE`: sessions from iCalendar, a pretalx/frab schedule or a sheet, through the Api.
import fs from 'node:fs';
import path from 'node:path';
import { out, requireSource, UsageError, withApp, type Command } from '../context.js';

export const programme: Command = async (cli) => {
  const { values, positionals } = cli;
  if (positionals[0] !== 'import' || positionals.length !== 2) throw new UsageError('programme import takes exactly one FILE');
  const source = positionals[1]!;
  requireSource(source);
  return withApp(cli, { existing: true }, async (app) => {
    const r = await app.dispatch('programmeImport', { fileName: path.basename(source), base64: fs.readFileSync(source).toString('base64'), dryRun: values['dry-run'] });
    const rejected = r.rejected.map(({ code: _code, ...rest }) => rest);
    if (values.json) out({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected, warnings: r.warnings.map((w) => ({ ...w.ref, reason: w.message })), changes: r.changes, format: r.format, dryRun: r.dryRun });
    else {
      process.stdout.write(`${r.dryRun ? 'Dry run (nothing written): ' : ''}${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected (${r.format}).\n`);
      for (const c of r.changes.filter((x) => x.change === 'updated')) process.stdout.write(`  updated "${c.title}": ${c.fields.join(', ')}\n`);
      for (const x of r.rejected) process.stdout.write(`  ${'line' in x ? `line ${x.line}` : x.uid}: ${x.reason}\n`);
      for (const w of r.warnings) process.stdout.write(`  warning, ${'line' in w.ref ? `line ${w.ref.line}` : w.ref.uid}: ${w.message}\n`);
    }
    return 0;
  });
};
