// `uketsuke pair --code CODE`: this event file joins a hub and loads its event, with a progress bar. Not the Api's
// `joinHub`: that is the screens' "Join a hub", which pairs a new file (electron/workspace/).
import os from 'node:os';
import { out, progressBar, UsageError, withApp, type Command } from '../context.js';

export const pair: Command = async (cli) => {
  const { values } = cli;
  const code = values.code;
  if (!code) throw new UsageError('pair needs --code CODE (from the hub: uketsuke pairing-code, or its screen)');
  return withApp(cli, { existing: false }, async (app) => {
    const { pairWithCode } = await import('../../host/hub/connect.js');
    const r = await pairWithCode(app, code, values.name ?? os.hostname(), progressBar('Loading the event'));
    const result = { deviceId: r.deviceId, eventId: r.eventId, delegates: r.delegates, role: r.role, badgeBlock: r.badgeBlock };
    if (values.json) out(result);
    else process.stdout.write(`Paired as ${r.role} ${r.deviceId}; loaded ${r.delegates} delegates of ${app.event.info().name}.\n`);
    return 0;
  });
};
