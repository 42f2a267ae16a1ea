// Runs in Electron's utility process: the core over SQLite, off the UI thread. Speaks the backend protocol with
// the main process: Api calls in, answers out, and print requests out (printing needs the main process's windows).
import { Uketsuke } from '../services/uketsuke.js';
import { LOCAL_OPERATOR, type Caller } from '../services/trust/access.js';
import { ServiceError } from '../services/core.js';
import { CupsDirectory } from '../services/printing/cups.js';
import { FolderPrinter, StaticDirectory } from '../services/printing/folder.js';
import { RelayDirectory, type RelayAnswer, type RelayRequest } from '../services/printing/relay.js';
import { isPrintReply, type BackendReply, type FromBackend, type ToBackend } from './backend-protocol.js';
import { Workspace } from '../workspace/workspace.js';
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
// The event files (electron/workspace/): a first start (no $UKETSUKE_DB, nothing in the file yet) offers "Create a
// new event" (made in this file), "Join a hub" (from the command line here: this backend runs no station sync) and
// "Open the demo"; a new event later goes in a new file, opened at the next start (main.ts reads `current-event`).
const workspace = Workspace.start(dbFile, {
  dir: process.env.UKETSUKE_DB ? null : path.dirname(dbFile),
  open,
  firstStart: !process.env.UKETSUKE_DB,
});
void workspace.app.printing.refreshPrinters();

process.parentPort.on('message', (e: { data: ToBackend }) => {
  const msg = e.data;
  if (isPrintReply(msg)) {
    printWaiters.get(msg.printId)?.(msg.ok ? { ok: true, printers: msg.printers } : { ok: false, reason: msg.reason });
    printWaiters.delete(msg.printId);
    return;
  }
  const { id, method, input } = msg;
  Promise.resolve()
    .then((): unknown => workspace.app.dispatch(method, input, caller))
    .then(
      (value): BackendReply => ({ id, ok: true, value }),
      (err: unknown): BackendReply =>
        err instanceof ServiceError
          ? { id, ok: false, code: err.code, message: err.message, say: err.say }
          : { id, ok: false, code: 'internal', message: err instanceof Error ? err.message : String(err) },
    )
    .then(post);
});

process.on('exit', () => workspace.close());
