// What a scan looks like, so typed keys are recognised by what they are and not only by how fast they came: a busy
// machine delivers a scanner's keys late and unevenly.

// The badge token's shape is fixed by electron/services/model/badge-token.ts. The renderer may import only types from the
// back end, so the two numbers are restated here; test/unit/wedge.test.ts fails if they ever disagree.
export const BADGE_TOKEN_PREFIX = 'U1';
export const BADGE_TOKEN_LENGTH = 118;
const BASE32 = '[A-Z2-7]';
const TOKEN = new RegExp(`^${BADGE_TOKEN_PREFIX}${BASE32}{${BADGE_TOKEN_LENGTH - BADGE_TOKEN_PREFIX.length}}$`, 'i');
const TOKEN_START = new RegExp(`^${BADGE_TOKEN_PREFIX}${BASE32}*$`, 'i');

/** The badge token these keys end with (keys typed before it were stray), or null. */
export function badgeTokenAtEnd(keys: string): string | null {
  const tail = keys.slice(-BADGE_TOKEN_LENGTH);
  return TOKEN.test(tail) ? tail : null;
}

/** A registration-code shape from the event ("AAAA-9999-999999", see EventInfo.codeShapes) as a test on typed keys. */
export interface CodeShape {
  readonly length: number;
  matches(keys: string): boolean;
  /** Could these keys still grow into this shape? */
  starts(keys: string): boolean;
}

const LETTER = /^[A-Za-z]$/;
const DIGIT = /^[0-9]$/;

export function codeShape(shape: string): CodeShape {
  const mask = [...shape];
  const fits = (keys: string): boolean => [...keys].every((c, i) => (mask[i] === 'A' ? LETTER.test(c) : mask[i] === '9' ? DIGIT.test(c) : c === mask[i]));
  return {
    length: mask.length,
    matches: (keys) => [...keys].length === mask.length && fits(keys),
    starts: (keys) => [...keys].length < mask.length && fits(keys),
  };
}

/**
 * The registration code these keys are, by shape: the whole burst if it has a known shape, else the end of everything
 * typed (a code typed slowly arrives over several bursts, and keys before it were stray). Null when nothing fits.
 */
export function knownCode(burst: string, typed: string, shapes: readonly CodeShape[]): string | null {
  if (shapes.some((s) => s.matches(burst))) return burst;
  const chars = [...typed];
  for (const s of [...shapes].sort((a, b) => b.length - a.length)) {
    if (chars.length < s.length) continue;
    const tail = chars.slice(-s.length).join('');
    if (s.matches(tail)) return tail;
  }
  return null;
}

/** Keys that are the beginning of a badge token or of a known code: the rest is probably on its way. */
export function startsKnownCode(burst: string, shapes: readonly CodeShape[]): boolean {
  return (TOKEN_START.test(burst) && burst.length < BADGE_TOKEN_LENGTH) || shapes.some((s) => s.starts(burst));
}
