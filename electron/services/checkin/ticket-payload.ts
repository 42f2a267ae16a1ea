// What another registration system puts in its ticket QR besides a bare code: a URL (Luma's check-in link with the
// guest key, Tito's ticket page, an Eventbrite or pretix link), or a payload (JSON, or fields joined by | or ;). The
// codes inside are what the import stored, so each is tried; a URL whose codes name nobody is a ticket of another
// system, which the door says as such rather than "forged".

/** The pieces of a QR content that may be a stored code, the likeliest first; empty for a plain code. */
export function codesInPayload(code: string): string[] {
  const out: string[] = [];
  const add = (s: string | null | undefined) => {
    const v = (s ?? '').trim();
    if (v.length >= 3 && v.length <= 200 && !out.includes(v)) out.push(v);
  };
  const url = asUrl(code);
  if (url) {
    // Query values first (Luma ?pk=…, pretix ?secret=…), then the path from its end (…/tickets/ti_abc → ti_abc).
    for (const [, v] of url.searchParams) add(v);
    const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
    for (const s of segments.reverse()) add(s);
    add(safeDecode(url.hash.replace(/^#/, '')));
    return out;
  }
  if (/^[[{]/.test(code)) {
    try {
      collectStrings(JSON.parse(code) as unknown, add);
    } catch {
      // Not JSON after all: the separators below may still split it.
    }
  }
  if (out.length === 0 && /[|;]/.test(code)) for (const p of code.split(/[|;]/)) add(p);
  return out;
}

/** An http(s) URL, or null. */
export function asUrl(code: string): URL | null {
  if (!/^https?:\/\//i.test(code)) return null;
  try {
    return new URL(code);
  } catch {
    return null;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function collectStrings(v: unknown, add: (s: string) => void, depth = 0): void {
  if (depth > 4) return;
  if (typeof v === 'string') add(v);
  else if (typeof v === 'number' && Number.isSafeInteger(v)) add(String(v));
  else if (Array.isArray(v)) for (const x of v.slice(0, 20)) collectStrings(x, add, depth + 1);
  else if (v && typeof v === 'object') for (const x of Object.values(v).slice(0, 20)) collectStrings(x, add, depth + 1);
}
