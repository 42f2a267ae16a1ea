import type { Delegate } from '../../electron/api/contract';

/** Japanese delegates: family name first in kanji; others: "Given Family" as given. */
export function displayName(d: Pick<Delegate, 'familyName' | 'givenName' | 'familyNameKanji' | 'givenNameKanji'>): { primary: string; secondary: string | null } {
  if (d.familyNameKanji || d.givenNameKanji) {
    return { primary: `${d.familyNameKanji ?? d.familyName} ${d.givenNameKanji ?? d.givenName}`, secondary: `${d.familyName.toUpperCase()} ${d.givenName}` };
  }
  return { primary: `${d.givenName} ${d.familyName}`, secondary: null };
}

export function kanaReading(d: Pick<Delegate, 'familyNameKana' | 'givenNameKana'>): string | null {
  if (!d.familyNameKana && !d.givenNameKana) return null;
  return `${d.familyNameKana ?? ''} ${d.givenNameKana ?? ''}`.trim();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Times are shown in the event's time zone, whatever the device's zone is. */
export function formatTime(iso: string, lang: string, timeZone: string, withDay = false): string {
  const key = `${lang}|${timeZone}|${withDay}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withDay ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

export function formatDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
