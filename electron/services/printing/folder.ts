// "Print to folder": badges saved as PDF files, for stations without a printer or printing later elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import type { Printer, PrinterDirectory, PrintRequest, SystemJobState } from './printer.js';
import { printErrorText } from './job-error.js';

export class FolderPrinter implements Printer {
  readonly kind = 'folder' as const;
  readonly id = 'folder';
  readonly name: string;

  constructor(readonly dir: string) {
    this.name = `Save as PDF (${dir})`;
  }

  async submit(req: PrintRequest): Promise<string> {
    fs.mkdirSync(this.dir, { recursive: true });
    const target = path.join(this.dir, `${req.title.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`);
    fs.copyFileSync(req.file, target);
    return target;
  }

  async poll(ref: string): Promise<SystemJobState> {
    return fs.existsSync(ref) ? { state: 'done' } : { state: 'failed', reason: printErrorText.fileMissing(ref) };
  }

  async cancel(): Promise<void> {}
}

export class StaticDirectory implements PrinterDirectory {
  constructor(private readonly printers: Printer[]) {}
  async list(): Promise<Printer[]> {
    return this.printers;
  }
}
