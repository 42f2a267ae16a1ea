// The import worker: decodes registration files and checks their rows on a thread of its own (read-job.ts). Rows go
// back in slices, so the core's thread takes them in small steps between scans rather than one long copy. Built as
// dist/import-worker.mjs (CLI, web host) and dist/electron/import-worker.cjs (desktop app).
import { parentPort } from 'node:worker_threads';
import { checkRecords, effectiveMapping, previewOf } from './read-job.js';
import { readTableFile, UnreadableFileError } from '../../files/read-file.js';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-thread.js';

const port = parentPort;
if (!port) throw new Error('import worker: not started as a worker thread');

/** Rows per message: small enough that taking one in costs the core's thread a few milliseconds. */
const SLICE = 1000;

port.on('message', (m: ImportWorkerRequest) => {
  const post = (r: ImportWorkerReply) => port.postMessage(r);
  void (async () => {
    try {
      const file = await readTableFile(m.fileName, m.bytes);
      if (m.mode === 'preview') return post({ id: m.id, type: 'preview', preview: previewOf(file) });
      const checks = checkRecords(file.records, file.headers, effectiveMapping(file.headers, m.mapping ?? undefined, file.records));
      for (let i = 0; i < file.records.length; i += SLICE) {
        post({ id: m.id, type: 'rows', records: file.records.slice(i, i + SLICE), checks: checks?.slice(i, i + SLICE) ?? null });
      }
      post({ id: m.id, type: 'done', file: { ...file, records: [] }, checked: checks !== null });
    } catch (e) {
      post({ id: m.id, type: 'error', unreadable: e instanceof UnreadableFileError, message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
