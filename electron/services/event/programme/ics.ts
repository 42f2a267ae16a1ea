// iCalendar (RFC 5545) as Indico's timetable export, Google Calendar and Outlook write it. ical.js does the reading
// (line folding, escapes, parameters, durations); instants come from our zone conversion so a TZID names the
// same instant on every machine. A VTIMEZONE is used only for a TZID the zone database does not know (Outlook's
// custom names), and a floating time is in the event's zone.
import ICAL from 'ical.js';
import { ianaZone, zonedToIso } from './zones.js';
import { reject, UnreadableProgrammeError, type ParsedProgramme, type ProgrammeItem, type Rejection } from './types.js';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

export function parseIcs(text: string, eventZone: string): ParsedProgramme {
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    throw new UnreadableProgrammeError(`Not a readable iCalendar file (${e instanceof Error ? e.message : String(e)}).`);
  }
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  const items: ProgrammeItem[] = [];
  const rejected: Rejection[] = [];
  const customZones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const cal of calendars) {
    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      const tzid = vtz.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') customZones.set(tzid, new ICAL.Timezone(vtz));
    }
  }
  const calZone = (cal: Component): string => {
    const x = cal.getFirstPropertyValue('x-wr-timezone');
    return (typeof x === 'string' && ianaZone(x)) || eventZone;
  };
  const instant = (prop: Property, floatingZone: string): string | 'all_day' | 'unknown_zone' => {
    const t = prop.getFirstValue() as Time;
    if (t.isDate) return 'all_day';
    if (t.zone?.tzid === 'UTC') return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)).toISOString();
    const tzid = prop.getParameter('tzid');
    const wall = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
    if (typeof tzid !== 'string') return zonedToIso(wall, floatingZone);
    const iana = ianaZone(tzid);
    if (iana) return zonedToIso(wall, iana);
    const custom = customZones.get(tzid);
    if (!custom) return 'unknown_zone';
    const copy = t.clone();
    copy.zone = custom;
    return new Date(copy.toUnixTime() * 1000).toISOString();
  };
  for (const cal of calendars) {
    const floating = calZone(cal);
    for (const ev of cal.getAllSubcomponents('vevent')) {
      const uidValue = ev.getFirstPropertyValue('uid');
      const rid = ev.getFirstProperty('recurrence-id');
      // A moved occurrence of a recurring event shares the uid; it is its own session here.
      const uid = `${typeof uidValue === 'string' && uidValue ? uidValue : `no-uid-${items.length + rejected.length + 1}`}${rid ? `#${String(rid.getFirstValue())}` : ''}`;
      const ref = { uid };
      if (ev.hasProperty('rrule') || ev.hasProperty('rdate')) {
        rejected.push(reject(ref, 'recurring', 'A repeating calendar entry is not a session: export its occurrences, or add them one by one.'));
        continue;
      }
      if (String(ev.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
        rejected.push(reject(ref, 'cancelled', 'Cancelled in the calendar.'));
        continue;
      }
      const summary = ev.getFirstPropertyValue('summary');
      const title = typeof summary === 'string' ? summary.trim() : '';
      if (!title) {
        rejected.push(reject(ref, 'no_title', 'No title (SUMMARY).'));
        continue;
      }
      const dtstart = ev.getFirstProperty('dtstart');
      if (!dtstart) {
        rejected.push(reject(ref, 'no_start', 'No start time (DTSTART).'));
        continue;
      }
      const start = instant(dtstart, floating);
      if (start === 'all_day') {
        rejected.push(reject(ref, 'all_day', 'An all-day entry, not a session with a time.'));
        continue;
      }
      if (start === 'unknown_zone') {
        rejected.push(reject(ref, 'unknown_zone', `Unknown time zone ${String(dtstart.getParameter('tzid'))}.`));
        continue;
      }
      let end: string | 'all_day' | 'unknown_zone' | null = null;
      const dtend = ev.getFirstProperty('dtend');
      const duration = ev.getFirstPropertyValue('duration');
      if (dtend) end = instant(dtend, floating);
      else if (duration instanceof ICAL.Duration) end = new Date(Date.parse(start) + duration.toSeconds() * 1000).toISOString();
      if (end === null || end === 'all_day' || end === 'unknown_zone') {
        rejected.push(reject(ref, 'no_end', 'No end time (DTEND or DURATION).'));
        continue;
      }
      const location = ev.getFirstPropertyValue('location');
      const categories = ev.getFirstPropertyValue('categories');
      items.push({
        ref, uid, title, titleJa: null, room: typeof location === 'string' && location.trim() ? location.trim() : null,
        kind: typeof categories === 'string' && categories.trim() ? categories.trim().toLowerCase().slice(0, 40) : 'session',
        capacity: null, startsAt: start, endsAt: end,
      });
    }
  }
  return { format: 'ics', items, rejected };
}
