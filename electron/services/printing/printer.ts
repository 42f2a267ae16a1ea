// A printer as the queue sees it. The operating system does the printing: CUPS `lp` on Linux and macOS, and
// Electron's silent print in the desktop app (electron/shell/printing.ts) for Windows kiosks.

export interface PrintRequest {
  file: string;
  /** CUPS media name, e.g. "A6" or "Custom.4x6in". */
  media: string;
  title: string;
  duplex: boolean;
}

export type SystemJobState = { state: 'printing' } | { state: 'done' } | { state: 'failed'; reason: string };

export interface Printer {
  readonly id: string;
  readonly name: string;
  readonly kind: 'cups' | 'electron' | 'folder';
  /** Hands the file to the system; returns the system's job reference. */
  submit(req: PrintRequest): Promise<string>;
  /** Where that job is now. */
  poll(ref: string): Promise<SystemJobState>;
  /** Withdraws a job that failed, so a retry never prints the badge twice. */
  cancel(ref: string): Promise<void>;
}

export interface PrinterDirectory {
  list(): Promise<Printer[]>;
}
