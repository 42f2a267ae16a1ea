// The printing wing of the Api: printers, badge print jobs and retries. A kiosk prints too, but only the badge of the
// person it has just checked in (services/trust/trust.ts).
import { z } from 'zod';
import type { PrinterInfo, PrintJob } from '../../api/contract.js';
import { BADGE_SIZE_NAMES } from '../../api/vocabulary.js';
import { KIOSK } from '../trust/access.js';
import { id, none } from './inputs.js';
import { method } from './method.js';

export const printingMethods = {
  printers: method({ input: none, access: KIOSK, run: (_, { app }): PrinterInfo[] => app.printing.listPrinters() }),
  printBadge: method({
    input: z.object({ delegateId: id, printer: id, size: z.enum(BADGE_SIZE_NAMES).default('a6'), back: z.boolean().default(false) }),
    access: KIOSK,
    run: (input, { app }): PrintJob => app.printing.enqueue(input),
  }),
  printJobs: method({
    input: z.object({ limit: z.number().int().min(1).max(500).default(20) }),
    access: KIOSK,
    run: ({ limit }, { app }): PrintJob[] => app.printing.list(limit),
  }),
  retryPrint: method({ input: z.object({ jobId: id }), access: KIOSK, run: ({ jobId }, { app }): PrintJob => app.printing.retry(jobId) }),
};
