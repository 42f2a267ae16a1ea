// A failed print job's reason reaches screens as a code and values: every sentence the printing services write is
// read back to its code (a sentence changed on one side only fails here).
import { describe, expect, it } from 'vitest';
import { printErrorText, printJobError } from '../../electron/services/printing/job-error.js';

describe('print job errors as codes', () => {
  it('reads back every sentence the services write', () => {
    expect(printJobError(printErrorText.interrupted())).toEqual({ code: 'interrupted', values: {} });
    expect(printJobError(printErrorText.timeout())).toEqual({ code: 'timeout', values: {} });
    expect(printJobError(printErrorText.printerStopped('Badge_A6', 'Paused by the operator'))).toEqual({ code: 'printer_stopped', values: { printer: 'Badge_A6', detail: 'Paused by the operator' } });
    expect(printJobError(printErrorText.printerStopped('Badge_A6', ''))).toEqual({ code: 'printer_stopped', values: { printer: 'Badge_A6', detail: '' } });
    expect(printJobError(printErrorText.jobLost('Badge-12'))).toEqual({ code: 'job_lost', values: { ref: 'Badge-12' } });
    expect(printJobError(printErrorText.fileMissing('/tmp/x.pdf'))).toEqual({ code: 'file_missing', values: { ref: '/tmp/x.pdf' } });
    expect(printJobError(printErrorText.printerGone('cups:Old'))).toEqual({ code: 'printer_gone', values: { printer: 'cups:Old' } });
  });

  it('anything else is "other" with its text; no error is null', () => {
    expect(printJobError('lp: Error - no default destination')).toEqual({ code: 'other', values: { message: 'lp: Error - no default destination' } });
    expect(printJobError(null)).toBeNull();
  });
});
