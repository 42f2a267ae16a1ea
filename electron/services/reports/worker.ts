// The report worker: a thread with its own read-only connection to the event file, so reading 50,000 people and
// drawing hundreds of pages never holds up a scan verdict on the core's thread (WAL lets it read while scans are
// written). Built as dist/report-worker.mjs (CLI, web host) and dist/electron/report-worker.cjs (desktop app).
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { openDb, type Db } from '../../../db/open.js';
import { buildReport } from './build-report.js';
import { integrityProblems } from '../../../db/backups.js';
import type { IntegrityRequest, WorkerReply, WorkerRequest } from './report-jobs.js';

const port = parentPort;
if (!port) throw new Error('report worker: not started as a worker thread');

const connections = new Map<string, Db>();

// The scanning thread and this one share two cores with everything else: drawing a 50k report at the same priority
// took the core a verdict was waiting for (p99 10-43 ms). On Linux a nice value is per thread, so this lowers only
// the report; elsewhere setpriority would lower the whole app, so it is left alone.
if (process.platform === 'linux') {
  try {
    os.setPriority(19);
  } catch {
    // A sandbox may refuse; the report is then built at the app's priority, as before.
  }
}

port.on('message', (m: WorkerRequest | IntegrityRequest | { close: true }) => {
  if ('close' in m) {
    for (const db of connections.values()) db.close();
    connections.clear();
    return;
  }
  const post = (r: WorkerReply) => port.postMessage(r);
  if ('integrity' in m) return post({ id: m.id, type: 'integrity', problems: integrityProblems(m.file) });
  void (async () => {
    try {
      let db = connections.get(m.file);
      if (!db) connections.set(m.file, (db = openDb(m.file, { readonly: true, integrityCheck: false })));
      const file = await buildReport(db, m.req, (done, total) => post({ id: m.id, type: 'progress', done, total }));
      post({ id: m.id, type: 'done', fileName: file.fileName, mime: file.mime, data: file.data });
    } catch (e) {
      post({ id: m.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
