// `uketsuke sync`: one round of pushing and pulling with the hub this file is paired with.
import { ServiceError } from '../../services/core.js';
import { out, withApp, type Command } from '../context.js';
import { hubTransportOf } from '../hub-link.js';

export const sync: Command = async (cli) => {
  const { values, db } = cli;
  return withApp(cli, { existing: true }, async (app) => {
    const transport = await hubTransportOf(app);
    if (!transport) throw new ServiceError('conflict', `${db} is not paired with a hub: uketsuke pair --db ${db} --code CODE`);
    const { StationSync } = await import('../../services/sync/station-sync.js');
    try {
      const r = await new StationSync(app.core, transport).syncOnce();
      if (values.json) out(r);
      else process.stdout.write(`Pushed ${r.pushed}, pulled ${r.pulled}; ${r.waiting} waiting.\n`);
    } finally {
      transport.close();
    }
    return 0;
  });
};
