// A programme typed into a spreadsheet: one row per session with day, start, end, title, room, capacity and kind
// (headers in English or Japanese, in any order). Day is a day number of the event or a date; times are wall-clock
// in the event's zone. A row is matched on re-import by its id/uid column, else by its day, start and room.
import { readTableFile, type ParsedFile } from '../../files/read-file.js';
import { localToIso } from './zones.js';
import { reject, type ParsedProgramme, type ProgrammeItem, type Rejection } from './types.js';

const HEADERS = {
  id: ['id', 'uid', 'session id', 'code', 'ID'],
  day: ['day', 'date', 'day no', 'jour', 'tag', '日', '日付', '日程'],
  start: ['start', 'starts', 'from', 'begin', 'start time', 'début', 'beginn', '開始', '開始時刻', '開始時間'],
  end: ['end', 'ends', 'to', 'until', 'end time', 'fin', 'ende', '終了', '終了時刻', '終了時間'],
  title: ['title', 'session', 'name', 'titre', 'titel', 'タイトル', '題名', 'セッション', 'プログラム'],
  titleJa: ['title ja', 'title (ja)', 'japanese title', 'title_ja', 'タイトル（日本語）', '日本語タイトル'],
  room: ['room', 'location', 'venue', 'salle', 'raum', '会場', '部屋', '場所'],
  capacity: ['capacity', 'seats', 'places', 'capacité', 'kapazität', '定員', '席数'],
  kind: ['kind', 'type', 'category', 'genre', '種類', '種別', '区分'],
} as const;
type Column = keyof typeof HEADERS;

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[_\s]+/g, ' ');

export function columnsOf(headers: string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  headers.forEach((h, i) => {
    const f = fold(h);
    for (const [col, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
      if (out[col] === undefined && names.some((n) => fold(n) === f)) {
        out[col] = i;
        break;
      }
    }
  });
  return out;
}

export async function parseSheet(fileName: string, bytes: Uint8Array, zone: string, days: ReadonlyMap<number, string>): Promise<ParsedProgramme> {
  const file: ParsedFile = await readTableFile(fileName, bytes);
  const cols = columnsOf(file.headers);
  const items: ProgrammeItem[] = [];
  const rejected: Rejection[] = [];
  for (const rec of file.records) {
    const cell = (c: Column) => (cols[c] === undefined ? '' : (rec.cells[cols[c]!] ?? '').trim());
    const ref = { line: rec.line };
    const title = cell('title');
    if (!title) {
      rejected.push(reject(ref, 'no_title', 'No title.'));
      continue;
    }
    const dayCell = cell('day').replace(/\//g, '-');
    const date = /^\d{1,3}$/.test(dayCell) ? days.get(Number(dayCell)) : /^\d{4}-\d{1,2}-\d{1,2}$/.test(dayCell) ? dayCell : undefined;
    if (!date) {
      rejected.push(reject(ref, 'outside_event', dayCell ? `No day ${dayCell} in this event.` : 'No day or date.'));
      continue;
    }
    const start = localToIso(date, cell('start'), zone);
    if (!start) {
      rejected.push(reject(ref, 'bad_time', `Start time "${cell('start')}" is not a time (HH:MM).`));
      continue;
    }
    const end = localToIso(date, cell('end'), zone);
    if (!end) {
      rejected.push(reject(ref, 'no_end', `End time "${cell('end')}" is not a time (HH:MM).`));
      continue;
    }
    const capText = cell('capacity');
    const capacity = capText === '' ? null : Number(capText.replace(/[,\s]/g, ''));
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0)) {
      rejected.push(reject(ref, 'bad_capacity', `Capacity "${capText}" is not a whole number.`));
      continue;
    }
    const room = cell('room') || null;
    items.push({
      ref, uid: cell('id') || `${date}|${cell('start')}|${room ?? ''}`, title, titleJa: cell('titleJa') || null, room,
      kind: (cell('kind') || 'session').toLowerCase().slice(0, 40), capacity, startsAt: start, endsAt: end,
    });
  }
  return { format: file.format, items, rejected };
}
