import type { Delegate } from '../../electron/api/contract';

export type NameParts = Pick<Delegate, 'familyName' | 'givenName' | 'familyNameKanji' | 'givenNameKanji'>;

/**
 * The one name rule, for every list and card: in the Japanese UI a Japanese delegate (kanji given) reads in kanji,
 * family name first, with the romaji below; in the English UI in romaji ("Makoto Sato"), the kanji below. Others
 * read "Given Family" as given. `lang` is the language of the primary line (for fonts and screen readers).
 */
export function displayName(d: NameParts, uiLang: string): { primary: string; secondary: string | null; lang: 'ja' | undefined; secondaryLang: 'ja' | undefined } {
  const latin = `${d.givenName} ${d.familyName}`.trim();
  if (d.familyNameKanji || d.givenNameKanji) {
    const kanji = `${d.familyNameKanji ?? d.familyName} ${d.givenNameKanji ?? d.givenName}`.trim();
    if (uiLang === 'ja') return { primary: kanji, secondary: `${d.familyName.toUpperCase()} ${d.givenName}`.trim(), lang: 'ja', secondaryLang: undefined };
    return { primary: latin, secondary: kanji, lang: undefined, secondaryLang: 'ja' };
  }
  return { primary: latin, secondary: null, lang: undefined, secondaryLang: undefined };
}

/** A checkpoint's (or session's) title in the screen's language: the Japanese title in the Japanese UI when there is one. */
export function checkpointTitle(cp: { name: string; nameJa: string | null }, uiLang: string): string {
  return uiLang === 'ja' ? (cp.nameJa ?? cp.name) : cp.name;
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

/** Wall-clock "HH:MM" on a date in the event's zone → an ISO instant (the screen edits times as the venue reads them). */
export function zonedIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !h) return null;
  const guess = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +h[1]!, +h[2]!);
  const offset = (ms: number) => {
    const p: Record<string, number> = {};
    const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    for (const x of f.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - ms;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first)).toISOString();
}

/** An instant as "HH:MM" in the event's zone (for editing). */
export function zonedHm(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** An instant's calendar date (YYYY-MM-DD) in the event's zone. */
export function zonedDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

let countryCodes: Map<string, string> | null = null;

/**
 * A country as stored (an English name such as "Japan", or an ISO code such as "JP") in the screen's language
 * ("日本" in the Japanese UI). Anything not recognised is shown as it was given.
 */
export function countryName(country: string | null, uiLang: string): string | null {
  if (!country) return null;
  if (!countryCodes) {
    countryCodes = new Map();
    const en = new Intl.DisplayNames('en', { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = en.of(code);
        if (name && name !== code) countryCodes.set(name.toLowerCase(), code);
      }
    }
  }
  const trimmed = country.trim();
  const code = /^[A-Za-z]{2}$/.test(trimmed) ? trimmed.toUpperCase() : countryCodes.get(trimmed.toLowerCase());
  if (!code) return country;
  try {
    return new Intl.DisplayNames(uiLang === 'ja' ? 'ja' : 'en', { type: 'region' }).of(code) ?? country;
  } catch {
    return country;
  }
}
