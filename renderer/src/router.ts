import { useEffect, useState } from 'react';

export type Screen = 'desk' | 'door' | 'kiosk' | 'reports' | 'import' | 'venue' | 'event';

export function currentScreen(pathname: string): Screen {
  const first = pathname.split('/')[1];
  return first === 'door' || first === 'kiosk' || first === 'reports' || first === 'import' || first === 'venue' || first === 'event' ? first : 'desk';
}

/** Client-side navigation over the routes the web host serves (/desk, /door?checkpoint=ID, /kiosk, /reports). */
export function navigate(to: string): void {
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const on = () => setUrl(new URL(location.href));
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return url;
}
