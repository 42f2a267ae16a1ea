// A failed print job's reason, as a code and values every screen renders in its own language. The stored text (print
// job rows, the CLI, logs) stays the English sentence; the sentences are made here and read back here, so the two
// cannot drift apart.
import type { PrintJobError } from '../../api/contract.js';

export const printErrorText = {
  interrupted: () => 'Interrupted: Uketsuke closed while this badge was printing. Check the printer, then retry if no badge came out.',
  timeout: () => 'The printer did not finish in time: check paper and power, then retry.',
  printerStopped: (printer: string, detail: string) => `Printer ${printer} is stopped: ${detail || 'check paper and power'}`,
  jobLost: (ref: string) => `Job ${ref} was cancelled or lost by the print system.`,
  fileMissing: (ref: string) => `Saved file missing: ${ref}`,
  printerGone: (printer: string) => `Printer ${printer} is no longer available.`,
};

const READERS: [RegExp, (m: RegExpMatchArray) => PrintJobError][] = [
  [/^Interrupted: Uketsuke closed/, () => ({ code: 'interrupted', values: {} })],
  [/^The printer did not finish in time/, () => ({ code: 'timeout', values: {} })],
  [/^Printer (.+?) is stopped: ?(.*)$/s, (m) => ({ code: 'printer_stopped', values: { printer: m[1]!, detail: m[2] === 'check paper and power' ? '' : m[2]! } })],
  [/^Job (.+) was cancelled or lost by the print system\.$/, (m) => ({ code: 'job_lost', values: { ref: m[1]! } })],
  [/^Saved file missing: (.*)$/s, (m) => ({ code: 'file_missing', values: { ref: m[1]! } })],
  [/^Printer (.+) is no longer available\.$/, (m) => ({ code: 'printer_gone', values: { printer: m[1]! } })],
];

/** The code and values of a stored reason; anything else (an `lp` failure, a relay's answer) is `other` with the text. */
export function printJobError(text: string | null): PrintJobError | null {
  if (!text) return null;
  for (const [re, read] of READERS) {
    const m = text.match(re);
    if (m) return read(m);
  }
  return { code: 'other', values: { message: text } };
}
