// The real print path: CUPS with the cups-pdf virtual printer. A badge is queued, lp submits it, CUPS prints it
// to a PDF file, and that file is read back as a reader would (text, fonts, QR → scan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { tempDir } from '../helpers.js';
import { pdfFonts, pdfWords, qrCodesOn } from './pdf-tools.js';

let app: Uketsuke;
const cupsPdfOut = path.join(os.homedir(), 'PDF');

beforeAll(async () => {
  // CUPS must be there: the test fails (never skips) when it is not. setup-cups-pdf.sh is idempotent.
  execFileSync('bash', ['scripts/setup-cups-pdf.sh'], { stdio: 'ignore' });
  app = Uketsuke.open(path.join(tempDir(), 'print.db'), { printPollMs: 200 });
  buildDemo(app, { delegates: 40 });
  await app.printing.refreshPrinters();
});
afterAll(() => app.close());

/** Waits for cups-pdf's file, however long CUPS takes on a busy machine: the test's own time limit ends a real hang. */
async function printedFile(jobRef: string): Promise<string> {
  // cups-pdf names its output "<title>_job_<n>.pdf" in ~/PDF.
  const n = jobRef.split('-').pop();
  for (;;) {
    const hit = fs.existsSync(cupsPdfOut) ? fs.readdirSync(cupsPdfOut).find((f) => f.endsWith(`job_${n}.pdf`)) : undefined;
    if (hit) return path.join(cupsPdfOut, hit);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('printing through CUPS', () => {
  it('lists the system printers without parsing localised output', () => {
    const ids = app.dispatch('printers', {}).map((p) => p.id);
    expect(ids).toContain('cups:BadgePDF');
    expect(ids).toContain('folder');
  });

  it('round trip: queued → printing → done; the printed PDF has the name, embedded fonts and a QR that scans', async () => {
    const misaki = app.delegates.findByIdOrEmail('misaki.takahashi@iwate.example.jp')!;
    const job = app.dispatch('printBadge', { delegateId: misaki.id, printer: 'cups:BadgePDF', size: '4x6in' });
    expect(['queued', 'printing']).toContain(job.status);
    await app.printing.idle();
    const done = app.printing.get(job.id);
    expect(done.status).toBe('done');
    expect(done.attempts).toBe(1);
    const ref = (app.db.prepare('SELECT system_ref FROM print_job WHERE id = ?').get(job.id) as { system_ref: string }).system_ref;
    expect(ref).toMatch(/^BadgePDF-\d+$/);
    const file = await printedFile(ref);
    const words = pdfWords(file);
    expect(words).toContain('髙橋 美咲');
    expect(words).toContain('TAKAHASHI Misaki');
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const [code] = qrCodesOn(file, 1, 200);
    expect(code).toBe(app.delegates.tokenFor(misaki));
    expect(app.dispatch('scan', { checkpointId: 'cp-bus-1', code: code! }).verdict).toBe('admitted');
    // Printing is not checking in, and the job is logged once with the badge issue it prints.
    expect(app.dispatch('searchDelegates', { query: 'misaki.takahashi@' })[0]!.arrived).toBe(false);
    const logged = app.db.prepare("SELECT count(*) AS n FROM change_log WHERE type = 'print.job' AND json_extract(payload, '$.id') = ? AND json_extract(payload, '$.fields.badge_issue') IS NOT NULL").get(job.id) as { n: number };
    expect(logged.n).toBe(1);
  });

  it('a stopped printer fails the job with its reason; retry reuses the job and logs nothing twice', async () => {
    await app.printing.refreshPrinters();
    const d = app.delegates.findByIdOrEmail('kwame.mensah@gh.example.gh')!;
    const job = app.dispatch('printBadge', { delegateId: d.id, printer: 'cups:BadgeStopped', size: 'a6' });
    await app.printing.idle();
    const failed = app.printing.get(job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/stopped/i);
    // Screens get the reason as a code and values (rendered in their language) and the name as parts.
    expect(failed.errorCode).toMatchObject({ code: 'printer_stopped', values: { printer: 'BadgeStopped' } });
    expect(failed.person).toEqual({ familyName: 'Mensah', givenName: 'Kwame', familyNameKanji: null, givenNameKanji: null });
    // The jammed job was withdrawn from CUPS, so it cannot print later as a duplicate. (Only this job is looked for:
    // CUPS is the machine's, and another test run may be printing to the same printer.)
    const ref = (app.db.prepare('SELECT system_ref FROM print_job WHERE id = ?').get(job.id) as { system_ref: string }).system_ref;
    expect(ref).toMatch(/^BadgeStopped-\d+$/);
    expect(execFileSync('lpstat', ['-o', 'BadgeStopped'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).split(/\s+/)).not.toContain(ref);
    const retried = app.dispatch('retryPrint', { jobId: job.id });
    expect(retried.id).toBe(job.id);
    await app.printing.idle();
    expect(app.printing.get(job.id)).toMatchObject({ status: 'failed', attempts: 2 });
    const logged = app.db.prepare("SELECT count(*) AS n FROM change_log WHERE type = 'print.job' AND json_extract(payload, '$.id') = ? AND json_extract(payload, '$.fields.badge_issue') IS NOT NULL").get(job.id) as { n: number };
    expect(logged.n).toBe(1);
    expect(() => app.dispatch('retryPrint', { jobId: app.printing.list(10).find((j) => j.status === 'done')!.id })).toThrow(/Only a failed/);
  });

  it('an unknown printer is refused with a clear message', () => {
    const d = app.delegates.findByIdOrEmail('kwame.mensah@gh.example.gh')!;
    expect(() => app.dispatch('printBadge', { delegateId: d.id, printer: 'cups:NoSuchPrinter' })).toThrow(/No printer cups:NoSuchPrinter/);
  });

  it('"save as PDF" printer writes the badge next to the event file', async () => {
    const d = app.delegates.findByIdOrEmail('siobhan.obriain@southern.example.ie')!;
    const job = app.dispatch('printBadge', { delegateId: d.id, printer: 'folder', size: 'cr80' });
    await app.printing.idle();
    expect(app.printing.get(job.id).status).toBe('done');
    const dir = `${app.db.name}.badges`;
    const file = fs.readdirSync(dir).find((f) => f.includes(job.id))!;
    expect(pdfWords(path.join(dir, file))).toContain('Ó BRIAIN');
  });
});

describe('print jobs across a restart', () => {
  it('a job that was printing when the app stopped shows as interrupted and can be retried', async () => {
    const file = path.join(tempDir(), 'restart.db');
    // Each process's clock is given, so "soon after" and "much later" do not depend on how fast this machine is.
    const stoppedAt = Date.parse('2027-04-27T09:00:00Z');
    const first = Uketsuke.open(file, { printPollMs: 50, now: () => stoppedAt });
    buildDemo(first, { delegates: 5 });
    await first.printing.refreshPrinters();
    const d = first.delegates.search('', 1)[0]!;
    const job = first.dispatch('printBadge', { delegateId: d.id, printer: 'folder' });
    // Simulate a stop mid-print: the row says "printing" and no process follows it any more.
    await first.printing.idle();
    first.db.prepare("UPDATE print_job SET status = 'printing', updated_at = ? WHERE id = ?").run(new Date(stoppedAt).toISOString(), job.id);
    first.close();
    // Reopened soon after: a job this recent may still belong to a live process, so it is left alone…
    const soon = Uketsuke.open(file, { now: () => stoppedAt + 5_000 });
    expect(soon.printing.get(job.id).status).toBe('printing');
    soon.close();
    // …and once it is older than the print timeout, it shows as interrupted.
    const later = stoppedAt + 121_000;
    const again = Uketsuke.open(file, { printPollMs: 50, now: () => later });
    await again.printing.refreshPrinters();
    expect(again.printing.get(job.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/Interrupted/), errorCode: { code: 'interrupted' } });
    again.dispatch('retryPrint', { jobId: job.id });
    await again.printing.idle();
    expect(again.printing.get(job.id).status).toBe('done');
    again.close();
  });
});
