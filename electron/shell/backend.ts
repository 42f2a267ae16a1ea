// Runs in Electron's utility process: the core over SQLite, off the UI thread. Speaks BackendRequest/Reply with
// the main process. Plain Node apart from process.parentPort.
import { Uketsuke } from '../services/uketsuke.js';
import { ServiceError } from '../services/core.js';
import { ensureDemo } from '../../db/demo/build-demo.js';
import type { BackendReply, BackendRequest } from './backend-protocol.js';

const dbFile = process.argv[2];
if (!dbFile) throw new Error('backend: no database file given');
const core = Uketsuke.open(dbFile);
ensureDemo(core);

process.parentPort.on('message', (e: { data: BackendRequest }) => {
  const { id, method, input } = e.data;
  let reply: BackendReply;
  try {
    reply = { id, ok: true, value: core.dispatch(method, input) };
  } catch (err) {
    reply = err instanceof ServiceError
      ? { id, ok: false, code: err.code, message: err.message }
      : { id, ok: false, code: 'internal', message: err instanceof Error ? err.message : String(err) };
  }
  process.parentPort.postMessage(reply);
});

process.on('exit', () => core.close());
