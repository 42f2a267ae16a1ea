import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow, ScanRecord } from '../../../electron/api/contract';
import { api } from '../api';
import { useEvent } from '../event-context';
import { formatTime } from '../format';
import { saveDownload } from '../download';

export function Reports() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [rows, setRows] = useState<AttendanceRow[]>([]);
  const [recent, setRecent] = useState<ScanRecord[]>([]);
  useEffect(() => {
    const load = () => {
      api.attendance({}).then(setRows, () => {});
      api.recentScans({ limit: 15 }).then(setRecent, () => {});
    };
    load();
    const id = setInterval(load, 5000);
    return () => clearInterval(id);
  }, []);
  const tz = event?.timezone ?? 'UTC';
  return (
    <main className="reports">
      <div className="reports-head">
        <h1>{t('reports.title')}</h1>
        <div className="export-buttons" role="group" aria-label={t('exports.title')}>
          <span className="hint">{t('exports.title')}:</span>
          {(['csv', 'csv-sjis', 'xlsx'] as const).map((format) => (
            <button key={format} type="button" className="btn btn-small" data-testid={`export-${format}`} onClick={() => api.exportDelegates({ format }).then(saveDownload, () => {})}>
              {t(format === 'csv' ? 'exports.csv' : format === 'csv-sjis' ? 'exports.sjis' : 'exports.xlsx')}
            </button>
          ))}
        </div>
      </div>
      <table className="table" data-testid="attendance">
        <thead>
          <tr>
            <th scope="col">{t('reports.checkpoint')}</th>
            <th scope="col">{t('reports.kind')}</th>
            <th scope="col" className="num">{t('reports.registered')}</th>
            <th scope="col" className="num">{t('reports.admitted')}</th>
            <th scope="col" className="num">{t('reports.capacity')}</th>
            <th scope="col" className="num">{t('reports.denied')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const fill = r.capacity ? Math.min(100, Math.round((r.admitted / r.capacity) * 100)) : null;
            return (
              <tr key={r.checkpointId}>
                <th scope="row">{i18n.language === 'ja' ? (r.nameJa ?? r.name) : r.name}</th>
                <td>{t(`door.kinds.${r.kind}`)}</td>
                <td className="num">{r.registered ?? t('common.open')}</td>
                <td className="num">
                  {r.admitted}
                  {fill !== null && <span className="bar" aria-hidden="true"><span style={{ width: `${fill}%` }} /></span>}
                </td>
                <td className="num">{r.capacity ?? t('common.none')}</td>
                <td className="num">{r.denied}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('reports.recent')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('reports.time')}</th>
            <th scope="col">{t('reports.checkpoint')}</th>
            <th scope="col">{t('reports.delegate')}</th>
            <th scope="col">{t('reports.result')}</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((s) => (
            <tr key={s.id}>
              <td>{formatTime(s.at, i18n.language, tz, true)}</td>
              <td>{s.checkpointName}</td>
              <td>{s.delegateName ?? t('common.none')}</td>
              <td><span className={`pill verdict-pill-${s.verdict}`}>{t(`verdict.${s.verdict}`)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
