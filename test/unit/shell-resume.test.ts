// A crashed kiosk comes back on its last station route: the shell's handlers called with Electron's objects faked
// at the edge (Electron cannot run here), and a real file in a temporary userData folder.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { RESUME_FILE, RouteMemory, stationRoute, watchStation } from '../../electron/shell/resume.js';

class FakeWindow {
  readonly webContents = new EventEmitter() as unknown as WebContents & EventEmitter;
  loaded: string[] = [];
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

const dirs: string[] = [];
function userData(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'uk-resume-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function station(kiosk: boolean, dir = userData()) {
  const win = new FakeWindow();
  const memory = RouteMemory.in(dir);
  const reopened: string[] = [];
  watchStation(win as never, memory, { kiosk, fallback: kiosk ? '/kiosk' : '/desk' }, (r) => reopened.push(r));
  const emit = (event: string, ...args: unknown[]) => (win.webContents as unknown as EventEmitter).emit(event, {}, ...args);
  return { win, memory, reopened, emit, dir };
}

describe('kiosk restarts on its last checkpoint', () => {
  it('keeps only station routes of our own origin', () => {
    expect(stationRoute('app://uketsuke/door?checkpoint=cp-hall-a')).toBe('/door?checkpoint=cp-hall-a');
    expect(stationRoute('app://uketsuke/kiosk')).toBe('/kiosk');
    expect(stationRoute('app://uketsuke/desk')).toBeNull();
    expect(stationRoute('https://evil.example/door?checkpoint=x')).toBeNull();
    expect(stationRoute('app://uketsuke/door?checkpoint=%3Cscript%3E')).toBe('/door');
  });

  it('writes the route when it changes and reloads it when the renderer crashes', () => {
    const s = station(true);
    s.emit('did-navigate', 'app://uketsuke/kiosk');
    s.emit('did-navigate-in-page', 'app://uketsuke/door?checkpoint=cp-bus-1', true);
    // A frame inside the page does not move the station.
    s.emit('did-navigate-in-page', 'app://uketsuke/kiosk', false);
    expect(JSON.parse(fs.readFileSync(path.join(s.dir, RESUME_FILE), 'utf8'))).toMatchObject({ route: '/door?checkpoint=cp-bus-1' });
    // Staff went to the desk screen and the renderer died: the kiosk comes back on the bus door.
    s.emit('did-navigate-in-page', 'app://uketsuke/desk', true);
    s.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
    expect(s.win.loaded).toEqual(['app://uketsuke/door?checkpoint=cp-bus-1']);
    // Closing the app is not a crash.
    s.emit('render-process-gone', { reason: 'clean-exit', exitCode: 0 });
    expect(s.win.loaded).toHaveLength(1);
    // A window already gone is opened again on the route.
    s.win.destroyed = true;
    s.emit('render-process-gone', { reason: 'killed', exitCode: 9 });
    expect(s.reopened).toEqual(['/door?checkpoint=cp-bus-1']);
  });

  it('a relaunched kiosk starts on the saved route; a desk starts on the desk and reloads the page it was on', () => {
    const first = station(true);
    first.emit('did-navigate-in-page', 'app://uketsuke/door?checkpoint=cp-plenary', true);
    // The app is started again (power cut, watchdog): same userData.
    const again = RouteMemory.in(first.dir);
    expect(again.startRoute(true, '/kiosk')).toBe('/door?checkpoint=cp-plenary');
    expect(again.startRoute(false, '/desk')).toBe('/desk');
    expect(RouteMemory.in(userData()).startRoute(true, '/kiosk')).toBe('/kiosk');
    const desk = station(false);
    desk.emit('did-navigate-in-page', 'app://uketsuke/reports', true);
    desk.emit('render-process-gone', { reason: 'oom', exitCode: 0 });
    expect(desk.win.loaded).toEqual(['app://uketsuke/reports']);
  });

  it('ignores a damaged or foreign file', () => {
    const dir = userData();
    fs.writeFileSync(path.join(dir, RESUME_FILE), '{"route":"https://evil.example/"');
    expect(RouteMemory.in(dir).startRoute(true, '/kiosk')).toBe('/kiosk');
    fs.writeFileSync(path.join(dir, RESUME_FILE), JSON.stringify({ route: '//evil.example/kiosk' }));
    expect(RouteMemory.in(dir).startRoute(true, '/kiosk')).toBe('/kiosk');
  });
});
