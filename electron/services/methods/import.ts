// The import wing of the Api: registration files in (preview, background import, refused rows) and the delegate list
// out. Files travel base64 in the request, so the import methods take the file body limit.
import { z } from 'zod';
import type { FileDownload, ImportJob, ImportPreview } from '../../api/contract.js';
import { IMPORT_FIELD_NAMES } from '../../api/vocabulary.js';
import { ORGANISER } from '../trust/access.js';
import type { Uketsuke } from '../uketsuke.js';
import { fileInput, id } from './inputs.js';
import { FILE_BODY_LIMIT, method } from './method.js';

export const importMethods = {
  importPreview: method({
    input: z.object(fileInput),
    access: ORGANISER,
    bodyLimit: FILE_BODY_LIMIT,
    run: ({ fileName, base64 }, { app }): Promise<ImportPreview> => app.imports.preview(fileName, Buffer.from(base64, 'base64')),
  }),
  importStart: method({
    input: z.object({ ...fileInput, mapping: z.array(z.enum(IMPORT_FIELD_NAMES).nullable()).max(200).optional(), dryRun: z.boolean().default(false) }),
    access: ORGANISER,
    bodyLimit: FILE_BODY_LIMIT,
    run: ({ fileName, base64, mapping, dryRun }, { app }): ImportJob => app.imports.start(fileName, Buffer.from(base64, 'base64'), mapping ?? undefined, dryRun),
  }),
  // A mapping changed by hand is saved for the file's source (its header signature) and offered for its next file.
  saveImportMapping: method({
    input: z.object({ ...fileInput, mapping: z.array(z.enum(IMPORT_FIELD_NAMES).nullable()).max(200) }),
    access: ORGANISER,
    bodyLimit: FILE_BODY_LIMIT,
    run: async ({ fileName, base64, mapping }, { app, caller }): Promise<{ saved: true }> => (await app.imports.saveMapping(fileName, Buffer.from(base64, 'base64'), mapping, caller.station), { saved: true }),
  }),
  importStatus: method({ input: z.object({ jobId: id }), access: ORGANISER, run: ({ jobId }, { app }): ImportJob => app.imports.status(jobId) }),
  rejectedRows: method({
    input: z.object({ jobId: id }),
    access: ORGANISER,
    run: ({ jobId }, { app }): FileDownload => ({ fileName: 'rejected-rows.csv', mime: 'text/csv', base64: Buffer.from(app.imports.rejectedCsv(jobId), 'utf8').toString('base64') }),
  }),
  exportDelegates: method({
    input: z.object({ format: z.enum(['csv', 'csv-sjis', 'xlsx']) }),
    access: ORGANISER,
    run: ({ format }, { app }): Promise<FileDownload> => exportDelegates(app, format),
  }),
};

async function exportDelegates(app: Uketsuke, format: 'csv' | 'csv-sjis' | 'xlsx'): Promise<FileDownload> {
  const stamp = app.core.nowIso().slice(0, 10);
  if (format === 'xlsx') return { fileName: `delegates-${stamp}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: (await app.exporter.xlsx()).toString('base64') };
  const { data } = app.exporter.csv(format === 'csv-sjis' ? 'shift_jis' : 'utf-8');
  return { fileName: `delegates-${stamp}${format === 'csv-sjis' ? '-sjis' : ''}.csv`, mime: format === 'csv-sjis' ? 'text/csv; charset=shift_jis' : 'text/csv; charset=utf-8', base64: data.toString('base64') };
}
