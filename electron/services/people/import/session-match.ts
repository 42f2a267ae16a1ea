// What a registration file's sessions column names. Titles hold commas ("Opening plenary: cities, ports"), are typed
// with a hyphen where the calendar has an en dash, with straight quotes for curly ones, in full-width letters: so a
// whole cell is matched first, then its parts split by ";" (older files split ids by ","), every text folded the
// same way. A near miss is never a refusal: the person comes in, and the report asks "did you mean …".

/** Folded for matching: widths (NFKC), case, every dash as "-", quotes dropped, spaces collapsed. */
export function sessionKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g, '-')
    .replace(/["'`\u00b4\u2018-\u201f\u2032\u2033\u00ab\u00bb\u300c-\u300f]/g, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SessionNote {
  /** The words of the cell that named no session or bus. */
  value: string;
  /** The closest title, if one is close enough to be a typing slip. */
  suggestion: string | null;
}

export interface SessionMatch {
  ids: string[];
  notes: SessionNote[];
}

export class SessionMatcher {
  private readonly byKey = new Map<string, { id: string; name: string }>();

  /** `names`: every name a session or bus goes by (ids first, then titles), with its target id. */
  constructor(names: readonly { name: string; id: string }[]) {
    for (const n of names) {
      const key = sessionKey(n.name);
      // Ids first, so a title that happens to equal another session's id never redirects it.
      if (key && !this.byKey.has(key)) this.byKey.set(key, n);
    }
  }

  match(cell: string): SessionMatch {
    const ids: string[] = [];
    const notes: SessionNote[] = [];
    const whole = this.byKey.get(sessionKey(cell));
    if (whole) return { ids: [whole.id], notes };
    for (const part of cell.split(/[;|\n\u3001\uff1b]/).map((p) => p.trim()).filter((p) => p.replace(/[,\s]/g, ''))) {
      const hit = this.byKey.get(sessionKey(part));
      if (hit) {
        ids.push(hit.id);
        continue;
      }
      // A list of ids by commas (s1,s2) is read as such only if every piece names something.
      const pieces = part.split(',').filter((p) => p.trim()).map((p) => this.byKey.get(sessionKey(p)));
      if (pieces.length > 1 && pieces.every((p) => p !== undefined)) {
        ids.push(...pieces.map((p) => p!.id));
        continue;
      }
      notes.push({ value: part, suggestion: this.nearest(part) });
    }
    return { ids: [...new Set(ids)], notes };
  }

  /** The name within a few letters of `value` (at most one slip per five letters), or null. */
  private nearest(value: string): string | null {
    const key = sessionKey(value);
    const limit = Math.max(1, Math.floor(key.length / 5));
    let best: { name: string; d: number } | null = null;
    for (const [k, n] of this.byKey) {
      if (Math.abs(k.length - key.length) > limit) continue;
      const d = distance(key, k, limit);
      if (d <= limit && (!best || d < best.d)) best = { name: n.name, d };
    }
    return best?.name ?? null;
  }
}

/** Levenshtein distance, stopped once it passes `limit`. */
function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      least = Math.min(least, row[j]!);
    }
    if (least > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}
