// The part of an import that needs no database: decode the bytes (encoding detection, CSV or XLSX), and check every
// row against the column mapping. It runs in the import worker (import-worker.ts) so a 50k-row file never holds up
// the thread that answers scans; the same function runs inline where there is no worker (the CLI, a fallback).
import { mappingFor } from './profiles.js';
import type { ImportField } from './columns.js';
import { readTableFile, UnreadableFileError, type ParsedFile, type SourceRecord } from '../../files/read-file.js';
import { checkRow, type RowCheck } from './validate.js';

export interface FilePreview {
  format: ParsedFile['format'];
  encoding: string;
  delimiter: string | null;
  headers: string[];
  sample: string[][];
  rows: number;
}

export interface ReadRows {
  file: ParsedFile;
  /** One check per record with the mapping the import will use; null when that mapping cannot apply to the file. */
  checks: RowCheck[] | null;
}

export function previewOf(f: ParsedFile): FilePreview {
  return { format: f.format, encoding: f.encoding, delimiter: f.delimiter, headers: f.headers, sample: f.records.slice(0, 5).map((r) => r.cells), rows: f.records.length };
}

/** The mapping an import uses: the one given, else the one recognised from the header (and the rows' values). */
export function effectiveMapping(headers: string[], given?: (ImportField | null)[], records?: readonly SourceRecord[]): (ImportField | null)[] {
  return given ?? mappingFor(headers, records).mapping;
}

export function checkRecords(records: SourceRecord[], headers: string[], mapping: (ImportField | null)[]): RowCheck[] | null {
  if (mapping.length !== headers.length) return null;
  return records.map((r) => checkRow(r.cells, mapping, headers.length));
}

/** Where the file work of imports is done: a worker thread, or this thread. */
export interface ImportReader {
  preview(fileName: string, bytes: Uint8Array): Promise<FilePreview>;
  rows(fileName: string, bytes: Uint8Array, mapping?: (ImportField | null)[]): Promise<ReadRows>;
  close?(): void;
}

/** On the calling thread (the CLI does nothing else meanwhile; in-memory tests). */
export const INLINE_READER: ImportReader = {
  preview: async (fileName, bytes) => previewOf(await readTableFile(fileName, bytes)),
  rows: async (fileName, bytes, mapping) => {
    const file = await readTableFile(fileName, bytes);
    return { file, checks: checkRecords(file.records, file.headers, effectiveMapping(file.headers, mapping, file.records)) };
  },
};

export { UnreadableFileError };
