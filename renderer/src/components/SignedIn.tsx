// The sign-in strip on every staff screen: which station this is, who is signed in (the staff member whose badge
// it was, or "staff PIN"), as what, when an idle sign-in ends, and Sign in / Sign out. Asking the core who is
// signed in does not count as using the station, so the time-out shown is the real one.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../electron/api/contract';
import { api } from '../api';
import { SIGN_IN_NEEDED } from '../api/client';
import { useEvent } from '../event-context';
import { displayName, formatTime } from '../format';

/** Sent when a sign-in or sign-out happened here, so the strip answers at once. */
export const SESSION_CHANGED = 'uketsuke:session-changed';

export function sessionChanged(): void {
  window.dispatchEvent(new Event(SESSION_CHANGED));
}

export function SignedInStrip() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [session, setSession] = useState<StaffSession | null>(null);
  const refresh = useCallback(() => {
    api.session({}).then(setSession, () => {});
  }, []);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, 15_000);
    window.addEventListener(SESSION_CHANGED, refresh);
    return () => {
      clearInterval(id);
      window.removeEventListener(SESSION_CHANGED, refresh);
    };
  }, [refresh]);
  if (!session) return <div className="signed-in" aria-hidden="true" />;
  const station = t(`session.station.${session.station}`);
  const p = session.person;
  const who = p ? displayName(p, i18n.language).primary : t('session.byPin');
  const until = session.idleSignOutAt && event ? formatTime(session.idleSignOutAt, i18n.language, event.timezone) : null;
  // The desk laptop's own window is the organiser already: nothing to sign in to.
  const local = session.station === 'organiser' && !session.signedIn;
  return (
    <div className="signed-in" data-testid="signed-in" data-signed-in={session.signedIn ?? 'none'} role="status">
      <span className="signed-in-station">{station}</span>
      {session.signedIn ? (
        <>
          <span className="signed-in-who">
            {t('session.signedInAs', { who, role: t(`session.level.${session.signedIn}`) })}
          </span>
          {until && <span className="signed-in-until">{t('session.until', { time: until, minutes: session.idleMinutes })}</span>}
          <button
            type="button"
            className="btn btn-small"
            data-testid="sign-out"
            onClick={() => {
              void api.signOut({}).then((s) => {
                setSession(s);
                sessionChanged();
              });
            }}
          >
            {t('session.signOut')}
          </button>
        </>
      ) : local ? (
        <span className="signed-in-who">{t('session.local')}</span>
      ) : (
        <>
          <span className="signed-in-who">{t('session.notSignedIn')}</span>
          <button type="button" className="btn btn-small" data-testid="sign-in" onClick={() => window.dispatchEvent(new CustomEvent(SIGN_IN_NEEDED))}>
            {t('session.signIn')}
          </button>
        </>
      )}
    </div>
  );
}
