// The desktop app's main process: windows, the app:// protocol for the renderer, and a relay between the
// renderer's preload bridge and the backend utility process, where SQLite runs off the UI thread.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiMethod } from '../api/contract.js';
import { CONTENT_SECURITY_POLICY } from '../host/server.js';
import { APP_ORIGIN, claimSingleInstance, configureMenu, hardenSession, hardenWindow, SECURE_WEB_PREFERENCES, type ShellMode } from './security.js';
import { isPrintRequest, type BackendReply, type BackendRequest, type FromBackend } from './backend-protocol.js';
import { handlePrintRequest } from './printing.js';
import { RouteMemory, watchStation } from './resume.js';
import { askWithDialog, checkEventFile } from './recovery.js';
import { callHandler, closeHandler } from './ipc.js';
import { eventFileIn } from '../workspace/current-event.js';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(__dirname, '..', 'renderer');
const SCREENS = new Set(['/', '/desk', '/door', '/kiosk', '/reports', '/import', '/venue', '/event']);

let backend: UtilityProcess | null = null;
let nextId = 1;
const pending = new Map<number, (reply: BackendReply) => void>();

// Kiosk stations (`--kiosk`, or UKETSUKE_KIOSK=1): full screen, and closing needs the staff PIN.
const kioskMode = process.argv.includes('--kiosk') || process.env.UKETSUKE_KIOSK === '1';
const shellMode: ShellMode = { kiosk: kioskMode, packaged: app.isPackaged };

function eventFile(): string {
  // The event last created from the Event screen ("New event"), else the first start's file.
  return process.env.UKETSUKE_DB ?? eventFileIn(app.getPath('userData'));
}

function startBackend(): UtilityProcess {
  const dbFile = eventFile();
  // The core learns the station's role from here: a kiosk window calls as a kiosk, whatever its page asks for.
  const child = utilityProcess.fork(path.join(__dirname, 'backend.cjs'), [dbFile, kioskMode ? 'kiosk' : 'operator'], { serviceName: 'Uketsuke core' });
  child.on('message', (msg: FromBackend) => {
    if (isPrintRequest(msg)) {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents ?? null;
      void handlePrintRequest(msg, contents, shellMode).then((reply) => child.postMessage(reply));
      return;
    }
    pending.get(msg.id)?.(msg);
    pending.delete(msg.id);
  });
  child.on('exit', () => {
    for (const [id, resolve] of pending) resolve({ id, ok: false, code: 'internal', message: 'The Uketsuke core stopped; restarting.' });
    pending.clear();
    backend = app.isReady() ? startBackend() : null;
  });
  return child;
}

function callBackend(method: ApiMethod, input: unknown): Promise<BackendReply> {
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    const req: BackendRequest = { id, method, input };
    backend?.postMessage(req);
  });
}

let closeAllowed = !kioskMode;
const defaultRoute = kioskMode ? '/kiosk' : '/desk';
let routes: RouteMemory | null = null;

// A kiosk restarted after a crash or a power cut opens the station screen it was on (its door checkpoint too).
function createWindow(route = routes?.startRoute(kioskMode, defaultRoute) ?? defaultRoute): BrowserWindow {
  const win = new BrowserWindow({
    kiosk: kioskMode,
    width: 1366,
    height: 768,
    minWidth: 720,
    minHeight: 600,
    title: 'Uketsuke 受付',
    backgroundColor: '#f6f5f1',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(__dirname, 'preload.cjs') },
  });
  hardenWindow(win, shellMode);
  routes ??= RouteMemory.in(app.getPath('userData'));
  watchStation(win, routes, { kiosk: kioskMode, fallback: defaultRoute }, (r) => createWindow(r));
  win.on('close', (e) => {
    if (closeAllowed) return;
    e.preventDefault();
    win.webContents.send('uketsuke:close-requested');
  });
  void win.loadURL(`${APP_ORIGIN}${route}`);
  return win;
}

const firstInstance = claimSingleInstance(app, () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

void app.whenReady().then(async () => {
  if (!firstInstance) return;
  // A damaged event file: restore the last good backup or quit, asked once (the core is never restarted on it).
  if ((await checkEventFile(eventFile(), askWithDialog(dialog, app.getLocale()))) === 'quit') {
    closeAllowed = true;
    app.quit();
    return;
  }
  configureMenu(Menu, shellMode);
  hardenSession(session.defaultSession);
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'uketsuke') return new Response('Not found', { status: 404 });
    const rel = SCREENS.has(url.pathname) ? 'index.html' : path.posix.normalize(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
  ipcMain.handle('uketsuke:call', callHandler(callBackend));
  ipcMain.handle(
    'uketsuke:close-with-secret',
    closeHandler(callBackend, () => {
      closeAllowed = true;
      app.quit();
    }),
  );
  backend = startBackend();
  routes = RouteMemory.in(app.getPath('userData'));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
