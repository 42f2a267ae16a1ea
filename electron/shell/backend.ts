// Runs in Electron's utility process: the core over SQLite, off the UI thread. Speaks the backend protocol with
// the main process: Api calls in, answers out, and print requests out (printing needs the main process's windows).
import { Uketsuke } from '../services/uketsuke.js';
import { LOCAL_OPERATOR, type Caller } from '../services/trust/access.js';
import { ServiceError } from '../services/core.js';
import { ensureDemo } from '../../db/demo/build-demo.js';
import { CupsDirectory } from '../services/printing/cups.js';
import { FolderPrinter, StaticDirectory } from '../services/printing/folder.js';
import { RelayDirectory, type RelayAnswer, type RelayRequest } from '../services/printing/relay.js';
import { isPrintReply, type BackendReply, type FromBackend, type ToBackend } from './backend-protocol.js';
import { desktopEventCreator } from './event-files.js';
import path from 'node:path';

const dbFile = process.argv[2];
if (!dbFile) throw new Error('backend: no database file given');
// A kiosk window is a kiosk station for the core's access rules (services/trust/): staff sign in on it to do more.
const caller: Caller = process.argv[3] === 'kiosk' ? { clientId: 'kiosk-window', station: 'kiosk' } : LOCAL_OPERATOR;

const post = (m: FromBackend) => process.parentPort.postMessage(m);
let printSeq = 0;
const printWaiters = new Map<number, (a: RelayAnswer) => void>();
const relay = (req: RelayRequest): Promise<RelayAnswer> =>
  new Promise((resolve) => {
    const printId = ++printSeq;
    printWaiters.set(printId, resolve);
    post({ printId, ...req });
  });

// CUPS where the OS has it (Linux, macOS), Chromium's printing everywhere (Windows), and "save as PDF".
const open = (file: string) => Uketsuke.open(file, {
  printers: [new CupsDirectory(), new RelayDirectory(relay), new StaticDirectory([new FolderPrinter(`${file}.badges`)])],
});
let core = open(dbFile);
let coreFile = dbFile;
// A first start (no $UKETSUKE_DB and nothing in the file yet): the screens offer "Create a new event" (made in this
// file, which is then the organiser's), "Join a hub" and "Open the demo". Whatever is chosen stays in the file.
// "New event" later (Event screen): a new file next to this one, served from then on and opened at the next start
// (main.ts reads `current-event` in the app's folder), as in web mode.
if (process.env.UKETSUKE_DB) ensureDemo(core);
else if (!core.event.exists()) core.files.setDemoOpener(async () => (ensureDemo(core), { eventId: core.event.id() }));
core.files.setEventCreator(desktopEventCreator({
  dir: process.env.UKETSUKE_DB ? null : path.dirname(dbFile),
  current: () => ({ core, file: coreFile }),
  open,
  swap: (next, file) => {
    const previous = core;
    core = next;
    coreFile = file;
    previous.close();
  },
}));
void core.printing.refreshPrinters();

process.parentPort.on('message', (e: { data: ToBackend }) => {
  const msg = e.data;
  if (isPrintReply(msg)) {
    printWaiters.get(msg.printId)?.(msg.ok ? { ok: true, printers: msg.printers } : { ok: false, reason: msg.reason });
    printWaiters.delete(msg.printId);
    return;
  }
  const { id, method, input } = msg;
  Promise.resolve()
    .then((): unknown => core.dispatch(method, input, caller))
    .then(
      (value): BackendReply => ({ id, ok: true, value }),
      (err: unknown): BackendReply =>
        err instanceof ServiceError
          ? { id, ok: false, code: err.code, message: err.message, say: err.say }
          : { id, ok: false, code: 'internal', message: err instanceof Error ? err.message : String(err) },
    )
    .then(post);
});

process.on('exit', () => core.close());
