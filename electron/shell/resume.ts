// A kiosk or door window that crashes (or a machine that restarts) comes back where it was: the route of the
// station screen (`/kiosk`, `/door?checkpoint=ID`) is kept in a small JSON file in userData, written when the
// route changes, and read when the renderer is gone or the app starts again. Type imports only: the unit test
// (test/unit/shell-resume.test.ts) calls these handlers with Electron's objects faked at the edge.
import type { BrowserWindow, RenderProcessGoneDetails, WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ORIGIN, isTrustedUrl } from './security.js';

export const RESUME_FILE = 'station-route.json';

interface Saved {
  route: string;
  savedAt: string;
}

/** The station route of a URL of ours (`/kiosk`, `/door?checkpoint=ID`), or null for any other page. */
export function stationRoute(raw: string): string | null {
  if (!isTrustedUrl(raw)) return null;
  const u = new URL(raw);
  if (u.pathname === '/kiosk') return '/kiosk';
  if (u.pathname === '/door') {
    const cp = u.searchParams.get('checkpoint');
    // Ids are short and plain; anything else is not a route we wrote.
    return cp && /^[A-Za-z0-9_.:-]{1,80}$/.test(cp) ? `/door?checkpoint=${encodeURIComponent(cp)}` : '/door';
  }
  return null;
}

export class RouteMemory {
  constructor(private readonly file: string) {}

  static in(userData: string): RouteMemory {
    return new RouteMemory(path.join(userData, RESUME_FILE));
  }

  /** The route last saved, if the file is there and sound. */
  read(): string | null {
    try {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Saved>;
      return typeof saved.route === 'string' ? stationRoute(`${APP_ORIGIN}${saved.route}`) : null;
    } catch {
      return null;
    }
  }

  /** Keeps a station route (other pages are not saved: a desk page leaves the last station route as it is). */
  remember(url: string): void {
    const route = stationRoute(url);
    if (!route || route === this.read()) return;
    const tmp = `${this.file}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify({ route, savedAt: new Date().toISOString() } satisfies Saved));
      // Written then renamed: a crash while writing never leaves half a file.
      fs.renameSync(tmp, this.file);
    } catch {
      // A read-only profile: the station starts on its default screen, as before.
    }
  }

  /** Where a window opens: the saved station route on a kiosk station, else the default. */
  startRoute(kiosk: boolean, fallback: string): string {
    return (kiosk && this.read()) || fallback;
  }
}

/**
 * Follows the window's route, and when its renderer crashes or is killed reloads it: a kiosk station its last
 * station route (a kiosk stays on its checkpoint, never falls back to /kiosk or to a blank window), a desk the page
 * it was on. `reopen` is called when the window itself is gone.
 */
export function watchStation(
  win: Pick<BrowserWindow, 'isDestroyed' | 'loadURL'> & { webContents: WebContents },
  memory: RouteMemory,
  mode: { kiosk: boolean; fallback: string },
  reopen: (route: string) => void,
): void {
  const contents = win.webContents;
  let current = mode.fallback;
  const follow = (url: string) => {
    memory.remember(url);
    if (isTrustedUrl(url)) {
      const u = new URL(url);
      current = `${u.pathname}${u.search}`;
    }
  };
  contents.on('did-navigate', (_e, url) => follow(url));
  contents.on('did-navigate-in-page', (_e, url, isMainFrame) => {
    if (isMainFrame) follow(url);
  });
  contents.on('render-process-gone', (_e, details: RenderProcessGoneDetails) => {
    // A clean exit is the app closing, not a crash.
    if (details.reason === 'clean-exit') return;
    const route = mode.kiosk ? (memory.read() ?? mode.fallback) : current;
    if (win.isDestroyed()) reopen(route);
    else void win.loadURL(`${APP_ORIGIN}${route}`);
  });
}
