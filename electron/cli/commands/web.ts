// `uketsuke web`: the screens in a browser over the web host (what `npm start` serves where Electron is absent). The
// event files are the workspace's (electron/workspace/), as on the desktop; this adds the server, the live sync of
// a paired file and "make this laptop the hub" (the hub server in this process, on the LAN unless told otherwise).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../../host/server.js';
import { STATION_KINDS, type StationKind } from '../../services/trust/access.js';
import { dataDir } from '../../services/replication/installation.js';
import type { Uketsuke } from '../../services/uketsuke.js';
import { eventChosen } from '../../workspace/current-event.js';
import { Workspace } from '../../workspace/workspace.js';
import { open, portOf, UsageError, untilStopped, type Cli, type Command } from '../context.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** "Make this laptop the hub" for whichever app is served: its hub server, started when the screen asks. */
async function hubStarter({ values }: Cli): Promise<(app: Uketsuke) => void> {
  const port = portOf(values['hub-port'], 5790, '--hub-port');
  const { hubTlsIdentity } = await import('../../host/hub/tls.js');
  const { startHubServer } = await import('../../host/hub/server.js');
  return (app) => app.hubRole.setHubStarter(async () => {
    const running = await startHubServer({ hub: app.hub, tls: await hubTlsIdentity(app.db), port, host: values['hub-host'] ?? '0.0.0.0' });
    say(`This laptop is the hub: ${running.urls.join(', ')}`);
    return { urls: running.urls, fingerprint: running.fingerprint };
  });
}

export const web: Command = async (cli) => {
  const { values, db } = cli;
  const port = portOf(values.port, 5780, '--port');
  const station = values.station;
  if (station !== undefined && !(STATION_KINDS as readonly string[]).includes(station)) throw new UsageError(`--station is one of ${STATION_KINDS.join(', ')}`);
  const serveHub = await hubStarter(cli);
  const { pairWithCode, connectStation } = await import('../../host/hub/connect.js');
  // A first start (no --db, no $UKETSUKE_DB, nothing chosen before, no event in the default file): the screens
  // offer "Create a new event", "Join a hub" and "Open the demo"; the choice is remembered in current-event.
  const named = Boolean(values.db || process.env.UKETSUKE_DB);
  const workspace = Workspace.start(db, {
    dir: process.env.UKETSUKE_DB ? null : dataDir(),
    open: (file) => open(file),
    firstStart: !named && !eventChosen(dataDir()),
    hubs: { pair: pairWithCode, connect: (app) => void connectStation(app) },
    serve: serveHub,
    say,
  });
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'renderer');
  const host = await startHost({
    get app() {
      return workspace.app;
    },
    staticDir, port, host: values.host, station: station as StationKind | undefined,
  });
  const app = workspace.app;
  if (connectStation(app)) say(`Syncing with the hub at ${app.hubRole.syncStatus().hub}.`);
  if (values.hub) await app.hubRole.startHub();
  if (!app.event.exists()) say(`Uketsuke is ready for its first start at ${host.url}/desk — choose: create a new event, join a hub, or open the demo`);
  else say(`Uketsuke is serving ${app.event.info().name} at ${host.url}/desk`);
  return untilStopped(() => host.close().then(() => workspace.close()));
};
