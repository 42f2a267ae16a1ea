// Silent printing through Chromium, for the desktop app on any OS (Windows kiosks have no CUPS). A hidden window
// loads the badge PDF and prints it to the chosen device; this works for PDFs since Electron 36
// (electron/electron PR #47378), so keep Electron at 36 or later.
import { BrowserWindow, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import type { ShellPrintReply, ShellPrintRequest } from './backend-protocol.js';
import { hardenPrintWindow, PRINT_WEB_PREFERENCES, type ShellMode } from './security.js';

export async function handlePrintRequest(req: ShellPrintRequest, anyContents: WebContents | null, mode: ShellMode = { kiosk: false, packaged: true }): Promise<ShellPrintReply> {
  try {
    if (req.kind === 'list') {
      const printers = anyContents ? await anyContents.getPrintersAsync() : [];
      return { printId: req.printId, ok: true, printers: printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name })) };
    }
    const win = new BrowserWindow({ show: false, webPreferences: PRINT_WEB_PREFERENCES });
    const pdfUrl = pathToFileURL(req.file).toString();
    hardenPrintWindow(win.webContents, pdfUrl, mode);
    try {
      await win.loadURL(pdfUrl);
      const reason = await new Promise<string | null>((resolve) => {
        win.webContents.print({ silent: true, deviceName: req.deviceName, printBackground: true, duplexMode: req.duplex ? 'longEdge' : 'simplex' }, (ok, failure) => resolve(ok ? null : failure || 'unknown printer error'));
      });
      return reason === null ? { printId: req.printId, ok: true } : { printId: req.printId, ok: false, reason };
    } finally {
      win.destroy();
    }
  } catch (e) {
    return { printId: req.printId, ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
