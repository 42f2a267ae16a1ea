import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { SyncConflicts, SyncStatus } from '../../../electron/api/contract';
import type { HubDeviceInfo, StationRole } from '../../../electron/api/sync-protocol';
import { PAIRABLE_STATION_ROLES as PAIR_ROLES } from '../../../electron/api/vocabulary';
import { coreText } from '../core-message';
import { api } from '../api';
import { useEvent } from '../event-context';
import { displayName, formatTime } from '../format';

const SKEW_WARN_MS = 2 * 60 * 1000;

/** Venue sync: this station's link, the hub (pairing codes, stations it has seen) and what to check after sync. */
export function Venue() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const tz = event?.timezone ?? 'UTC';
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [devices, setDevices] = useState<HubDeviceInfo[]>([]);
  const [conflicts, setConflicts] = useState<SyncConflicts | null>(null);
  const [role, setRole] = useState<StationRole>('door');
  const [code, setCode] = useState<{ code: string; expiresAt: string; qr: string; browser: string | null; browserQr: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joinCode, setJoinCode] = useState('');
  const [stationName, setStationName] = useState('');
  const [joining, setJoining] = useState(false);

  const load = useCallback(() => {
    api.syncStatus({}).then(setStatus, () => {});
    api.syncConflicts({}).then(setConflicts, () => {});
    api.hubDevices({}).then(setDevices, () => setDevices([]));
  }, []);
  useEffect(() => {
    load();
    const id = setInterval(load, 3000);
    return () => clearInterval(id);
  }, [load]);

  const mode = status?.role === 'hub' ? 'hub' : status?.paired ? 'station' : 'standalone';
  const when = (iso: string | null) => (iso ? formatTime(iso, i18n.language, tz, true) : t('common.none'));
  const fail = (e: unknown) => setError(coreText(e, t));

  const newCode = () => {
    setError(null);
    api.pairingCode({ role }).then(
      async (c) => {
        const browser = browserLink(c.hub, c.code);
        // Two codes: the station app reads the first; a tablet's camera app opens the second, a link to /pair.
        const [qr, browserQr] = await Promise.all([
          QRCode.toDataURL(c.code, { errorCorrectionLevel: 'M', margin: 2, width: 280 }),
          browser ? QRCode.toDataURL(browser, { errorCorrectionLevel: 'M', margin: 2, width: 280 }) : null,
        ]);
        setCode({ code: c.code, expiresAt: c.expiresAt, qr, browser, browserQr });
      },
      fail,
    );
  };

  return (
    <main className="venue">
      <h1>{t('venue.title')}</h1>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <section className="card" aria-labelledby="venue-station">
        <h2 id="venue-station">{t('venue.thisStation')}</h2>
        <dl className="facts" data-testid="sync-mode" data-mode={mode}>
          <dt>{t('venue.mode')}</dt>
          <dd>{t(`venue.modes.${mode}`)}</dd>
          {status?.hub && (
            <>
              <dt>{t('venue.hubAddress')}</dt>
              <dd><code>{status.hub}</code></dd>
            </>
          )}
          {mode === 'station' && status && (
            <>
              <dt>{t('venue.online')}</dt>
              <dd>{status.online ? t('venue.yes') : t('venue.no')}</dd>
              <dt>{t('venue.lastSync')}</dt>
              <dd>{when(status.lastSyncAt)}</dd>
              <dt>{t('venue.waiting')}</dt>
              <dd>{status.waiting}</dd>
            </>
          )}
        </dl>
        {status?.clockWarning && <p className="notice notice-error" role="alert">{t('status.clock', { minutes: Math.round(Math.abs(status.clockSkewMs) / 60000) })}</p>}
        {mode === 'standalone' && (
          <>
            <p className="hint">{t('venue.makeHubHint')}</p>
            <button type="button" className="btn btn-primary" data-testid="make-hub" onClick={() => api.startHub({}).then(setStatus, fail)}>
              {t('venue.makeHub')}
            </button>
          </>
        )}
      </section>

      {mode === 'standalone' && (
        <section className="card" aria-labelledby="venue-join">
          <h2 id="venue-join">{t('venue.joinTitle')}</h2>
          <p className="hint">{t('venue.joinHint')}</p>
          <form
            className="join-form"
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              setJoining(true);
              api.joinHub({ code: joinCode.trim(), name: stationName.trim() }).then(
                () => location.assign('/venue'),
                (err: unknown) => {
                  setJoining(false);
                  fail(err);
                },
              );
            }}
          >
            <label>
              {t('venue.joinCode')}
              <textarea value={joinCode} onChange={(e) => setJoinCode(e.target.value)} rows={3} spellCheck={false} autoComplete="off" data-testid="join-code" required />
            </label>
            <label>
              {t('venue.stationName')}
              <input value={stationName} onChange={(e) => setStationName(e.target.value)} maxLength={100} placeholder={t('venue.stationNameHint')} data-testid="station-name" />
            </label>
            <button type="submit" className="btn" disabled={joining} data-testid="join-hub">{joining ? t('venue.joining') : t('venue.join')}</button>
          </form>
        </section>
      )}

      {mode === 'hub' && (
        <section className="card" aria-labelledby="venue-pair">
          <h2 id="venue-pair">{t('venue.pairTitle')}</h2>
          <p className="hint">{t('venue.pairHint')}</p>
          <div className="pair-controls">
            <label>
              {t('venue.role')}{' '}
              <select value={role} onChange={(e) => setRole(e.target.value as StationRole)} data-testid="pair-role">
                {PAIR_ROLES.map((r) => <option key={r} value={r}>{t(`venue.roles.${r}`)}</option>)}
              </select>
            </label>
            <button type="button" className="btn btn-primary" onClick={newCode} data-testid="new-pairing-code">{t('venue.newCode')}</button>
          </div>
          {code && (
            <figure className="pairing-code">
              <img src={code.qr} alt={t('venue.pairTitle')} width={280} height={280} />
              <figcaption>
                <code data-testid="pairing-code" className="code-text">{code.code}</code>
                <span className="hint">{t('venue.validUntil', { time: formatTime(code.expiresAt, i18n.language, tz) })}</span>
                {code.browser && <span className="hint">{t('venue.browserLink')} <code data-testid="pairing-link" className="code-text">{code.browser}</code></span>}
              </figcaption>
              {code.browserQr && <img src={code.browserQr} alt={t('venue.browserLinkQr')} width={280} height={280} data-testid="pairing-link-qr" />}
            </figure>
          )}
        </section>
      )}

      {mode !== 'standalone' && (
        <section className="card" aria-labelledby="venue-devices">
          <h2 id="venue-devices">{t('venue.devices')}</h2>
          {devices.filter((d) => d.role !== 'hub').length === 0 ? (
            <p className="hint">{t('venue.noDevices')}</p>
          ) : (
            <table className="table" data-testid="hub-devices">
              <thead>
                <tr>
                  <th scope="col">{t('venue.device')}</th>
                  <th scope="col">{t('venue.role')}</th>
                  <th scope="col">{t('venue.lastSeen')}</th>
                  <th scope="col" className="num">{t('venue.behind')}</th>
                  <th scope="col">{t('venue.skew')}</th>
                </tr>
              </thead>
              <tbody>
                {devices.filter((d) => d.role !== 'hub').map((d) => (
                  <tr key={d.deviceId}>
                    <th scope="row">{d.name || d.deviceId} <small className="hint">{d.deviceId}</small></th>
                    <td>{d.revoked ? t('venue.revoked') : t(`venue.roles.${d.role as StationRole}`)}</td>
                    <td>{when(d.lastSeen)}</td>
                    <td className="num">{d.waiting}</td>
                    <td className={Math.abs(d.clockSkewMs) > SKEW_WARN_MS ? 'warn' : undefined}>
                      {Math.abs(d.clockSkewMs) > SKEW_WARN_MS ? t('venue.skewWarn', { minutes: Math.round(Math.abs(d.clockSkewMs) / 60000) }) : t('venue.skewOk')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="venue-conflicts" data-testid="conflicts">
        <h2 id="venue-conflicts">{t('venue.conflicts')}</h2>
        <p className="hint">{t('venue.conflictsHint')}</p>
        {conflicts && conflicts.doubleEntries.length + conflicts.overCapacity.length + conflicts.duplicateEmails.length === 0 && <p>{t('venue.none')}</p>}
        {conflicts && conflicts.doubleEntries.length > 0 && (
          <>
            <h3>{t('venue.doubleEntries')}</h3>
            <ul className="conflict-list" data-testid="double-entries">
              {conflicts.doubleEntries.map((d) => (
                <li key={`${d.targetKey}|${d.identityKey}|${d.day ?? ''}`}>
                  <strong>{d.delegate ? displayName(d.delegate, i18n.language).primary : d.identityKey}</strong>
                  <ul>
                    {d.scans.map((s) => (
                      <li key={s.scanId}>{t('venue.at', { time: formatTime(s.at, i18n.language, tz, true), checkpoint: i18n.language === 'ja' ? (s.checkpointNameJa ?? s.checkpointName) : s.checkpointName, device: s.deviceName })}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
        {conflicts && conflicts.overCapacity.length > 0 && (
          <>
            <h3>{t('venue.overCapacity')}</h3>
            <ul className="conflict-list" data-testid="over-capacity">
              {conflicts.overCapacity.map((o) => (
                <li key={o.counterKey}>
                  <strong>{i18n.language === 'ja' ? (o.nameJa ?? o.name) : o.name}</strong> — {t('venue.capacity', { admitted: o.admitted, capacity: o.capacity })}
                </li>
              ))}
            </ul>
          </>
        )}
        {conflicts && conflicts.duplicateEmails.length > 0 && (
          <>
            <h3>{t('venue.duplicateEmails')}</h3>
            <ul className="conflict-list">
              {conflicts.duplicateEmails.map((d) => <li key={d.email}><code>{d.email}</code> ({d.delegateIds.length})</li>)}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}

/**
 * The link a tablet opens in its browser to pair (this web host, at the hub's LAN address): the code rides in the
 * fragment, which the browser never sends anywhere but to the pairing page's own script.
 */
function browserLink(hubUrls: string[], code: string): string | null {
  try {
    const host = new URL(hubUrls[0] ?? '').hostname;
    if (!host || host === 'localhost' || host.startsWith('127.')) return null;
    return `${location.protocol}//${host}${location.port ? `:${location.port}` : ''}/pair#${code}`;
  } catch {
    return null;
  }
}
