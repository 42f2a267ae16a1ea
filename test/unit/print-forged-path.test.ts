// Item 9 of issue 23: print jobs are synced, so a job's fields are another device's words. A forged `print.job`
// naming a local file and claiming this station's queue must not make Retry print that file: the station prints
// only its own rendering of the job's delegate and badge issue.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { FolderPrinter, StaticDirectory } from '../../electron/services/printing/folder.js';
import { spoolFile } from '../../electron/services/printing/print-queue.js';
import { smallEventSpec, tempDir } from '../helpers.js';

let app: Uketsuke | undefined;
afterEach(() => app?.close());

describe('a forged print job cannot print a local file', () => {
  it('Retry on a job whose synced fields name /some/secret prints the badge, never the file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const secret = path.join(dir, 'secret.pdf');
    fs.writeFileSync(secret, 'TOP SECRET payroll');
    app = Uketsuke.open(path.join(dir, 'event.db'), { printers: [new StaticDirectory([new FolderPrinter(out)])], printPollMs: 10 });
    app.event.create(smallEventSpec());
    await app.printing.refreshPrinters();
    const d = app.core.tx(() => app!.delegates.insert({ givenName: 'Zofia', familyName: 'Kowalska' }));
    const report = app.core.replica.receive([{
      entryId: '00000000-0000-4000-8000-0000000000f1', deviceId: 'dev-evil', deviceSeq: 1, hlc: `${String(Date.now()).padStart(13, '0')}-0000-dev-evil`,
      type: 'print.job',
      payload: {
        id: 'p-forged', at: new Date().toISOString(),
        fields: {
          delegate_id: d.id, badge_issue: 1, printer: 'folder', size: 'a6', back: 0, status: 'failed', error: 'jam', system_ref: null,
          attempts: 1, file: secret, created_at: new Date().toISOString(), device_id: app.core.deviceId,
        },
      },
    }]);
    expect(report.applied).toBe(1);
    app.dispatch('retryPrint', { jobId: 'p-forged' });
    await app.printing.idle();
    const printed = fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f)));
    expect(printed).toHaveLength(1);
    expect(printed[0]!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(printed[0]!.toString('latin1')).not.toContain('TOP SECRET');
    expect(fs.readFileSync(secret, 'utf8')).toBe('TOP SECRET payroll');
    // The local spool path never goes back into the log for other stations to see.
    const logged = app.db.prepare("SELECT payload FROM change_log WHERE type = 'print.job' AND device_id = ?").pluck().all(app.core.deviceId) as string[];
    expect(logged.length).toBeGreaterThan(0);
    for (const p of logged) expect(JSON.parse(p).fields.file ?? null).toBeNull();
  });

  it('a job id from another device names a file inside the spool folder only', () => {
    const spool = path.join(tempDir(), 'spool');
    for (const id of ['../../etc/passwd', '/etc/passwd', 'a/b', 'p-x'.repeat(50)]) {
      expect(path.dirname(spoolFile(spool, id))).toBe(spool);
    }
    expect(spoolFile(spool, 'p-abc_1')).toBe(path.join(spool, 'p-abc_1.pdf'));
  });
});
