import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow, DashboardView, ReportFormat, ReportJob, ReportKind, ScanRecord } from '../../../electron/api/contract';
import { REPORT_FORMATS, REPORT_KINDS } from '../../../electron/api/vocabulary';
import { coreText } from '../core-message';
import { api } from '../api';
import { useEvent } from '../event-context';
import { displayName, formatTime } from '../format';
import { saveDownload } from '../download';
import { BarsChart, ColumnsChart, SplitBar } from '../components/Charts';

const REFRESH_MS = 3000;

export function Reports() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [dash, setDash] = useState<DashboardView | null>(null);
  const [rows, setRows] = useState<AttendanceRow[]>([]);
  const [recent, setRecent] = useState<ScanRecord[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = () => {
      api.dashboard({}).then((d) => !stopped && setDash(d), () => {});
      api.attendance({}).then((r) => !stopped && setRows(r), () => {});
      api.recentScans({ limit: 15 }).then((r) => !stopped && setRecent(r), () => {});
    };
    load();
    const id = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, []);
  const ja = i18n.language === 'ja';
  const tz = event?.timezone ?? 'UTC';
  return (
    <main className="reports">
      <div className="reports-head">
        <h1>{t('reports.title')}</h1>
        {dash && (
          <span className="hint live" aria-live="off">
            <span className="live-dot" aria-hidden="true" />
            {t('reports.live')} · {t('reports.updated', { time: formatTime(new Date().toISOString(), i18n.language, tz) })}
          </span>
        )}
      </div>
      {dash && <Dashboard d={dash} />}
      <ReportDownloads />
      <h2>{t('reports.perCheckpoint')}</h2>
      <table className="table" data-testid="attendance">
        <thead>
          <tr>
            <th scope="col">{t('reports.checkpoint')}</th>
            <th scope="col">{t('reports.kind')}</th>
            <th scope="col" className="num">{t('reports.registered')}</th>
            <th scope="col" className="num">{t('reports.admitted')}</th>
            <th scope="col" className="num">{t('reports.capacity')}</th>
            <th scope="col" className="num" title={t('reports.deniedHint')}>{t('reports.denied')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const fill = r.capacity ? Math.min(100, Math.round((r.admitted / r.capacity) * 100)) : null;
            return (
              <tr key={r.checkpointId}>
                <th scope="row">{ja ? (r.nameJa ?? r.name) : r.name}</th>
                <td>{t(`reports.kindNames.${r.kind}`)}</td>
                <td className="num">{r.registered ?? t('reports.open')}</td>
                <td className="num">
                  {r.admitted}
                  {/* Every row keeps the bar's room, so the numbers line up whether or not there is a capacity. */}
                  <span className={`bar${fill === null ? ' bar-none' : ''}`} aria-hidden="true">{fill !== null && <span style={{ width: `${fill}%` }} />}</span>
                </td>
                <td className="num">{r.capacity ?? t('common.none')}</td>
                <td className="num">{r.denied}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('reports.deniedHint')}</p>
      <div className="export-buttons" role="group" aria-label={t('exports.title')}>
        <span className="hint">{t('exports.title')}:</span>
        {(['csv', 'csv-sjis', 'xlsx'] as const).map((format) => (
          <button key={format} type="button" className="btn btn-small" data-testid={`export-${format}`} onClick={() => api.exportDelegates({ format }).then(saveDownload, () => {})}>
            {t(format === 'csv' ? 'exports.csv' : format === 'csv-sjis' ? 'exports.sjis' : 'exports.xlsx')}
          </button>
        ))}
      </div>
      <h2>{t('reports.recent')}</h2>
      <table className="table" data-testid="recent-scans">
        <thead>
          <tr>
            <th scope="col">{t('reports.time')}</th>
            <th scope="col">{t('reports.checkpoint')}</th>
            <th scope="col">{t('reports.delegate')}</th>
            <th scope="col">{t('reports.result')}</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((s) => {
            const name = s.person ? displayName(s.person, i18n.language) : null;
            return (
              <tr key={s.id}>
                <td>{formatTime(s.at, i18n.language, tz, true)}</td>
                <td>{ja ? (s.checkpointNameJa ?? s.checkpointName) : s.checkpointName}</td>
                <td>
                  {name ? <span lang={name.lang}>{name.primary}</span> : t('common.none')}
                  {name?.secondary && <small className="name-secondary" lang={name.secondaryLang}>{name.secondary}</small>}
                </td>
                <td><span className={`pill verdict-pill-${s.verdict}`}>{t(`verdict.${s.verdict}`)}</span></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}

function Dashboard({ d }: { d: DashboardView }) {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const tz = event?.timezone ?? 'UTC';
  const ja = i18n.language === 'ja';
  // Today's arrivals while the event runs; the last day with any otherwise (a rehearsal, the day after).
  const day = d.arrivals.find((a) => a.date === d.today) ?? d.arrivals[d.arrivals.length - 1];
  const dayLabel = day ? new Intl.DateTimeFormat(ja ? 'ja-JP' : 'en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long' }).format(new Date(`${day.date}T12:00:00Z`)) : '';
  const listed = d.sessions.filter((s) => s.kind !== 'bus');
  return (
    <section className="dashboard" data-testid="dashboard" aria-label={t('reports.live')}>
      <div className="kpis">
        <div className="kpi" data-testid="kpi-arrived-today">
          <span className="kpi-label">{t('reports.arrivedToday')}</span>
          <strong className="kpi-value">{d.arrivedToday}</strong>
          <span className="kpi-note">{t('reports.ofRegistered', { count: d.registered })}</span>
        </div>
        <div className="kpi" data-testid="kpi-arrived">
          <span className="kpi-label">{t('reports.arrivedEver')}</span>
          <strong className="kpi-value">{d.arrived}</strong>
          <span className="kpi-note">{t('reports.anyDay')}</span>
        </div>
        <div className="kpi kpi-warn" data-testid="kpi-no-shows">
          <span className="kpi-label">{t('reports.noShows')}</span>
          <strong className="kpi-value">{d.noShowsSoFar}</strong>
          <span className="kpi-note">{t('reports.noShowsHint')}</span>
        </div>
        <div className="kpi" data-testid="kpi-buses">
          <span className="kpi-label">{t('reports.buses')}</span>
          <strong className="kpi-value">
            {d.buses.boarded}
            <small> / {d.buses.registered}</small>
          </strong>
        </div>
        <div className="kpi" data-testid="kpi-devices">
          <span className="kpi-label">{t('reports.devices')}</span>
          <strong className="kpi-value">{d.devices.active}</strong>
          <span className="kpi-note">{t('reports.devicesHint', { count: d.devices.known })}</span>
        </div>
      </div>
      <div className="charts">
        <figure className="chart-card chart-wide">
          <figcaption>{day ? t('reports.arrivalsChart', { day: dayLabel }) : t('reports.arrivalsChart', { day: '' }).replace(/ — $/, '')}</figcaption>
          {day ? (
            <ColumnsChart label={t('reports.arrivalsChart', { day: dayLabel })} labels={day.buckets.map((b) => formatTime(b.at, i18n.language, tz))} values={day.buckets.map((b) => b.n)} />
          ) : (
            <p className="hint">{t('reports.noArrivals')}</p>
          )}
        </figure>
        <figure className="chart-card">
          <figcaption>{t('reports.sessionsChart')}</figcaption>
          <BarsChart
            label={t('reports.sessionsChart')}
            series={[t('reports.registered'), t('reports.admitted')]}
            rows={listed.map((s) => ({ label: ja ? (s.nameJa ?? s.name) : s.name, values: [s.registered ?? s.admitted, s.admitted] }))}
          />
        </figure>
        <figure className="chart-card">
          <figcaption>{t('reports.originChart')}</figcaption>
          <SplitBar label={t('reports.originChart')} parts={d.origin.map((o) => ({ label: t(`reports.origin.${o.group}`), value: o.arrived }))} />
        </figure>
      </div>
    </section>
  );
}

function ReportDownloads() {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<'en' | 'ja'>(i18n.language === 'ja' ? 'ja' : 'en');
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const build = async (kind: ReportKind, format: ReportFormat) => {
    setError(null);
    try {
      let j = await api.reportStart({ kind, format, lang });
      setJob(j);
      while (j.state === 'running') {
        await new Promise((r) => setTimeout(r, 200));
        j = await api.reportStatus({ jobId: j.id });
        setJob(j);
      }
      if (j.state === 'done' && j.file) saveDownload(j.file);
      else setError(t('reports.failed', { message: j.error ?? '' }));
    } catch (e) {
      setError(t('reports.failed', { message: coreText(e, t) }));
    } finally {
      setJob(null);
    }
  };
  return (
    <section className="report-downloads" aria-labelledby="downloads-title">
      <div className="reports-head">
        <h2 id="downloads-title">{t('reports.downloads')}</h2>
        <label className="field-inline">
          {t('reports.language')}
          <select value={lang} onChange={(e) => setLang(e.target.value === 'ja' ? 'ja' : 'en')} data-testid="report-lang">
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </label>
      </div>
      <p className="hint">{t('reports.downloadsHint')}</p>
      {job && (
        <div className="report-progress" role="status">
          <span>{t('reports.building', { name: t(`reports.kinds.${job.kind}`) })}</span>
          {/* Indeterminate until the worker knows how many rows there are. */}
          <progress data-testid="report-progress" max={job.total || undefined} value={job.total ? job.done : undefined} />
        </div>
      )}
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <ul className="report-cards">
        {REPORT_KINDS.map((kind) => (
          <li key={kind} className="report-card">
            <h3>{t(`reports.kinds.${kind}`)}</h3>
            <p>{t(`reports.about.${kind}`)}</p>
            <div className="report-formats">
              {REPORT_FORMATS.map((format) => (
                <button key={format} type="button" className={`btn btn-small${format === 'pdf' ? ' btn-primary' : ''}`} disabled={job !== null} data-testid={`report-${kind}-${format}`} onClick={() => void build(kind, format)}>
                  {format.toUpperCase()}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
