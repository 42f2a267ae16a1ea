import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n';
import { navigate, type Screen } from '../router';
import { useEvent } from '../event-context';
import { formatDate, formatTime } from '../format';
import { useSyncStatus } from '../sync-status';

const SCREENS: Screen[] = ['desk', 'door', 'kiosk', 'reports', 'import', 'venue', 'event'];

/** `guest`: a screen the public uses (the kiosk): no sync jargon, and a language button big enough for a finger. */
export function Header({ screen, compact = false, guest = false }: { screen: Screen; compact?: boolean; guest?: boolean }) {
  const { t, i18n } = useTranslation();
  const { event, reachable } = useEvent();
  const sync = useSyncStatus();
  const mode = !reachable ? 'down' : sync?.role === 'hub' ? 'hub' : sync?.paired ? (sync.online ? 'synced' : sync.notYourHub ? 'notYours' : 'offline') : 'standalone';
  const label = {
    down: t('status.offline'),
    hub: t('status.hub'),
    synced: t('status.synced'),
    offline: t('status.hubOffline'),
    notYours: t('status.notYourHub'),
    standalone: t('status.standalone'),
  }[mode];
  const detail = sync?.clockWarning
    ? t('status.clock', { minutes: Math.round(Math.abs(sync.clockSkewMs) / 60000) })
    : sync?.paired && sync.waiting > 0
      ? t('status.waiting', { count: sync.waiting })
      : t('status.lastSync', { when: sync?.lastSyncAt && event ? formatTime(sync.lastSyncAt, i18n.language, event.timezone) : sync?.role === 'hub' ? '—' : t('status.never') });
  const other = i18n.language === 'ja' ? 'en' : 'ja';
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">受</span>
        <div className="brand-text">
          <strong data-testid="event-name">{event ? (i18n.language === 'ja' ? (event.nameJa ?? event.name) : event.name) : t('app.name')}</strong>
          {/* Always two lines, so the page does not shift down when the event arrives (a click would miss). */}
          <small data-testid="event-when">{event ? `${i18n.language === 'ja' ? (event.venueJa ?? event.venue) : event.venue} · ${formatDate(event.startsOn, i18n.language)} – ${formatDate(event.endsOn, i18n.language)}` : '\u00a0'}</small>
        </div>
      </div>
      {!compact && (
        <nav aria-label="Screens">
          {SCREENS.map((s) => (
            <a
              key={s}
              href={`/${s}`}
              aria-current={s === screen ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/${s}`);
              }}
            >
              {t(`nav.${s}`)}
            </a>
          ))}
        </nav>
      )}
      {!guest && <div className="header-status">
        <span className={`status-dot ${mode === 'down' || mode === 'offline' || mode === 'notYours' ? 'down' : 'ok'}`} data-testid="connection" data-sync={mode} title={label}>
          {label}
        </span>
        <span className={`status-sync${sync?.clockWarning ? ' warn' : ''}`} data-testid="sync-detail">{detail}</span>
      </div>}
      <button type="button" className="btn btn-lang" onClick={() => setLang(other)} aria-label={t('lang.label')} data-testid="lang-switch" lang={other}>
        {t('lang.switchTo')}
      </button>
    </header>
  );
}

export function RehearsalBanner() {
  const { t } = useTranslation();
  const { event } = useEvent();
  if (!event?.rehearsal) return null;
  return <div className="banner banner-rehearsal" role="note">{t('status.rehearsal')}</div>;
}
