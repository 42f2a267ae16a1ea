// The main process's IPC handlers and the session's permission handlers, called with Electron's objects faked at the
// edge: only our own main frame reaches the core, only contract methods, and a kiosk closes only with the PIN.
import type { IpcMainInvokeEvent, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { callHandler, closeHandler, fromOwnMainFrame } from '../../electron/shell/ipc.js';
import { hardenSession } from '../../electron/shell/security.js';
import type { BackendReply } from '../../electron/shell/backend-protocol.js';

function event(url: string, main = true): Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'> {
  const mainFrame = { url: 'app://uketsuke/desk' };
  const frame = main ? Object.assign(mainFrame, { url }) : { url };
  return { senderFrame: frame, sender: { mainFrame } } as unknown as Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;
}

function backend(answer: (method: string, input: unknown) => BackendReply) {
  const calls: [string, unknown][] = [];
  return { calls, call: async (method: string, input: unknown) => (calls.push([method, input]), answer(method, input)) };
}

describe('IPC handlers', () => {
  it('answer our own main frame only, and contract methods only', async () => {
    const b = backend(() => ({ id: 1, ok: true, value: { name: 'EU-Japan' } }));
    const handle = callHandler(b.call);
    expect(await handle(event('app://uketsuke/desk'), 'event', {})).toEqual({ ok: true, value: { name: 'EU-Japan' } });
    expect(await handle(event('https://evil.example/?next=app://uketsuke'), 'event', {})).toMatchObject({ ok: false, message: /untrusted/ });
    // An iframe inside our page is not our page.
    expect(await handle(event('app://uketsuke/desk', false), 'exportDelegates', { format: 'csv' })).toMatchObject({ ok: false });
    expect(await handle({ senderFrame: null, sender: { mainFrame: {} } } as never, 'event', {})).toMatchObject({ ok: false });
    expect(await handle(event('app://uketsuke/desk'), '__proto__', {})).toEqual({ ok: false, code: 'bad_input', message: 'Unknown method.' });
    expect(await handle(event('app://uketsuke/desk'), 42, {})).toMatchObject({ ok: false });
    expect(b.calls).toEqual([['event', {}]]);
    // The core's refusals pass through with their code.
    const refused = callHandler(async () => ({ id: 2, ok: false, code: 'forbidden', message: 'needs an organiser' }));
    expect(await refused(event('app://uketsuke/kiosk'), 'exportDelegates', { format: 'csv' })).toEqual({ ok: false, code: 'forbidden', message: 'needs an organiser' });
    // ...and with the message the screen renders in its own language.
    const say = { key: 'duplicate_email' as const, values: { email: 'a@example.org' } };
    const duplicate = callHandler(async () => ({ id: 3, ok: false, code: 'conflict', message: 'A delegate with the email a@example.org is already registered.', say }));
    expect(await duplicate(event('app://uketsuke/desk'), 'walkIn', {})).toMatchObject({ ok: false, code: 'conflict', say });
    expect(fromOwnMainFrame(event('app://uketsuke/kiosk'))).toBe(true);
  });

  it('close a kiosk only with what the core accepts as the PIN or a staff badge', async () => {
    let closed = 0;
    const b = backend((_m, input) => ({ id: 1, ok: true, value: { ok: (input as { secret: string }).secret === '482913', retryInMs: 0 } }));
    const close = closeHandler(b.call, () => closed++);
    expect(await close(event('app://uketsuke/kiosk'), '0000')).toBe(false);
    expect(await close(event('app://uketsuke/kiosk'), { secret: '482913' })).toBe(false);
    expect(await close(event('https://evil.example/'), '482913')).toBe(false);
    expect(closed).toBe(0);
    expect(await close(event('app://uketsuke/kiosk'), '482913')).toBe(true);
    expect(closed).toBe(1);
    expect(b.calls.map(([m]) => m)).toEqual(['unlock', 'unlock', 'unlock']);
  });
});

describe('session permissions', () => {
  it('grant the camera (video only) to our pages, nothing else to anyone', () => {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl: string; mediaTypes?: string[] }) => void) | null = null;
    let check: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
    hardenSession({ setPermissionRequestHandler: (h: never) => (request = h), setPermissionCheckHandler: (h: never) => (check = h) } as unknown as Session);
    const ask = (permission: string, url: string, mediaTypes?: string[]) => {
      let answer: boolean | null = null;
      request!(null, permission, (ok) => (answer = ok), { requestingUrl: url, mediaTypes });
      return answer;
    };
    expect(ask('media', 'app://uketsuke/door', ['video'])).toBe(true);
    expect(ask('media', 'app://uketsuke/door', ['video', 'audio'])).toBe(false);
    expect(ask('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(ask('geolocation', 'app://uketsuke/door')).toBe(false);
    expect(ask('notifications', 'app://uketsuke/desk')).toBe(false);
    expect(check!(null, 'media', 'app://uketsuke')).toBe(true);
    expect(check!(null, 'media', 'https://evil.example')).toBe(false);
    expect(check!(null, 'clipboard-read', 'app://uketsuke')).toBe(false);
  });
});
