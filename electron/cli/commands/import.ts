// `uketsuke import FILE`: delegates from a registration export, inline with a progress bar. Not the Api's
// `importStart`: that runs in the background and backs the file up first, for screens that go on answering scans.
import fs from 'node:fs';
import path from 'node:path';
import { rejectedCsv } from '../../services/people/import/importer.js';
import { INLINE_READER } from '../../services/people/import/read-job.js';
import { blankEventSpec } from '../../services/event/blank-event.js';
import { out, progressBar, requireSource, UsageError, withApp, type Command } from '../context.js';

export const importDelegates: Command = async (cli) => {
  const { values, positionals, db } = cli;
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
  const source = positionals[0]!;
  requireSource(source);
  return withApp(cli, { existing: false }, async (app) => {
    if (!app.event.exists()) app.event.create(blankEventSpec(db, new Date()));
    const bar = progressBar(values['dry-run'] ? 'Checking' : 'Importing');
    // The CLI does nothing else meanwhile: no worker thread to start.
    app.importer.reader = INLINE_READER;
    const report = await app.importer.run(path.basename(source), fs.readFileSync(source), { dryRun: values['dry-run'], onProgress: bar });
    if (values.rejects) fs.writeFileSync(values.rejects, rejectedCsv(report.headers, report.rejected));
    if (values.json) {
      out({ imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.map(({ line, reason }) => ({ line, reason })), flagged: report.flagged, total: report.total, dryRun: report.dryRun, encoding: report.encoding, delimiter: report.delimiter });
    } else {
      process.stdout.write(`${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected (read as ${report.encoding}).\n`);
      for (const r of report.rejected) process.stdout.write(`  line ${r.line}: ${r.reason}\n`);
      // Imported, but for the desk to settle (reading guessed, e-mail invalid, role word unknown…).
      for (const f of report.flagged) process.stdout.write(`  line ${f.line}: flagged ${f.flag.replace(/_/g, ' ')}${f.value ? ` (${f.value})` : ''}\n`);
    }
    return 0;
  });
};
