// The Electron shell's guards, called with Electron's objects faked at the edge (Electron cannot run here).
import { EventEmitter } from 'node:events';
import type { App, Menu, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { claimSingleInstance, configureMenu, guardContents, hardenPrintWindow, isForbiddenShortcut, PRINT_WEB_PREFERENCES } from '../../electron/shell/security.js';

class FakeContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null;
  devToolsClosed = 0;
  setWindowOpenHandler(h: () => { action: string }): void {
    this.openHandler = h;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  /** Emits like Electron does and says whether a listener refused. */
  fire(event: string, extra: Record<string, unknown> = {}, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { ...extra, preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

const APP = 'app://uketsuke/desk';
const EVIL = 'https://evil.example/?next=app://uketsuke';
const trusted = (u: string) => u.startsWith('app://uketsuke/');

function guarded(mode = { kiosk: true, packaged: false }): FakeContents {
  const c = new FakeContents();
  guardContents(c as unknown as WebContents, trusted, mode);
  return c;
}

describe('shell guards', () => {
  it('refuses navigation, frame navigation and redirects away from our pages', () => {
    const c = guarded();
    expect(c.fire('will-navigate', {}, EVIL)).toBe(true);
    expect(c.fire('will-navigate', {}, APP)).toBe(false);
    expect(c.fire('will-frame-navigate', { url: EVIL })).toBe(true);
    expect(c.fire('will-frame-navigate', { url: APP })).toBe(false);
    expect(c.fire('will-redirect', { url: EVIL })).toBe(true);
    expect(c.fire('will-attach-webview')).toBe(true);
    expect(c.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('in kiosk mode and packaged builds, DevTools close at once and reload/DevTools keys do nothing', () => {
    for (const mode of [{ kiosk: true, packaged: false }, { kiosk: false, packaged: true }]) {
      const c = guarded(mode);
      c.emit('devtools-opened');
      expect(c.devToolsClosed).toBe(1);
      const key = (k: string, m: Partial<{ control: boolean; shift: boolean; meta: boolean; alt: boolean }> = {}) => ({ key: k, control: false, meta: false, shift: false, alt: false, type: 'keyDown', ...m });
      expect(c.fire('before-input-event', {}, key('F12'))).toBe(true);
      expect(c.fire('before-input-event', {}, key('r', { control: true }))).toBe(true);
      expect(c.fire('before-input-event', {}, key('I', { control: true, shift: true }))).toBe(true);
      expect(c.fire('before-input-event', {}, key('i', { meta: true, alt: true }))).toBe(true);
      expect(c.fire('before-input-event', {}, key('a'))).toBe(false);
    }
    // A development desk keeps its tools.
    const dev = guarded({ kiosk: false, packaged: false });
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
    expect(isForbiddenShortcut({ key: '2', control: false, meta: false, shift: false, alt: false, type: 'keyDown' })).toBe(false);
  });

  it('removes the application menu in kiosk mode and packaged builds', () => {
    const calls: unknown[] = [];
    const menu = { setApplicationMenu: (m: unknown) => calls.push(m) } as unknown as typeof Menu;
    configureMenu(menu, { kiosk: true, packaged: false });
    configureMenu(menu, { kiosk: false, packaged: true });
    configureMenu(menu, { kiosk: false, packaged: false });
    expect(calls).toEqual([null, null]);
  });

  it('hardens the print window: the badge PDF only, no scripts, no DevTools', () => {
    expect(PRINT_WEB_PREFERENCES).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, devTools: false });
    const c = new FakeContents();
    const pdf = 'file:///tmp/badge-1.pdf';
    hardenPrintWindow(c as unknown as WebContents, pdf, { kiosk: false, packaged: false });
    expect(c.fire('will-navigate', {}, pdf)).toBe(false);
    expect(c.fire('will-navigate', {}, 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    c.emit('devtools-opened');
    expect(c.devToolsClosed).toBe(1);
  });

  it('a second start focuses the running app instead of opening the event twice', () => {
    const fakeApp = (locked: boolean) => {
      const e = new EventEmitter() as EventEmitter & { quitCalled: boolean };
      e.quitCalled = false;
      return Object.assign(e, { requestSingleInstanceLock: () => locked, quit: () => void (e.quitCalled = true) });
    };
    let focused = 0;
    const first = fakeApp(true);
    expect(claimSingleInstance(first as unknown as App, () => focused++)).toBe(true);
    first.emit('second-instance');
    expect(focused).toBe(1);
    const second = fakeApp(false);
    expect(claimSingleInstance(second as unknown as App, () => focused++)).toBe(false);
    expect(second.quitCalled).toBe(true);
  });
});
