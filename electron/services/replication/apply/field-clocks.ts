// Last writer wins per field: each row keeps the clock of the last write of each of its fields, so two devices
// that edit different fields of one delegate offline both keep their edit, and the same edit wins everywhere.
// Stored compactly and canonically (the same set of writes gives the same text on every device): the most common
// clock as "*" when every field has one, the rest by name, keys sorted.

export type FieldClocks = Record<string, string>;

export function readClocks(json: string, fields: readonly string[]): FieldClocks {
  const stored = JSON.parse(json) as FieldClocks;
  const star = stored['*'];
  const out: FieldClocks = {};
  for (const f of fields) {
    const c = stored[f] ?? star;
    if (c) out[f] = c;
  }
  return out;
}

export function writeClocks(clocks: FieldClocks, fields: readonly string[]): string {
  const complete = fields.every((f) => clocks[f]);
  const out: FieldClocks = {};
  let star: string | undefined;
  if (complete) {
    const counts = new Map<string, number>();
    for (const f of fields) counts.set(clocks[f]!, (counts.get(clocks[f]!) ?? 0) + 1);
    // Stryker disable next-line EqualityOperator: equivalent — map keys are distinct, so a[0] never equals b[0]
    star = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]![0];
    out['*'] = star;
  }
  for (const f of fields) if (clocks[f] && clocks[f] !== star) out[f] = clocks[f]!;
  return JSON.stringify(out, Object.keys(out).sort());
}

/** The fields of `incoming` written at `hlc` that win over what the row holds; and the row's new clocks. */
export function mergeFields<F extends object>(clocks: FieldClocks, incoming: Partial<F>, hlc: string): { set: Partial<F>; clocks: FieldClocks } {
  const set: Record<string, unknown> = {};
  const next = { ...clocks };
  for (const [k, v] of Object.entries(incoming)) {
    if (v === undefined) continue;
    if (hlc > (next[k] ?? '')) {
      set[k] = v;
      next[k] = hlc;
    }
  }
  return { set: set as Partial<F>, clocks: next };
}
