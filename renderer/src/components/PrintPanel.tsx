import { useTranslation } from 'react-i18next';
import type { PrinterInfo, PrintJob } from '../../../electron/api/contract';
import { STATION_BADGE_SIZES as SIZES } from '../../../electron/api/vocabulary';
import type { StationSettings } from '../station';
import { displayName } from '../format';

/** This station's printer and the state of its recent print jobs, with retry for a failed one. */
export function PrintPanel({ jobs, station, printers, onChange, onRetry }: {
  jobs: PrintJob[];
  station: StationSettings;
  printers: PrinterInfo[];
  onChange: (s: Partial<StationSettings>) => void;
  onRetry: (jobId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="print-panel" aria-label={t('print.title')} data-testid="print-panel">
      <div className="print-settings">
        <label className="field-inline">
          <span>{t('print.printer')}</span>
          <select value={station.printer ?? ''} onChange={(e) => onChange({ printer: e.target.value || null })} data-testid="printer-select">
            {printers.length === 0 && <option value="">{t('print.none')}</option>}
            {printers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('print.size')}</span>
          <select value={station.size} onChange={(e) => onChange({ size: e.target.value as StationSettings['size'] })}>
            {SIZES.map((s) => <option key={s} value={s}>{t(`print.sizes.${s}`)}</option>)}
          </select>
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={station.printOnCheckIn} onChange={(e) => onChange({ printOnCheckIn: e.target.checked })} />
          {t('print.onCheckIn')}
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={station.back} onChange={(e) => onChange({ back: e.target.checked })} />
          {t('print.back')}
        </label>
      </div>
      {jobs.length > 0 && (
        <ul className="print-jobs">
          {jobs.map((j) => (
            <li key={j.id} data-status={j.status} data-testid="print-job">
              <span className={`pill job-${j.status}`}>{t(`print.status.${j.status}`)}</span>
              <span className="job-name" lang={displayName(j.person, i18n.language).lang}>{displayName(j.person, i18n.language).primary}</span>
              {j.errorCode && <span className="job-error" data-testid="job-error">{t(`print.errors.${j.errorCode.code}`, j.errorCode.values)}</span>}
              {j.errorCode?.values.detail && <small className="job-detail" title={t('print.osSays')}>{j.errorCode.values.detail}</small>}
              {j.status === 'failed' && <button type="button" className="btn btn-small" onClick={() => onRetry(j.id)}>{t('print.retry')}</button>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
