// Window hardening in one place. URLs are parsed, never substring-matched. Type imports only: the unit tests call
// every handler here with Electron's objects faked (test/unit/shell-security.test.ts); Electron cannot run there.
import type { App, BrowserWindow, Menu, Session, WebContents, WebPreferences } from 'electron';

export const APP_ORIGIN = 'app://uketsuke';

export const SECURE_WEB_PREFERENCES: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
};

/** True only for our own renderer's origin (rejects e.g. https://evil.example/?next=app://uketsuke). */
export function isTrustedUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'app:' && u.host === 'uketsuke';
  } catch {
    return false;
  }
}

export interface ShellMode {
  /** A self-service kiosk: anyone can touch the keyboard. */
  kiosk: boolean;
  /** A packaged build (app.isPackaged): no developer tools at all. */
  packaged: boolean;
}

export function hardenWindow(win: BrowserWindow, mode: ShellMode = { kiosk: false, packaged: false }): void {
  guardContents(win.webContents, isTrustedUrl, mode);
}

/**
 * Navigation of the page and of any frame in it, redirects, new windows and webviews: only `allowed` URLs. In kiosk
 * mode and packaged builds the developer tools close as soon as they open, and the keys that reload the page or
 * open them do nothing (a kiosk visitor with DevTools would have the Api).
 */
export function guardContents(contents: WebContents, allowed: (url: string) => boolean, mode: ShellMode): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => {
    if (!allowed(url)) e.preventDefault();
  });
  contents.on('will-frame-navigate', (e) => {
    if (!allowed(e.url)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => {
    if (!allowed(e.url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  if (mode.kiosk || mode.packaged) {
    contents.on('devtools-opened', () => contents.closeDevTools());
    contents.on('before-input-event', (e, input) => {
      if (isForbiddenShortcut(input)) e.preventDefault();
    });
  }
}

/** Reload, force reload, developer tools, view source: the default menu's shortcuts, refused outright. */
export function isForbiddenShortcut(input: { key: string; control: boolean; meta: boolean; shift: boolean; alt: boolean; type: string }): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f12' || key === 'f11') return true;
  if (mod && (key === 'r' || key === 'u' || key === 'w' || key === 'q')) return true;
  if (mod && (input.shift || input.alt) && (key === 'i' || key === 'j' || key === 'c')) return true;
  return false;
}

/** No application menu in kiosk mode (its accelerators are Reload and Toggle Developer Tools) nor when packaged. */
export function configureMenu(menu: Pick<typeof Menu, 'setApplicationMenu'>, mode: ShellMode): void {
  if (mode.kiosk || mode.packaged) menu.setApplicationMenu(null);
}

/** The hidden print window: nothing but the badge PDF it was given, no scripts, no Node, no new windows. */
export const PRINT_WEB_PREFERENCES: WebPreferences = { ...SECURE_WEB_PREFERENCES, plugins: true, javascript: false, devTools: false };

export function hardenPrintWindow(contents: WebContents, pdfUrl: string, mode: ShellMode): void {
  guardContents(contents, (url) => url === pdfUrl, { ...mode, packaged: true });
}

/**
 * One app per machine: a second start (a double-click, a kiosk watchdog) would open the event file twice and run
 * two cores; it focuses the running window instead. Returns false when this process should quit.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focus());
  return true;
}

export function hardenSession(ses: Session): void {
  // The door scanner needs the camera; nothing else is granted, and only to our own pages.
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permission === 'media' && isTrustedUrl(details.requestingUrl) && media.every((t) => t === 'video'));
  });
  ses.setPermissionCheckHandler((_wc, permission, origin) => permission === 'media' && isTrustedUrl(origin));
}
