// Imports read and check files in a worker thread (import-worker.ts), so the thread that answers scans and screens
// only writes the rows, in small batches. Started on first use and left idle in between; one that cannot start in an
// installation (its script missing) falls back to doing the work on this thread rather than failing the import.
import type { Worker } from 'node:worker_threads';
import { findWorkerScript, startWorker, type WorkerScript } from '../../worker-script.js';
import type { ImportField } from './columns.js';
import type { ParsedFile, SourceRecord } from '../../files/read-file.js';
import { UnreadableFileError } from '../../files/read-file.js';
import { INLINE_READER, type FilePreview, type ImportReader, type ReadRows } from './read-job.js';
import type { RowCheck } from './validate.js';

export type ImportWorkerRequest = { id: number; fileName: string; bytes: Uint8Array; mode: 'preview' | 'rows'; mapping: (ImportField | null)[] | null };

export type ImportWorkerReply =
  | { id: number; type: 'preview'; preview: FilePreview }
  | { id: number; type: 'rows'; records: SourceRecord[]; checks: RowCheck[] | null }
  | { id: number; type: 'done'; file: ParsedFile; checked: boolean }
  | { id: number; type: 'error'; unreadable: boolean; message: string };

/** The worker's script next to this module: the TypeScript source (tests, tsx), or the bundle's own entry. */
export function importWorkerScript(): WorkerScript | null {
  return findWorkerScript(import.meta.url, 'import-worker.ts', 'import-worker');
}

interface Pending {
  req: ImportWorkerRequest;
  resolve: (v: FilePreview | ReadRows) => void;
  reject: (e: Error) => void;
  records: SourceRecord[];
  checks: RowCheck[];
}

export class ImportThread implements ImportReader {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private unavailable = false;

  constructor(private readonly script: WorkerScript | null = importWorkerScript()) {}

  /** True once files are being read in a worker thread. */
  get threaded(): boolean {
    return this.worker !== null;
  }

  preview(fileName: string, bytes: Uint8Array): Promise<FilePreview> {
    return this.ask({ fileName, bytes, mode: 'preview', mapping: null }) as Promise<FilePreview>;
  }

  rows(fileName: string, bytes: Uint8Array, mapping?: (ImportField | null)[]): Promise<ReadRows> {
    return this.ask({ fileName, bytes, mode: 'rows', mapping: mapping ?? null }) as Promise<ReadRows>;
  }

  close(): void {
    if (this.worker) void this.worker.terminate();
    this.worker = null;
  }

  private inline(req: Omit<ImportWorkerRequest, 'id'>): Promise<FilePreview | ReadRows> {
    return req.mode === 'preview' ? INLINE_READER.preview(req.fileName, req.bytes) : INLINE_READER.rows(req.fileName, req.bytes, req.mapping ?? undefined);
  }

  private async ask(req: Omit<ImportWorkerRequest, 'id'>): Promise<FilePreview | ReadRows> {
    const worker = this.unavailable ? null : this.ensureWorker();
    if (!worker) return this.inline(req);
    const id = ++this.seq;
    const full: ImportWorkerRequest = { ...req, id };
    const done = new Promise<FilePreview | ReadRows>((resolve, reject) => this.pending.set(id, { req: full, resolve, reject, records: [], checks: [] }));
    worker.ref();
    // A copy of the bytes goes over (the caller keeps its buffer).
    worker.postMessage(full);
    try {
      return await done;
    } finally {
      if (this.pending.size === 0) this.worker?.unref();
    }
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    const script = this.script;
    if (!script) return null;
    const worker = startWorker(script);
    let answered = false;
    worker.on('message', (r: ImportWorkerReply) => {
      answered = true;
      const p = this.pending.get(r.id);
      if (!p) return;
      if (r.type === 'rows') {
        for (const rec of r.records) p.records.push(rec);
        if (r.checks) for (const c of r.checks) p.checks.push(c);
        return;
      }
      this.pending.delete(r.id);
      if (r.type === 'preview') p.resolve(r.preview);
      else if (r.type === 'done') p.resolve({ file: { ...r.file, records: p.records }, checks: r.checked ? p.checks : null });
      else p.reject(r.unreadable ? new UnreadableFileError(r.message) : new Error(r.message));
    });
    const fail = (e: Error) => {
      const waiting = [...this.pending.values()];
      this.pending.clear();
      this.worker = null;
      // A worker that never answered could not start here: read on this thread from now on.
      if (!answered) this.unavailable = true;
      for (const p of waiting) {
        if (answered) p.reject(e);
        else this.inline(p.req).then(p.resolve, p.reject);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The import worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}
