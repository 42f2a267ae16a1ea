// Wall-clock times in a named zone → instants, with the platform's time zone database (Intl), so a programme in
// Europe/Paris and the same programme in UTC give the same sessions whatever zone this machine is in.

const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(tz, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    format(tz);
    return true;
  } catch {
    return false;
  }
}

/** Outlook writes Windows zone names as TZID; the ones conferences meet in most. */
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Helsinki',
  'GTB Standard Time': 'Europe/Bucharest',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
  UTC: 'UTC',
};

/** An IANA zone for a TZID as calendars write it ("Europe/Paris", "/Europe/Paris", a Windows name), or null. */
export function ianaZone(tzid: string): string | null {
  const t = tzid.trim().replace(/^\/+/, '').replace(/^"|"$/g, '');
  if (WINDOWS_ZONES[t]) return WINDOWS_ZONES[t];
  return isTimeZone(t) ? t : null;
}

function offsetAt(utcMs: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of format(tz).formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(utcMs / 1000) * 1000;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** The instant a wall-clock time in `tz` names (in a gap at a clock change, the later side). ISO in UTC. */
export function zonedToIso(t: WallTime, tz: string): string {
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second ?? 0);
  let ms = guess - offsetAt(guess, tz);
  ms = guess - offsetAt(ms, tz);
  return new Date(ms).toISOString();
}

/** "2027-04-27" and "09:30" (or "9:30", "09:30:00") in `tz`, or null if either is not a date or time. */
export function localToIso(date: string, time: string, tz: string): string | null {
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  const h = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!d || !h) return null;
  const w = { year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +h[1]!, minute: +h[2]!, second: h[3] ? +h[3] : 0 };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 || w.hour > 24 || w.minute > 59) return null;
  return zonedToIso(w, tz);
}

/** The calendar date of an instant in `tz`. */
export function dateIn(iso: string, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
