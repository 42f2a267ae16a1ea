// Text that no copy of the log can store. PostgreSQL's jsonb (the organisers' hub) refuses a NUL character and a
// lone UTF-16 surrogate: an entry carrying one was kept on every station but made the hub's purge fail for good
// (issue 23, 12). So such text is refused where entries cross a trust boundary (entries.ts, parseEntry) and made
// storable where it enters as raw input (a scanned code, checkin/identify.ts). Pure; no imports.
// Neighbours (in trust/, above it): trust/entry-rules.ts (who may make an entry), trust/entry-clock.ts (how far ahead its clock may be).

/** A NUL, or a surrogate half without its partner. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where the first unstorable character is in a parsed JSON value (`payload.fields.given_name`), or null. */
export function unstorableText(value: unknown, at = 'payload', depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? at : null;
  // Stryker disable next-line ConditionalExpression: depth only guards against a pathological nesting
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = unstorableText(value[i], `${at}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const hit = UNSTORABLE.test(k) ? `${at}.<key>` : unstorableText(v, `${at}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * Raw input made storable and visible: control characters and lone surrogates become U+FFFD, so the denied scan is
 * still kept (scans are never dropped) and staff see that something odd was presented.
 */
export function storableText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
