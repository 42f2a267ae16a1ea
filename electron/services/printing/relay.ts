// Printers reached through a host that can print (the Electron main process): the queue sends "list" and
// "print" requests over a message channel and waits for the answers. Plain Node: no electron import.
import type { Printer, PrinterDirectory, PrintRequest, SystemJobState } from './printer.js';

export type RelayRequest = { kind: 'list' } | { kind: 'print'; file: string; deviceName: string; duplex: boolean };
export type RelayAnswer = { ok: true; printers?: { name: string; displayName: string }[] } | { ok: false; reason: string };
export type RelaySend = (req: RelayRequest) => Promise<RelayAnswer>;

class RelayPrinter implements Printer {
  readonly kind = 'electron' as const;
  readonly id: string;
  private readonly outcomes = new Map<string, SystemJobState>();
  private seq = 0;

  constructor(
    private readonly send: RelaySend,
    private readonly deviceName: string,
    readonly name: string,
  ) {
    this.id = `electron:${deviceName}`;
  }

  async submit(req: PrintRequest): Promise<string> {
    const ref = `${this.deviceName}#${++this.seq}`;
    // Chromium's silent print reports only at the end, so the job is done or failed once this answer comes.
    const answer = await this.send({ kind: 'print', file: req.file, deviceName: this.deviceName, duplex: req.duplex });
    this.outcomes.set(ref, answer.ok ? { state: 'done' } : { state: 'failed', reason: answer.reason });
    return ref;
  }

  async poll(ref: string): Promise<SystemJobState> {
    return this.outcomes.get(ref) ?? { state: 'failed', reason: 'Unknown print job.' };
  }

  async cancel(): Promise<void> {}
}

export class RelayDirectory implements PrinterDirectory {
  constructor(private readonly send: RelaySend) {}

  async list(): Promise<Printer[]> {
    const answer = await this.send({ kind: 'list' });
    if (!answer.ok || !answer.printers) return [];
    return answer.printers.map((p) => new RelayPrinter(this.send, p.name, p.displayName));
  }
}
