// CUPS through its command-line tools. Output is read with LC_ALL=C: localised command output must never be
// parsed (alf.io-PI #40 broke on a non-English OS). `lpstat -e` prints bare names, which no locale changes.
import { execFile } from 'node:child_process';
import type { Printer, PrinterDirectory, PrintRequest, SystemJobState } from './printer.js';
import { printErrorText } from './job-error.js';

const C_ENV = { ...process.env, LC_ALL: 'C', LANG: 'C' };

function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env: C_ENV, timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd}: ${(stderr || err.message).trim()}`));
      else resolve({ stdout, stderr });
    });
  });
}

export class CupsPrinter implements Printer {
  readonly kind = 'cups' as const;
  readonly id: string;

  constructor(readonly name: string) {
    this.id = `cups:${name}`;
  }

  async submit(req: PrintRequest): Promise<string> {
    const args = ['-d', this.name, '-o', `media=${req.media}`, '-o', 'fit-to-page', '-t', req.title];
    if (req.duplex) args.push('-o', 'sides=two-sided-long-edge');
    const { stdout } = await run('lp', [...args, req.file]);
    const m = /request id is (\S+)/.exec(stdout);
    if (!m) throw new Error(`lp gave no job id: ${stdout.trim().slice(0, 200)}`);
    return m[1]!;
  }

  async poll(ref: string): Promise<SystemJobState> {
    const has = (out: string) => out.split('\n').some((l) => l.split(/\s+/)[0] === ref);
    const pending = await run('lpstat', ['-o', this.name]).catch(() => ({ stdout: '' }));
    if (has(pending.stdout)) {
      const p = await run('lpstat', ['-p', this.name]).catch(() => ({ stdout: '' }));
      if (/disabled/i.test(p.stdout)) return { state: 'failed', reason: printErrorText.printerStopped(this.name, p.stdout.split('\n').slice(1).join(' ').trim()) };
      return { state: 'printing' };
    }
    const done = await run('lpstat', ['-W', 'completed', '-o', this.name]).catch(() => ({ stdout: '' }));
    if (has(done.stdout)) return { state: 'done' };
    return { state: 'failed', reason: printErrorText.jobLost(ref) };
  }

  async cancel(ref: string): Promise<void> {
    await run('cancel', [ref]).catch(() => undefined);
  }
}

export class CupsDirectory implements PrinterDirectory {
  async list(): Promise<Printer[]> {
    try {
      const { stdout } = await run('lpstat', ['-e']);
      return stdout.split('\n').map((s) => s.trim()).filter(Boolean).map((n) => new CupsPrinter(n));
    } catch {
      // No CUPS here (Windows, or not installed): no system printers from this directory.
      return [];
    }
  }
}
