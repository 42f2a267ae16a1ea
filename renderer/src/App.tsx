import { useTranslation } from 'react-i18next';
import { Header, RehearsalBanner } from './components/Header';
import { EventProvider, useEvent } from './event-context';
import { currentScreen, useLocation } from './router';
import { Desk } from './screens/Desk';
import { Door } from './screens/Door';
import { Kiosk } from './screens/Kiosk';
import { Reports } from './screens/Reports';
import { Import } from './screens/Import';
import { Venue } from './screens/Venue';
import { EventSetup } from './screens/Event';
import { FirstRun } from './screens/FirstRun';
import { useEffect, useState } from 'react';
import { StaffUnlock } from './components/StaffUnlock';
import { SignedInStrip } from './components/SignedIn';
import { SIGN_IN_NEEDED } from './api/client';

function Shell() {
  const url = useLocation();
  const screen = currentScreen(url.pathname);
  const { error, event, noEvent } = useEvent();
  const { t } = useTranslation();
  // Desktop kiosk mode: closing the app asks for the staff PIN (the main process keeps the window open until then).
  const [closing, setClosing] = useState(false);
  useEffect(() => window.uketsuke?.onCloseRequested(() => setClosing(true)), []);
  // A call this station may not make on its own: staff sign in here (PIN or badge), then repeat what they did.
  const [signIn, setSignIn] = useState(false);
  useEffect(() => {
    const ask = () => setSignIn(true);
    window.addEventListener(SIGN_IN_NEEDED, ask);
    return () => window.removeEventListener(SIGN_IN_NEEDED, ask);
  }, []);
  const firstRun = !event && noEvent;
  return (
    <div className={`app screen-${screen}`}>
      {/* A door station on its checkpoint and the kiosk are locked: no way to other screens without staff. */}
      {/* First start offers three ways in; screens and sync status mean nothing until one is chosen. */}
      <Header screen={screen} compact={firstRun || screen === 'kiosk' || (screen === 'door' && url.searchParams.has('checkpoint') && event?.staffPinSet === true)} guest={firstRun || screen === 'kiosk'} />
      {/* Who is signed in on this station, on every staff screen (the kiosk is the guests'). */}
      {screen !== 'kiosk' && <SignedInStrip />}
      {/* Rehearsal is the staff's business; a delegate at the kiosk would only wonder what it means. */}
      {screen !== 'kiosk' && <RehearsalBanner />}
      {/* First start: nothing chosen yet, so every screen offers the choice instead of an error. */}
      {firstRun && <FirstRun />}
      {!event && error && !noEvent && <p className="notice notice-error" role="alert">{t('common.error', { message: error })}</p>}
      {/* Screens appear once the event is known, so nothing moves under the pointer as it loads. */}
      {!event && !error && <p className="hint loading">{t('common.loading')}</p>}
      {event && screen === 'desk' && <Desk />}
      {event && screen === 'door' && <Door checkpointId={url.searchParams.get('checkpoint')} />}
      {event && screen === 'kiosk' && <Kiosk />}
      {event && screen === 'reports' && <Reports />}
      {event && screen === 'import' && <Import />}
      {event && screen === 'venue' && <Venue />}
      {signIn && !closing && <StaffUnlock onUnlocked={() => setSignIn(false)} onCancel={() => setSignIn(false)} />}
      {event && screen === 'event' && <EventSetup />}
      {closing && window.uketsuke && <StaffUnlock verify={(secret) => window.uketsuke!.closeWithSecret(secret)} onUnlocked={() => setClosing(false)} onCancel={() => setClosing(false)} />}
    </div>
  );
}

export function App() {
  return (
    <EventProvider>
      <Shell />
    </EventProvider>
  );
}
