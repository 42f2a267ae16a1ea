// `uketsuke restore` checks before it swaps (issue 23, item 10), run as the real CLI: a sound file is not replaced
// without --force, a --from that is not a backup of this event (a plain text file, another event's file) is refused,
// and a file a running process (a real hub) has open is never swapped under it — each refusal one line, nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backups.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { smallEventSpec, tempDir } from '../helpers.js';
import { cli, freePort, HubProcess } from '../hub-rig.js';

function walkIns(file: string): number {
  const app = Uketsuke.open(file, { deviceId: 'reader', printers: [], backup: { intervalMs: 0 } });
  try {
    return app.db.prepare('SELECT count(*) FROM delegate').pluck().get() as number;
  } finally {
    app.close();
  }
}

describe('restore checks before it swaps', () => {
  const hubs: HubProcess[] = [];
  afterAll(async () => {
    for (const h of hubs) await h.kill();
  });

  it('refuses a sound file without --force, a --from that is not a backup of this event, and a file in use', async () => {
    const dir = tempDir();
    const home = path.join(dir, 'home');
    const file = path.join(dir, 'event.db');
    const app = Uketsuke.open(file, { deviceId: 'desk-r', printers: [], backup: { intervalMs: 0 } });
    app.event.create(smallEventSpec());
    app.dispatch('walkIn', { familyName: 'Before', givenName: 'Backup' });
    await app.backups!.backup('auto');
    app.dispatch('walkIn', { familyName: 'After', givenName: 'Backup' });
    app.close();
    const other = path.join(dir, 'other.db');
    const o = Uketsuke.open(other, { deviceId: 'other', printers: [], backup: { intervalMs: 0 } });
    buildDemo(o, { delegates: 5 });
    o.close();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not an event file\n');

    const sound = cli(home, 'restore', '--db', file);
    expect(sound.code).toBe(1);
    expect(sound.stderr.trim().split('\n')).toHaveLength(1);
    expect(sound.stderr).toMatch(/is sound.*--force/);
    for (const from of [text, other]) {
      const r = cli(home, 'restore', '--db', file, '--from', from, '--force');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(from === text ? /not a sound Uketsuke event file/ : /backup of another event/);
    }
    expect(walkIns(file)).toBe(2);

    // A running process holds the file: the restore would set aside the file it keeps writing to.
    const hub = new HubProcess(file, await freePort(), dir);
    hubs.push(hub);
    await hub.start();
    const busy = cli(home, 'restore', '--db', file, '--force');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/open in another program/);
    expect(fs.readdirSync(dir).some((n) => n.startsWith('event.db.damaged-'))).toBe(false);
    await hub.kill();

    const forced = cli(home, 'restore', '--db', file, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(path.basename(listBackups(file)[0]!));
    expect(walkIns(file)).toBe(1);
  }, 60_000);
});
