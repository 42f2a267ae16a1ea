// The desktop app's way back from a damaged event file: checked before the core opens it, the organiser is asked (a
// dialog, faked here at the edge) and the last good automatic backup is restored — a real file, really damaged.
import fs from 'node:fs';
import path from 'node:path';
import type { Dialog, MessageBoxOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backups.js';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { askWithDialog, checkEventFile, type DamagedFile } from '../../electron/shell/recovery.js';
import { smallEventSpec, tempDir, TestClock } from '../helpers.js';

let app: Uketsuke | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

async function damagedEventWithBackup(withBackup = true): Promise<string> {
  const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
  const file = path.join(tempDir(), 'event.db');
  app = Uketsuke.open(file, { now: clock.now, backup: { intervalMs: 0, keep: 3, now: clock.now } });
  app.event.create(smallEventSpec());
  app.dispatch('walkIn', { familyName: 'Saved', givenName: 'Before' });
  if (withBackup) await app.backups!.backup('auto');
  for (let i = 0; i < 200; i++) app.dispatch('walkIn', { familyName: `Later${i}`, givenName: 'X' });
  app.close();
  app = null;
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (let p = 2; p * pageSize < bytes.length; p += 2) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
  fs.writeFileSync(file, bytes);
  return file;
}

function fakeDialog(response: number): { dialog: Pick<Dialog, 'showMessageBox'>; shown: MessageBoxOptions[] } {
  const shown: MessageBoxOptions[] = [];
  return { shown, dialog: { showMessageBox: (async (o: MessageBoxOptions) => (shown.push(o), { response, checkboxChecked: false })) as unknown as Dialog['showMessageBox'] } };
}

describe('a damaged event file at start', () => {
  it('asks, in Japanese on a Japanese machine, and restores the last good backup', async () => {
    const file = await damagedEventWithBackup();
    const { dialog, shown } = fakeDialog(0);
    expect(await checkEventFile(file, askWithDialog(dialog, 'ja-JP'))).toBe('restored');
    expect(shown[0]).toMatchObject({ message: 'イベントファイルが破損しています', buttons: ['バックアップから復元', '終了'] });
    expect(shown[0]!.detail).toContain(path.basename(listBackups(file)[0]!));
    // The restored file opens, with what the backup held; the damaged one is kept beside it.
    app = Uketsuke.open(file, { backup: false });
    expect(app.dispatch('searchDelegates', { query: 'Saved' }).map((d) => d.familyName)).toEqual(['Saved']);
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.startsWith('event.db.damaged-'))).toBe(true);
  });

  it('quits when the organiser says so, or when there is no good backup; a sound file is not asked about', async () => {
    const file = await damagedEventWithBackup();
    const quit = fakeDialog(1);
    expect(await checkEventFile(file, askWithDialog(quit.dialog, 'en-GB'))).toBe('quit');
    expect(quit.shown[0]).toMatchObject({ message: 'The event file is damaged', buttons: ['Restore the backup', 'Quit'] });
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.includes('damaged-'))).toBe(false);

    const none = await damagedEventWithBackup(false);
    const asked: DamagedFile[] = [];
    expect(await checkEventFile(none, async (d) => (asked.push(d), 'restore'))).toBe('quit');
    expect(asked[0]).toMatchObject({ backup: null });

    const sound = path.join(tempDir(), 'sound.db');
    app = Uketsuke.open(sound, { backup: false });
    app.event.create(smallEventSpec());
    app.close();
    app = null;
    expect(await checkEventFile(sound, () => Promise.reject(new Error('not asked')))).toBe('sound');
    expect(await checkEventFile(path.join(tempDir(), 'new.db'), () => Promise.reject(new Error('not asked')))).toBe('sound');
  });
});
