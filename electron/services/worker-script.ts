// Finding and starting a service's worker thread (imports, reports): the same script is TypeScript in the source
// tree (tests, benchmarks, run through tsx) and plain JavaScript next to the bundle (the app, the web host).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface WorkerScript {
  url: URL;
  typescript: boolean;
}

/**
 * The worker's script beside the module at `moduleUrl`: its TypeScript source, else the bundle's entry `bundled`
 * (.mjs here or one folder up, or .cjs). Null where there is none (an installation that does not ship it).
 */
export function findWorkerScript(moduleUrl: string, source: string, bundled: string): WorkerScript | null {
  const candidates: [string, boolean][] = [[`./${source}`, true], [`./${bundled}.mjs`, false], [`../${bundled}.mjs`, false], [`./${bundled}.cjs`, false]];
  for (const [rel, typescript] of candidates) {
    try {
      const url = new URL(rel, moduleUrl);
      if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, typescript };
    } catch {
      // Not a file URL (a bundler's virtual module): no worker from here.
    }
  }
  return null;
}

/** Starts the worker, unref'd: an idle worker never keeps the process alive. */
export function startWorker(script: WorkerScript): Worker {
  const worker = script.typescript
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script.url.href)}); })`, { eval: true })
    : new Worker(script.url);
  worker.unref();
  return worker;
}
