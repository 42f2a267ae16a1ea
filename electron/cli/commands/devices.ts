// `uketsuke devices`: the stations as the hub sees them (asked of the hub when this file is a paired station),
// --revoke to refuse one from then on; on the organisers' PostgreSQL hub, those of one event.
import { isPostgresUrl } from '../../../db/pg/is-postgres.js';
import type { HubDeviceInfo } from '../../api/sync-protocol.js';
import { out, UsageError, withApp, type Command } from '../context.js';
import { hubTransportOf } from '../hub-link.js';
import { withPgHub } from '../pg-hub.js';

export const devices: Command = async (cli) => {
  const { values, db } = cli;
  if (isPostgresUrl(db)) {
    const eventId = values.event;
    if (!eventId) throw new UsageError('devices on the organisers\' hub needs --event ID');
    return withPgHub(db, async (hub) => {
      if (values.revoke) await hub.revoke(eventId, values.revoke);
      const list = await hub.devices(undefined, eventId);
      if (values.json) out(list);
      else for (const d of list) process.stdout.write(`${d.deviceId}\t${d.role}\t${d.lastSeen ?? 'never'}\t${d.waiting} waiting\n`);
      return 0;
    });
  }
  return withApp(cli, { existing: true }, async (app) => {
    const transport = await hubTransportOf(app);
    let list: HubDeviceInfo[];
    if (transport) list = await transport.devices().finally(() => transport.close());
    else {
      if (values.revoke) app.hub.revoke(values.revoke);
      list = app.hub.devices();
    }
    if (values.json) out(list);
    else for (const d of list) process.stdout.write(`${d.deviceId}\t${d.role}\t${d.lastSeen ?? 'never'}\t${d.waiting} waiting${Math.abs(d.clockSkewMs) > 120_000 ? `\tclock off by ${Math.round(d.clockSkewMs / 1000)} s` : ''}\n`);
    return 0;
  });
};
