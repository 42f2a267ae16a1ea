// The workspace of event files (electron/workspace/) as the web mode uses it: "Join a hub" pairs a new file and
// serves it (a failed pairing leaves no file and changes nothing), "Open the demo" on a first start is remembered,
// the shell's own wiring reaches every app served, and a file named by $UKETSUKE_DB is never remembered.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { currentEventFile, eventChosen } from '../../electron/workspace/current-event.js';
import { Workspace, type HubLinks } from '../../electron/workspace/workspace.js';
import { tempDir } from '../helpers.js';

const open = (f: string) => Uketsuke.open(f, { printers: [] });
const forum = { name: 'Hub Forum', startsOn: '2027-04-27', endsOn: '2027-04-28', timezone: 'Europe/Paris' };

describe('workspace', () => {
  it('joins a hub into a new file next to the served one, served and remembered; a refused pairing leaves nothing', async () => {
    const dir = tempDir('uketsuke-ws-');
    const connected: string[] = [];
    const served: Uketsuke[] = [];
    const hubs: HubLinks = {
      pair: async (app, code) => {
        if (code === 'refused-code') throw new Error('refused');
        return { eventId: app.programme.createEvent(forum), delegates: 0 };
      },
      connect: (app) => connected.push(app.event.info().name),
    };
    const first = path.join(dir, 'mine.db');
    const ws = Workspace.start(first, { dir, open, firstStart: false, hubs, serve: (app) => served.push(app) });
    try {
      expect(ws.app.event.info().name).toMatch(/EU-Japan/);
      await expect(ws.app.dispatch('joinHub', { code: 'refused-code', name: 'desk 2' })).rejects.toThrow('refused');
      expect(ws.file).toBe(first);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('joined-'))).toEqual([]);
      const r = await ws.app.dispatch('joinHub', { code: 'accepted-code', name: 'desk 2' });
      expect(ws.app.event.id()).toBe(r.eventId);
      expect(path.basename(ws.file)).toMatch(/^joined-\d+\.db$/);
      expect(currentEventFile(dir, 'fallback')).toBe(ws.file);
      expect(connected).toEqual(['Hub Forum']);
      expect(served).toHaveLength(2);
      expect(served[1]).toBe(ws.app);
    } finally {
      ws.close();
    }
  });

  it('first start: the demo on request, remembered; without hub links joining is left to the command line', async () => {
    const dir = tempDir('uketsuke-ws-');
    const file = path.join(dir, 'demo-event.db');
    const ws = Workspace.start(file, { dir, open, firstStart: true });
    try {
      expect(ws.app.event.exists()).toBe(false);
      expect(eventChosen(dir)).toBe(false);
      expect(() => ws.app.dispatch('joinHub', { code: 'any-pairing-code', name: '' })).toThrow(/command line/);
      await ws.app.dispatch('openDemo', {});
      expect(ws.app.event.info().name).toMatch(/EU-Japan/);
      expect(currentEventFile(dir, 'fallback')).toBe(file);
      expect(() => ws.app.dispatch('openDemo', {})).toThrow(/already holds an event/);
    } finally {
      ws.close();
    }
  });

  it('a file named by $UKETSUKE_DB (no folder to remember in): new events are served but not remembered', async () => {
    const dir = tempDir('uketsuke-ws-');
    const ws = Workspace.start(path.join(dir, 'named.db'), { dir: null, open, firstStart: false });
    try {
      const made = await ws.app.dispatch('newEvent', forum);
      expect(ws.file).toBe(made.file);
      expect(ws.app.event.info().name).toBe('Hub Forum');
      expect(eventChosen(dir)).toBe(false);
    } finally {
      ws.close();
    }
  });
});
