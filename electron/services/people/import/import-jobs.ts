// Imports the desk follows by id: previews a file, starts the import in the background (batches that yield to
// scans, a backup first), and answers how far it got and which rows were refused. Kept in memory: a job is this
// process's, and a restart forgets it. The Api's import wing (services/methods/import.ts) calls here.
import type { ImportFieldName, ImportJob, ImportPreview } from '../../../api/contract.js';
import type { AutoBackup } from '../../../../db/backups.js';
import { newId, ServiceError } from '../../core.js';
import { rejectedCsv, type Importer, type ImportReport } from './importer.js';
import { mappingFor } from './profiles.js';
import type { SavedMappings } from './saved-mappings.js';

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly importer: Importer,
    private readonly backups: AutoBackup | null,
    private readonly saved: SavedMappings | null = null,
  ) {}

  /** Previews a file: how it was read, the columns recognised, the first rows. */
  async preview(fileName: string, bytes: Buffer): Promise<ImportPreview> {
    // Decoded in the import worker: a 50k-row file does not hold up scans or other screens meanwhile.
    const f = await this.importer.preview(fileName, bytes);
    // The first rows tell a column by its values when its header says nothing (e-mail addresses, codes, status words).
    const m = mappingFor(f.headers, f.sample.map((cells) => ({ cells })));
    const saved = this.saved?.get(f.headers) ?? null;
    return {
      format: f.format,
      encoding: f.encoding,
      delimiter: f.delimiter,
      headers: f.headers,
      mapping: saved ?? m.mapping,
      recognised: m.mapping,
      savedMapping: saved !== null,
      reasons: m.reasons.map((r) => ({ column: r.column, field: r.field, by: r.by, header: f.headers[r.column - 1] ?? '', detail: r.reason, ...(r.valueKind && { valueKind: r.valueKind }) })),
      source: m.profile ? { id: m.profile.id, label: m.profile.label } : null,
      sample: f.sample,
      rows: f.rows,
    };
  }

  /** Starts an import in the background; the screen follows it by its id. */
  /** Saves a mapping changed by hand for this file's source (its header signature): the next file maps the same way. */
  async saveMapping(fileName: string, bytes: Buffer, mapping: (ImportFieldName | null)[], by: string): Promise<void> {
    const f = await this.importer.preview(fileName, bytes);
    if (mapping.length !== f.headers.length) return;
    const recognised = mappingFor(f.headers, f.sample.map((cells) => ({ cells }))).mapping;
    const same = recognised.every((x, i) => x === mapping[i]);
    if (!same || this.saved?.get(f.headers)) this.saved?.save(f.headers, mapping, by);
  }

  start(fileName: string, bytes: Buffer, mapping: (ImportFieldName | null)[] | undefined, dryRun: boolean): ImportJob {
    const job: ImportJob = { id: newId('imp'), state: 'running', done: 0, total: 0, report: null, error: null, say: null };
    this.jobs.set(job.id, job);
    // A copy first: an import half-applied by a crash (or a wrong file) can be undone by restoring it.
    const before = dryRun || !this.backups ? Promise.resolve(null) : this.backups.backup('before-import');
    before
      .then(() => this.importer.run(fileName, bytes, { mapping, dryRun, onProgress: (done, total) => Object.assign(job, { done, total }) }))
      .then(
        (report: ImportReport) => Object.assign(job, { state: 'done', report, done: report.total, total: report.total }),
        (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e), say: e instanceof ServiceError ? (e.say ?? null) : null }),
      );
    return { ...job };
  }

  status(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new ServiceError('not_found', `No import ${jobId}.`, { key: 'no_import', values: { job: jobId } });
    return { ...job };
  }

  /** The rows a finished import refused, as a CSV to fix and import again. */
  rejectedCsv(jobId: string): string {
    const report = this.status(jobId).report;
    if (!report) throw new ServiceError('conflict', 'The import has not finished yet.', { key: 'import_not_finished', values: {} });
    return rejectedCsv(report.headers, report.rejected);
  }
}
