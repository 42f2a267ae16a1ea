// The frab schedule format that pretalx (and frab, Pretix's schedule, most conference apps) export: JSON
// (schedule.json) and XML (schedule.xml) with the same content — conference, days, rooms, events with a guid, an ISO
// `date` with its offset, a `start` and a `duration`. A talk is matched on re-import by its guid (else its id).
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { ianaZone, localToIso } from './zones.js';
import { reject, UnreadableProgrammeError, type ParsedProgramme, type ProgrammeItem, type Rejection } from './types.js';

interface Talk {
  guid?: string;
  id?: string;
  date?: string;
  start?: string;
  duration?: string;
  room?: string;
  title?: string;
  type?: string;
  track?: string;
}

const scalar = z.union([z.string(), z.number()]).transform(String).optional();
const talkSchema = z.object({
  guid: scalar, id: scalar, date: scalar, start: scalar, duration: scalar, room: scalar, title: scalar, type: scalar,
  track: z.union([z.string(), z.number(), z.object({ name: scalar }).passthrough(), z.null()]).optional(),
}).passthrough();
const jsonSchema = z.object({
  schedule: z.object({
    conference: z.object({
      time_zone_name: z.string().optional(),
      days: z.array(z.object({ date: z.string(), rooms: z.record(z.string(), z.array(talkSchema)) }).passthrough()),
    }).passthrough(),
  }).passthrough(),
});

/** A schedule duration in minutes: "01:30" is hours and minutes, "00:45:00" hours, minutes and seconds. */
function minutes(duration: string | undefined): number | null {
  const parts = (duration ?? '').trim().split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const [h, m, sec = 0] = parts.map(Number) as [number, number, number?];
  return h * 60 + m + sec / 60;
}

function toItems(days: { date: string; talks: Talk[] }[], zone: string): { items: ProgrammeItem[]; rejected: Rejection[] } {
  const items: ProgrammeItem[] = [];
  const rejected: Rejection[] = [];
  for (const day of days) {
    for (const t of day.talks) {
      const uid = t.guid || t.id || `${day.date}|${t.start ?? ''}|${t.room ?? ''}`;
      const ref = { uid };
      const title = (t.title ?? '').trim();
      if (!title) {
        rejected.push(reject(ref, 'no_title', 'No title.'));
        continue;
      }
      // `date` carries the offset and is exact; `start` is wall-clock time on the day in the conference's zone.
      const start = t.date && !Number.isNaN(Date.parse(t.date)) ? new Date(Date.parse(t.date)).toISOString() : t.start ? localToIso(day.date, t.start, zone) : null;
      if (!start) {
        rejected.push(reject(ref, 'no_start', 'No start time.'));
        continue;
      }
      const mins = minutes(t.duration);
      if (mins === null || mins <= 0) {
        rejected.push(reject(ref, 'no_end', `No duration (${t.duration ?? 'missing'}).`));
        continue;
      }
      items.push({
        ref, uid, title, titleJa: null, room: t.room?.trim() || null, kind: (t.type ?? 'talk').toLowerCase().slice(0, 40), capacity: null,
        startsAt: start, endsAt: new Date(Date.parse(start) + mins * 60_000).toISOString(),
      });
    }
  }
  return { items, rejected };
}

export function parseScheduleJson(text: string, eventZone: string): ParsedProgramme {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UnreadableProgrammeError(`Not readable JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const parsed = jsonSchema.safeParse(raw);
  if (!parsed.success) throw new UnreadableProgrammeError('Not a pretalx/frab schedule (schedule.conference.days is missing).');
  const conf = parsed.data.schedule.conference;
  const zone = (conf.time_zone_name && ianaZone(conf.time_zone_name)) || eventZone;
  const days = conf.days.map((d) => ({ date: d.date, talks: Object.values(d.rooms).flat().map((t) => ({ ...t, track: undefined }) as Talk) }));
  return { format: 'pretalx-json', ...toItems(days, zone) };
}

export function parseScheduleXml(text: string, eventZone: string): ParsedProgramme {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['day', 'room', 'event'].includes(name) });
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (e) {
    throw new UnreadableProgrammeError(`Not readable XML (${e instanceof Error ? e.message : String(e)}).`);
  }
  const schedule = z.object({
    schedule: z.object({
      conference: z.object({ time_zone_name: z.string().optional() }).passthrough().optional(),
      day: z.array(z.object({ '@date': z.string(), room: z.array(z.object({ '@name': z.string().optional(), event: z.array(z.record(z.string(), z.unknown())).optional() }).passthrough()).optional() }).passthrough()),
    }).passthrough(),
  }).safeParse(doc);
  if (!schedule.success) throw new UnreadableProgrammeError('Not a frab/pretalx schedule.xml (<schedule><day> is missing).');
  const zone = (schedule.data.schedule.conference?.time_zone_name && ianaZone(schedule.data.schedule.conference.time_zone_name)) || eventZone;
  const text1 = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const days = schedule.data.schedule.day.map((d) => ({
    date: d['@date'],
    talks: (d.room ?? []).flatMap((r) =>
      (r.event ?? []).map((e): Talk => ({
        guid: text1(e['@guid']), id: text1(e['@id']), date: text1(e.date), start: text1(e.start), duration: text1(e.duration),
        room: text1(e.room) ?? r['@name'], title: text1(e.title), type: text1(e.type),
      })),
    ),
  }));
  return { format: 'frab-xml', ...toItems(days, zone) };
}
