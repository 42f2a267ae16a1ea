// `uketsuke pairing-code`: a one-time code from a hub for a new station (on an event file through the Api; on the
// organisers' PostgreSQL hub for one of its events).
import { isPostgresUrl } from '../../../db/pg/is-postgres.js';
import { out, UsageError, withApp, type Command } from '../context.js';
import { withPgHub } from '../pg-hub.js';

export const pairingCode: Command = async (cli) => {
  const { values, db } = cli;
  const role = values.role;
  if (role !== 'desk' && role !== 'door' && role !== 'kiosk' && role !== 'venue' && role !== 'organiser') throw new UsageError('--role is desk, door, kiosk, venue or organiser');
  if (isPostgresUrl(db)) {
    return withPgHub(db, async (hub) => {
      const code = await hub.pairingCode(role, values.event ?? null);
      if (values.json) out(code);
      else process.stdout.write(`${code.code}\n\nValid until ${code.expiresAt}, once, for a ${role}${values.event ? ` of ${values.event}` : ''}.\n`);
      return 0;
    });
  }
  return withApp(cli, { existing: true }, async (app) => {
    const code = app.dispatch('pairingCode', { role });
    if (values.json) out(code);
    else {
      const QRCode = await import('qrcode');
      process.stdout.write(`${await QRCode.toString(code.code, { type: 'terminal', small: true })}\n${code.code}\n\nValid until ${code.expiresAt}, once, for a ${role} station.\n`);
    }
    return 0;
  });
};
