// The desktop app's "New event" (electron/workspace/, used by the backend utility process and the web mode): on a first start
// the event is made in the open file; after that, in a new file next to it, which the core serves from then on and
// the app opens at its next start (current-event). Plain Node: the Electron binary does not run on these machines.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { currentEventFile } from '../../electron/workspace/current-event.js';
import { Workspace } from '../../electron/workspace/workspace.js';
import { tempDir } from '../helpers.js';

describe('desktop New event', () => {
  it('first start: in the open file; later: a new file, served at once and remembered; the first event is kept', async () => {
    const dir = tempDir('uketsuke-desktop-');
    const first = path.join(dir, 'demo-event.db');
    const workspace = Workspace.start(first, { dir, open: (f) => Uketsuke.open(f, { printers: [] }), firstStart: true });
    try {
      const a = await workspace.app.dispatch('newEvent', { name: 'First Forum', startsOn: '2027-04-27', endsOn: '2027-04-28', timezone: 'Europe/Paris' });
      expect(a.file).toBe(first);
      expect(workspace.app.event.info().name).toBe('First Forum');
      expect(currentEventFile(dir, 'fallback')).toBe(first);
      // After the first start: not the CLI command, a new event in a new file.
      const b = await workspace.app.dispatch('newEvent', { name: 'Second Forum', startsOn: '2028-05-10', endsOn: '2028-05-12', timezone: 'Asia/Tokyo' });
      expect(b.file).not.toBe(first);
      expect(path.dirname(b.file)).toBe(dir);
      expect(workspace.app.event.info().name).toBe('Second Forum');
      expect(workspace.app.event.info().days).toHaveLength(3);
      expect(currentEventFile(dir, 'fallback')).toBe(b.file);
      // And again from the new event's core.
      const c = await workspace.app.dispatch('newEvent', { name: 'Third Forum', startsOn: '2029-01-10', endsOn: '2029-01-10', timezone: 'UTC' });
      expect(workspace.app.event.info().name).toBe('Third Forum');
      expect(currentEventFile(dir, 'fallback')).toBe(c.file);
      // The first event is still in its file.
      const kept = Uketsuke.open(first, { printers: [] });
      expect(kept.event.info().name).toBe('First Forum');
      kept.close();
      fs.rmSync(c.file);
      expect(currentEventFile(dir, 'fallback')).toBe('fallback');
    } finally {
      workspace.close();
    }
  });
});
