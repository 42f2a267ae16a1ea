// `uketsuke restore`: a damaged event file gets its last good automatic backup back (db/backups.ts); never opened.
import { ServiceError } from '../../services/core.js';
import type { Command } from '../context.js';

export const restore: Command = async ({ values, db }) => {
  const { restoreBackup, listBackups } = await import('../../../db/backups.js');
  let used: string;
  try {
    used = restoreBackup(db, values.from ?? undefined, Date.now(), { force: values.force === true });
  } catch (e) {
    // No good backup, a --from of another event, a sound or busy file: the person's to fix, said without a stack trace.
    throw new ServiceError('not_found', e instanceof Error ? e.message : String(e));
  }
  process.stdout.write(`Restored ${db} from ${used} (${listBackups(db).length} backups kept; the damaged file was set aside).\n`);
  return 0;
};
