// A programme file read by its name: iCalendar, pretalx/frab JSON or XML, or a spreadsheet. The bytes are decoded by
// the shared file reader (services/files/read-file.ts, which delegate imports use too); the formats are parsed by
// ics.ts, schedule.ts and sheet.ts. What is done with the parsed sessions is import.ts's.
import path from 'node:path';
import { decodeUtf8 } from '../../files/read-file.js';
import { parseIcs } from './ics.js';
import { parseScheduleJson, parseScheduleXml } from './schedule.js';
import { parseSheet } from './sheet.js';
import { UnreadableProgrammeError, type ParsedProgramme } from './types.js';

/** The event facts a programme file is read against: its zone for wall-clock times, its days for day numbers. */
export interface ReadAgainst {
  timezone: string;
  days: readonly { dayNo: number; date: string }[];
}

/** Reads a programme file by its name: .ics, .json (pretalx/frab), .xml (frab), .csv or .xlsx. */
export async function readProgramme(fileName: string, bytes: Uint8Array, info: ReadAgainst): Promise<ParsedProgramme> {
  const ext = path.extname(fileName).toLowerCase();
  const text = () => decodeUtf8(bytes);
  switch (ext) {
    case '.ics':
    case '.ical':
    case '.ifb':
      return parseIcs(text(), info.timezone);
    case '.json':
      return parseScheduleJson(text(), info.timezone);
    case '.xml':
      return parseScheduleXml(text(), info.timezone);
    case '.csv':
    case '.tsv':
    case '.txt':
    case '.xlsx':
      return parseSheet(fileName, bytes, info.timezone, new Map(info.days.map((d) => [d.dayNo, d.date])));
    default:
      throw new UnreadableProgrammeError(`Cannot read a programme from a ${ext || 'file without extension'}: use .ics, .json, .xml, .csv or .xlsx.`);
  }
}
