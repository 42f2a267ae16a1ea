// A crash never loses an acknowledged check-in: SIGKILL a process in the middle of a burst of scans, reopen the
// file, and find every scan it acknowledged.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { tempDir } from '../helpers.js';

describe('durability', () => {
  it('every scan acknowledged before SIGKILL is in the database after reopening', async () => {
    const file = path.join(tempDir(), 'crash.db');
    const setup = Uketsuke.open(file);
    buildDemo(setup, { delegates: 60 });
    const tokens = setup.delegates.search('', 60).map((h) => setup.delegates.tokenFor(setup.delegates.get(h.id))!);
    setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/integration/scan-burst-child.ts'), file, ...tokens], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let partial = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        const lines = (partial + c.toString()).split('\n');
        partial = lines.pop() ?? '';
        acked.push(...lines.filter(Boolean));
        if (acked.length >= 1500 && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed: ${stderr}`))));
    });

    const reopened = Uketsuke.open(file);
    const stored = new Set((reopened.db.prepare('SELECT id FROM scan').all() as { id: string }[]).map((r) => r.id));
    const logged = new Set((reopened.db.prepare("SELECT json_extract(payload, '$.id') AS id FROM change_log WHERE type = 'scan.recorded'").all() as { id: string }[]).map((r) => r.id));
    reopened.close();
    const lost = acked.filter((id) => !stored.has(id));
    expect(acked.length).toBeGreaterThanOrEqual(1500);
    expect(lost).toEqual([]);
    expect(acked.filter((id) => !logged.has(id))).toEqual([]);
    // The burst was really cut mid-way: the file holds at least what was acknowledged, never less.
    expect(stored.size).toBeGreaterThanOrEqual(acked.length);
  });
});
