// `uketsuke hub`: the venue hub, headless, over an event file; on a postgres:// --db the organisers' hub for many
// events, several processes over one database.
import os from 'node:os';
import { isPostgresUrl } from '../../../db/pg/is-postgres.js';
import { ServiceError } from '../../services/core.js';
import { out, portOf, requireFile, open, untilStopped, type Command } from '../context.js';
import { pgHub } from '../pg-hub.js';

export const hub: Command = async ({ values, db }) => {
  const port = portOf(values.port, 5790, '--port');
  if (isPostgresUrl(db)) return organisersHub(db, port, values.host, values.json);
  requireFile(db);
  const app = open(db);
  if (!app.event.exists()) throw new ServiceError('not_found', `${db} holds no event: create one (uketsuke demo) before making it a hub.`);
  const { hubTlsIdentity } = await import('../../host/hub/tls.js');
  const { startHubServer } = await import('../../host/hub/server.js');
  const server = await startHubServer({ hub: app.hub, tls: await hubTlsIdentity(app.db), port, host: values.host });
  app.hubRole.hubStarted({ urls: server.urls, fingerprint: server.fingerprint });
  // A venue hub forwards to the organisers' hub whenever the internet is there.
  const { pairUpstream, connectUpstream } = await import('../../host/hub/connect.js');
  if (values.upstream && !app.core.device.upstreamLink()) await pairUpstream(app, values.upstream, values.name ?? `${os.hostname()} (venue hub)`);
  connectUpstream(app, { maxBackoffMs: 5000 });
  if (values.json) out({ hub: server.urls, fingerprint: server.fingerprint, event: app.event.info().id });
  else process.stdout.write(`Uketsuke hub for "${app.event.info().name}" at ${server.urls.join(', ')} (certificate ${server.fingerprint.slice(0, 16)}…)\n`);
  return untilStopped(() => server.close().then(() => { app.hubRole.setHubIdentity(null); app.close(); }));
};

/** The organisers' hub on PostgreSQL: each process says where it listens, so pairing codes name every address. */
async function organisersHub(url: string, port: number, host: string | undefined, json: boolean): Promise<number> {
  const { pool, hub } = await pgHub(url);
  const { pgHubTlsIdentity } = await import('../../host/hub/tls.js');
  const { startHubServer } = await import('../../host/hub/server.js');
  await hub.start();
  const server = await startHubServer({ hub, tls: await pgHubTlsIdentity(pool), port, host });
  const register = () => Promise.all(server.urls.map((u) => pool.query(
    'INSERT INTO hub_process (url, fingerprint, seen_at) VALUES ($1, $2, now()) ON CONFLICT (url) DO UPDATE SET fingerprint = excluded.fingerprint, seen_at = now()', [u, server.fingerprint],
  ))).catch(() => undefined);
  await register();
  setInterval(() => void register(), 20_000).unref();
  if (json) out({ hub: server.urls, fingerprint: server.fingerprint });
  else process.stdout.write(`Uketsuke organisers' hub at ${server.urls.join(', ')} (certificate ${server.fingerprint.slice(0, 16)}…)\n`);
  return untilStopped(() =>
    Promise.all(server.urls.map((u) => pool.query('DELETE FROM hub_process WHERE url = $1', [u])))
      .finally(() => server.close().then(() => hub.stop()).then(() => pool.end())),
  );
}
