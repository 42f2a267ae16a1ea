// The reports wing of the Api: live counts (attendance, the organisers' dashboard) and reports built as files, at
// once or as a job off the scanning thread. Manifests and certificates carry names: the organisers'.
import { z } from 'zod';
import type { AttendanceRow, DashboardView, FileDownload, ReportJob } from '../../api/contract.js';
import { attendance } from '../dashboard/checkpoint-feed.js';
import { toDownload } from '../reports/report-jobs.js';
import { DESK, ORGANISER } from '../trust/access.js';
import { id, none, reportInput } from './inputs.js';
import { method } from './method.js';

export const reportMethods = {
  attendance: method({ input: none, access: DESK, run: (_, { app }): AttendanceRow[] => attendance(app.event, app.checkin, app.dashboard) }),
  // Live counts only, no names.
  dashboard: method({ input: none, access: DESK, run: (_, { app }): DashboardView => app.dashboard.view() }),
  report: method({
    input: reportInput,
    access: ORGANISER,
    run: (input, { app }): Promise<FileDownload> => app.reports.run({ ...input, now: app.core.nowIso() }).then(toDownload),
  }),
  reportStart: method({ input: reportInput, access: ORGANISER, run: (input, { app }): ReportJob => app.reports.start({ ...input, now: app.core.nowIso() }) }),
  reportStatus: method({ input: z.object({ jobId: id }), access: ORGANISER, run: ({ jobId }, { app }): ReportJob => app.reports.status(jobId) }),
};
