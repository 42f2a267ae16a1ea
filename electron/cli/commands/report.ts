// `uketsuke report`: a report as PDF, CSV or XLSX, through the Api like every shell, with a progress bar.
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../services/core.js';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LANGS, type ReportFormat, type ReportKind } from '../../api/contract.js';
import { delegateIdOf, out, progressBar, UsageError, withApp, type Command } from '../context.js';

export const report: Command = async (cli) => {
  const { values } = cli;
  if (!values.kind || !values.out) throw new UsageError('report needs --kind KIND and --out FILE.pdf|.csv|.xlsx');
  const file = values.out;
  const kind = values.kind as ReportKind;
  if (!REPORT_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${REPORT_KINDS.join(', ')}`);
  const format = path.extname(file).slice(1).toLowerCase() as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError('--out must end in .pdf, .csv or .xlsx');
  const lang = (values.lang ?? 'en') as (typeof REPORT_LANGS)[number];
  if (!REPORT_LANGS.includes(lang)) throw new UsageError('--lang is en or ja');
  return withApp(cli, { existing: true, at: true }, async (app) => {
    const delegateIds = values.delegate?.split(',').map((key) => delegateIdOf(app, key.trim()));
    // This process answers no scans meanwhile, so the report is built on its own thread (a worker would only add
    // its start-up).
    app.reports.inline = true;
    const bar = progressBar('Report');
    let job = app.dispatch('reportStart', { kind, format, lang, delegateIds });
    let shown = -1;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      job = app.dispatch('reportStatus', { jobId: job.id });
      if (job.total > 0 && job.done !== shown && job.done < job.total) bar((shown = job.done), job.total);
    }
    if (shown >= 0) bar(job.total, job.total);
    if (job.state === 'failed' || !job.file) throw new ServiceError('conflict', job.error ?? 'The report could not be made.');
    const data = Buffer.from(job.file.base64, 'base64');
    fs.writeFileSync(file, data);
    if (values.json) out({ out: path.resolve(file), kind, format, lang, bytes: data.length });
    else process.stdout.write(`${kind} (${lang}) → ${file}\n`);
    return 0;
  });
};
