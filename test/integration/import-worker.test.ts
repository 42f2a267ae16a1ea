// Imports are read off the host's event loop: a 50k-row Shift_JIS file is decoded and checked in the import worker
// while the web host keeps answering other screens, and what comes out is what the same work on the core's thread
// gives. (Before the worker, an `/api/event` asked during a large preview waited for the whole preview.)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { ImportThread } from '../../electron/services/people/import/import-thread.js';
import { INLINE_READER } from '../../electron/services/people/import/read-job.js';
import { makeApp, tempDir, type TestApp } from '../helpers.js';

let apps: TestApp[] = [];
let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  apps.forEach((t) => t.app.close());
  apps = [];
});

const FAMILY = [['Takahashi', '髙橋'], ['Yamazaki', '山﨑'], ['Sato', '佐藤'], ['Suzuki', '鈴木'], ['Watanabe', '渡辺']];

/** A registration export from Japanese Excel: CP932, with a few rows that must be rejected. */
function registrationCsv(rows: number): Buffer {
  const lines = ['Family name,Given name,姓,名,Email,Organisation,Country'];
  for (let i = 0; i < rows; i++) {
    const [latin, kanji] = FAMILY[i % FAMILY.length]!;
    const email = i % 997 === 5 ? 'not-an-email' : i % 1009 === 7 ? 'dup@example.jp' : `p${i}@example.jp`;
    lines.push(`${latin},Person${i},${kanji},太郎,${email},経済産業省 ${i % 40},JP`);
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'cp932');
}

function post(port: number, method: string, body: unknown): Promise<{ status: number; json: unknown; ms: number }> {
  const data = JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')), ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

function staticDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  return dir;
}

describe('imports in a worker thread', () => {
  it('a 50k-row preview through the web host leaves other calls answering at once', async () => {
    const t = makeApp();
    apps.push(t);
    host = await startHost({ app: t.app, staticDir: staticDir(), port: 0 });
    const file = { fileName: 'registrations.csv', base64: registrationCsv(50_000).toString('base64') };
    // Warm the worker, then the preview alone.
    expect((await post(host.port, 'importPreview', file)).status).toBe(200);
    const alone = await post(host.port, 'importPreview', file);
    expect(t.app.importer.reader).toBeInstanceOf(ImportThread);
    expect((t.app.importer.reader as ImportThread).threaded).toBe(true);

    // The same preview again, with the event screen asking every 10 ms meanwhile.
    let finished = false;
    const preview = post(host.port, 'importPreview', file).finally(() => (finished = true));
    const during: number[] = [];
    await new Promise((r) => setTimeout(r, 5));
    while (!finished) {
      const r = await post(host.port, 'event', {});
      expect(r.status).toBe(200);
      if (!finished) during.push(r.ms);
      await new Promise((res) => setTimeout(res, 10));
    }
    const p = await preview;
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ encoding: 'shift_jis', rows: 50_000, headers: ['Family name', 'Given name', '姓', '名', 'Email', 'Organisation', 'Country'] });
    // Several answers came while the preview was being read, each in a small part of the preview's time.
    expect(during.length).toBeGreaterThanOrEqual(3);
    const worst = Math.max(...during);
    console.log(`preview ${alone.ms.toFixed(0)} ms alone, ${p.ms.toFixed(0)} ms with ${during.length} event calls meanwhile, worst event call ${worst.toFixed(1)} ms`);
    expect(worst).toBeLessThan(Math.min(alone.ms, p.ms) / 4);

    // What the worker read is what the core's own thread reads.
    const threaded = p.json;
    t.app.importer.reader = INLINE_READER;
    expect((await post(host.port, 'importPreview', file)).json).toEqual(threaded);
  }, 120_000);

  it('an import reads and checks its rows in the worker and reports exactly what the inline path reports', async () => {
    const bytes = registrationCsv(6_000);
    const [a, b] = [makeApp(), makeApp()];
    apps.push(a, b);
    b.app.importer.reader = INLINE_READER;
    const ra = await a.app.importer.run('r.csv', bytes);
    const rb = await b.app.importer.run('r.csv', bytes);
    expect((a.app.importer.reader as ImportThread).threaded).toBe(true);
    expect(ra).toEqual(rb);
    expect(ra.imported).toBeGreaterThan(5_900);
    expect(ra.flagged.map((r) => r.flag)).toContain('email_invalid');
    expect(ra.flagged.map((r) => r.flag)).toContain('possible_duplicate');
    const names = (t: TestApp) => t.app.db.prepare('SELECT family_name, given_name, family_name_kanji, email, organisation FROM delegate ORDER BY email').all();
    expect(names(a)).toEqual(names(b));
    // Unreadable files answer the same way from the worker.
    await expect(a.app.importer.run('x.xlsx', Buffer.from('PK\u0003\u0004broken'))).rejects.toThrow(/Not a readable XLSX/);
  }, 120_000);

  it('a worker that cannot start falls back to reading on this thread', async () => {
    const broken = path.join(tempDir(), 'import-worker.mjs');
    fs.writeFileSync(broken, 'throw new Error("no worker here")');
    const reader = new ImportThread({ url: new URL(`file://${broken}`), typescript: false });
    const preview = await reader.preview('a.csv', Buffer.from('Family name,Given name\nSato,Ken\n'));
    expect(preview).toMatchObject({ rows: 1, headers: ['Family name', 'Given name'] });
    reader.close();
  });
});
