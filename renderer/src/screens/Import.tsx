import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFieldName, ImportJob, ImportPreview } from '../../../electron/api/contract';
import { coreText } from '../core-message';
import { api } from '../api';
import { readAsBase64, saveDownload } from '../download';

const FIELDS: ImportFieldName[] = ['familyName', 'givenName', 'fullName', 'familyNameKanji', 'givenNameKanji', 'familyNameKana', 'givenNameKana', 'fullNameKana', 'organisation', 'country', 'region', 'email', 'role', 'externalCode', 'orderCode', 'ticketCode', 'ticketType', 'status', 'registrations'];

/** Registration files in: choose, preview, map columns, check (dry run), import with progress, fix rejected rows. */
export function Import() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(ImportFieldName | null)[]>([]);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const choose = async (f: File | undefined) => {
    setPreview(null);
    setSaved(false);
    setJob(null);
    setError(null);
    if (!f) return;
    try {
      const base64 = await readAsBase64(f);
      const p = await api.importPreview({ fileName: f.name, base64 });
      setFile({ name: f.name, base64 });
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setError(coreText(e, t));
    }
  };

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    try {
      // A mapping changed by hand is kept for this source: its next file maps the same way, on every desk.
      if (!dryRun && preview && mapping.some((m, i) => m !== preview.recognised[i])) {
        await api.saveImportMapping({ fileName: file.name, base64: file.base64, mapping });
        setSaved(true);
      }
      setJob(await api.importStart({ fileName: file.name, base64: file.base64, mapping, dryRun }));
    } catch (e) {
      setError(coreText(e, t));
    }
  };

  // Follow the running import until it is done.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const id = setTimeout(() => {
      api.importStatus({ jobId: job.id }).then(setJob, (e: unknown) => setError(String(e)));
    }, 300);
    return () => clearTimeout(id);
  }, [job]);

  const report = job?.report;
  return (
    <main className="import">
      <h1>{t('import.title')}</h1>
      <p className="hint">{t('import.hint')}</p>
      <label className="file-pick">
        <span className="btn btn-primary">{t('import.choose')}</span>
        <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file" />
        {file && <span className="file-name">{file.name}</span>}
      </label>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {preview && (
        <section className="import-preview" data-testid="import-preview">
          <p className="import-meta">
            {t('import.detected', { rows: preview.rows, encoding: preview.encoding, delimiter: preview.delimiter === '\t' ? 'Tab' : (preview.delimiter ?? '—') })}
          </p>
          <p className="import-meta" data-testid="import-source">{preview.source ? t('import.recognised', { source: preview.source.label }) : t('import.noProfile')}</p>
          {preview.savedMapping && <p className="import-meta" data-testid="import-saved-mapping">{t('import.savedMapping')}</p>}
          {saved && <p className="notice notice-ok" role="status" data-testid="import-mapping-saved">{t('import.mappingSaved')}</p>}
          <details className="import-why" open data-testid="import-reasons">
            <summary>{t('import.why')}</summary>
            <ul>
              {preview.reasons.map((r) => {
                const field = r.field ? t(`import.fields.${r.field}`) : t('import.unused');
                const by = r.field === null && r.by !== 'values' ? 'none' : r.by;
                return (
                  <li key={r.column} data-column={r.column} data-by={r.by}>
                    {t(`import.reasonBy.${by}`, { column: r.column, header: r.header, field, source: preview.source?.label ?? '', kind: r.valueKind ? t(`import.valueKinds.${r.valueKind}`) : '' })}
                  </li>
                );
              })}
            </ul>
          </details>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  {preview.headers.map((h, i) => (
                    <th key={i} scope="col">
                      <div className="col-head">{h}</div>
                      <select
                        value={mapping[i] ?? ''}
                        aria-label={t('import.mapColumn', { column: h })}
                        onChange={(e) => setMapping((m) => m.map((x, j) => (j === i ? ((e.target.value || null) as ImportFieldName | null) : x)))}
                      >
                        <option value="">{t('import.unused')}</option>
                        {FIELDS.map((f) => <option key={f} value={f}>{t(`import.fields.${f}`)}</option>)}
                      </select>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, r) => (
                  <tr key={r}>{preview.headers.map((_, i) => <td key={i}>{row[i] ?? ''}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card-actions">
            <button type="button" className="btn" onClick={() => void start(true)} disabled={job?.state === 'running'} data-testid="import-dry-run">{t('import.dryRun')}</button>
            <button type="button" className="btn btn-primary" onClick={() => void start(false)} disabled={job?.state === 'running'} data-testid="import-run">{t('import.run', { rows: preview.rows })}</button>
          </div>
        </section>
      )}
      {job && (
        <section className="import-progress" aria-live="polite">
          <progress max={job.total || 1} value={job.done} data-testid="import-progress" />
          <span>{t('import.progress', { done: job.done, total: job.total })}</span>
          {job.error && <p className="notice notice-error" role="alert">{job.say ? t(`core.${job.say.key}`, { ...job.say.values, defaultValue: job.error }) : job.error}</p>}
        </section>
      )}
      {report && (
        <section className="import-report" data-testid="import-report" data-dry-run={report.dryRun}>
          <h2>{report.dryRun ? t('import.dryRunResult') : t('import.result')}</h2>
          <ul className="report-counts">
            <li><strong>{report.imported}</strong> {t('import.imported')}</li>
            <li><strong>{report.updated}</strong> {t('import.updated')}</li>
            <li><strong>{report.unchanged}</strong> {t('import.unchanged')}</li>
            <li className={report.rejected.length ? 'bad' : ''}><strong>{report.rejected.length}</strong> {t('import.rejected')}</li>
          </ul>
          {report.flagged.length > 0 && (
            <>
              <h3>{t('import.flagged', { count: report.flagged.length })}</h3>
              <table className="table" data-testid="import-flagged">
                <thead><tr><th scope="col">{t('import.line')}</th><th scope="col">{t('import.flag')}</th><th scope="col">{t('import.value')}</th></tr></thead>
                <tbody>
                  {report.flagged.slice(0, 200).map((f, i) => (
                    <tr key={i} data-flag={f.flag}><td className="num">{f.line}</td><td>{t(`desk.flags.${f.flag}`)}</td><td>{f.value}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {(report.notes?.length ?? 0) > 0 && (
            <>
              <h3>{t('import.notesTitle')}</h3>
              <ul className="import-notes" data-testid="import-notes">
                {report.notes!.slice(0, 200).map((n, i) => (
                  <li key={`${n.line}-${i}`}>{t(`import.notes.${n.code}`, { ...n.params, line: n.line, defaultValue: n.reason })}</li>
                ))}
              </ul>
            </>
          )}
          {report.rejected.length > 0 && (
            <>
              <table className="table">
                <thead><tr><th scope="col">{t('import.line')}</th><th scope="col">{t('import.reason')}</th></tr></thead>
                <tbody>
                  {report.rejected.slice(0, 200).map((r) => (
                    <tr key={r.line}><td className="num">{r.line}</td><td>{t(`import.reasons.${r.code}`, { ...r.params, fieldLabel: typeof r.params.field === 'string' ? t(`import.fields.${r.params.field}`) : '', defaultValue: r.reason })}</td></tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="btn" onClick={() => job && api.rejectedRows({ jobId: job.id }).then(saveDownload, (e: unknown) => setError(String(e)))}>{t('import.downloadRejected')}</button>
            </>
          )}
        </section>
      )}
    </main>
  );
}
