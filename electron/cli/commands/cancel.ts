// `uketsuke cancel`: a delegate's badge denied at every door (or, with --restore, active again). No Api method yet.
import { ServiceError } from '../../services/core.js';
import { out, UsageError, withApp, type Command } from '../context.js';

export const cancel: Command = async (cli) => {
  const { values } = cli;
  const key = values.delegate;
  if (!key) throw new UsageError('cancel needs --delegate ID|EMAIL|CODE');
  return withApp(cli, { existing: true }, (app) => {
    const who = app.delegates.findByIdOrEmail(key) ?? app.delegates.findByExternalCode(key);
    if (!who) throw new ServiceError('not_found', `No delegate ${key}.`);
    const row = app.core.tx(() => app.delegates.setCancelled(who.id, !values.restore));
    if (values.json) out({ id: row.id, email: row.email, status: row.status });
    else process.stdout.write(`${row.given_name} ${row.family_name}: ${row.status === 'cancelled' ? 'cancelled — the badge is denied at every door' : 'active again'}.\n`);
    return 0;
  });
};
