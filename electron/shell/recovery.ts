// The desktop app checks its event file before the core opens it. A damaged file (a disk that wrote garbage, a
// laptop that lost power mid-write) is not opened, nor is the core restarted on it in a loop: the organiser is asked,
// in a dialog, to restore the newest automatic backup that passes the check (db/backups.ts), or to quit. Type imports
// of Electron only: test/unit/shell-recovery.test.ts calls this with a real damaged file and the dialog faked.
import fs from 'node:fs';
import path from 'node:path';
import type { Dialog, MessageBoxOptions } from 'electron';
import { integrityProblems, lastGoodBackup, restoreBackup } from '../../db/backups.js';
import { needsCheckAtOpen } from '../../db/clean-close.js';

export interface DamagedFile {
  file: string;
  problems: string[];
  /** The newest good automatic backup, if any. */
  backup: string | null;
}

export type RecoveryChoice = 'restore' | 'quit';

/** 'sound': open it; 'restored': the backup was put back (the damaged file kept beside it); 'quit': do not start. */
export async function checkEventFile(file: string, ask: (d: DamagedFile) => Promise<RecoveryChoice>): Promise<'sound' | 'restored' | 'quit'> {
  // Every page is read only after an unclean shutdown or a change made outside Uketsuke (db/clean-close.ts).
  if (!fs.existsSync(file) || !needsCheckAtOpen(file)) return 'sound';
  const problems = integrityProblems(file);
  if (problems.length === 0) return 'sound';
  const backup = lastGoodBackup(file);
  const choice = await ask({ file, problems, backup });
  if (choice !== 'restore' || !backup) return 'quit';
  restoreBackup(file, backup);
  return 'restored';
}

/** The dialog's text, in the language of the machine (Japanese or English). */
export function recoveryMessage(d: DamagedFile, ja: boolean): MessageBoxOptions {
  const name = d.backup ? path.basename(d.backup) : null;
  const when = d.backup ? fs.statSync(d.backup).mtime.toLocaleString(ja ? 'ja-JP' : 'en-GB') : null;
  if (ja) {
    return {
      type: 'error',
      title: 'Uketsuke 受付',
      message: 'イベントファイルが破損しています',
      detail: `${d.file}\n${d.problems.slice(0, 3).join('\n')}\n\n` +
        (name ? `最後の正常なバックアップ（${name}、${when}）から復元できます。破損したファイルは横に保管されます。` : '正常なバックアップが見つかりません。イベントの別のコピーを開くか、ハブに再接続してください。'),
      buttons: name ? ['バックアップから復元', '終了'] : ['終了'],
      defaultId: 0,
      cancelId: name ? 1 : 0,
      noLink: true,
    };
  }
  return {
    type: 'error',
    title: 'Uketsuke 受付',
    message: 'The event file is damaged',
    detail: `${d.file}\n${d.problems.slice(0, 3).join('\n')}\n\n` +
      (name ? `Restore the last good backup (${name}, ${when})? The damaged file is kept beside it.` : 'No good backup was found: open another copy of the event, or join the hub again.'),
    buttons: name ? ['Restore the backup', 'Quit'] : ['Quit'],
    defaultId: 0,
    cancelId: name ? 1 : 0,
    noLink: true,
  };
}

export function askWithDialog(dialog: Pick<Dialog, 'showMessageBox'>, locale: string): (d: DamagedFile) => Promise<RecoveryChoice> {
  return async (d) => {
    const opts = recoveryMessage(d, locale.toLowerCase().startsWith('ja'));
    const { response } = await dialog.showMessageBox(opts);
    return d.backup && response === 0 ? 'restore' : 'quit';
  };
}
