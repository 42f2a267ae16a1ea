// Window hardening in one place. URLs are parsed, never substring-matched.
import type { BrowserWindow, Session, WebPreferences } from 'electron';

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

export function hardenWindow(win: BrowserWindow): void {
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
}

export function hardenSession(ses: Session): void {
  // The door scanner needs the camera; nothing else is granted, and only to our own pages.
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permission === 'media' && isTrustedUrl(details.requestingUrl) && media.every((t) => t === 'video'));
  });
  ses.setPermissionCheckHandler((_wc, permission, origin) => permission === 'media' && isTrustedUrl(origin));
}
