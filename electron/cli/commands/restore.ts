// `uketsuke restore`: a damaged event file gets its last good automatic backup back (db/backups.ts); never opened.
import type { Command } from '../context.js';

export const restore: Command = async ({ values, db }) => {
  const { restoreBackup, listBackups } = await import('../../../db/backups.js');
  const used = restoreBackup(db, values.from ?? undefined);
  process.stdout.write(`Restored ${db} from ${used} (${listBackups(db).length} backups kept; the damaged file was set aside).\n`);
  return 0;
};
