// Registration codes come from the systems people registered with ("EJRC-2027-000123", an order number…). A door
// recognises a typed code by its shape, so the event publishes the shapes of its codes, never the codes themselves.

/** Letters become `A`, digits `9`, anything else stays: "EJRC-2027-000123" → "AAAA-9999-999999". */
export function codeShape(code: string): string {
  return code.replace(/[0-9]/g, '9').replace(/[A-Za-z]/g, 'A');
}

/** At most this many shapes: an event has a registration system or two, not a shape per walk-in. */
export const MAX_SHAPES = 8;
/** A shape shorter than a scanner's shortest code, or longer than any registration code, is not published. */
const MIN_SHAPE = 6;
const MAX_SHAPE = 64;

/**
 * The most common shapes of these codes. A shape without a digit is left out: it would make any typed word of that
 * length a "scan", and registration systems number their codes.
 */
export function commonShapes(codes: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const code of codes) {
    const shape = codeShape(code);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts]
    .filter(([shape]) => shape.length >= MIN_SHAPE && shape.length <= MAX_SHAPE && shape.includes('9'))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_SHAPES)
    .map(([shape]) => shape);
}
