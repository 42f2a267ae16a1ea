// No import circles among runtime imports in electron/, db/ and renderer/ (type imports are erased: the Api's types
// are derived from the method descriptors, a type-only loop by design), and no arrow back up the services' ground
// floors, types included: model/ imports no service, replication/ imports only model/.
// Anyone can run it alone: `npx vitest run test/unit/import-circles.test.ts`.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const all = ['electron', 'db', 'renderer/src'].flatMap(files);
const known = new Set(all);
const SPEC = /(?:^|\n)\s*(?:import|export)\s([^'"]*?)from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** `import type {…}`, `export type {…}` or braces holding only `type` names: erased when compiled. */
function typeOnly(clause: string | undefined): boolean {
  if (clause === undefined) return false;
  const c = clause.trim();
  if (/^type\s/.test(c)) return true;
  const names = /^\{([^}]*)\}$/.exec(c)?.[1]?.split(',').map((n) => n.trim()).filter(Boolean);
  return names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type '));
}

function resolve(from: string, spec: string): string | null {
  const base = path.join(path.dirname(from), spec).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => known.has(c)) ?? null;
}

function edges(runtimeOnly: boolean): Map<string, string[]> {
  return new Map(
    all.map((f) => [
      f,
      [...fs.readFileSync(f, 'utf8').matchAll(SPEC)]
        .filter((m) => !runtimeOnly || !typeOnly(m[1]))
        .map((m) => resolve(f, (m[2] ?? m[3])!))
        .filter((t): t is string => t !== null),
    ]),
  );
}
const runtime = edges(true);
const graph = edges(false);

/** Strongly connected components of more than one file (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || graph.get(v)!.includes(v)) found.push(c.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

describe('imports', () => {
  it('form no circle at run time', () => {
    expect(circles(runtime)).toEqual([]);
  });

  it('form no circle within db/ or the ground floors of services, type imports included', () => {
    const floors = [path.join('db', ''), path.join('electron', 'services', 'model', ''), path.join('electron', 'services', 'replication', '')];
    const inside = (f: string) => floors.some((d) => f.startsWith(d));
    const sub = new Map([...graph].filter(([f]) => inside(f)).map(([f, deps]) => [f, deps.filter(inside)]));
    expect(circles(sub)).toEqual([]);
  });

  it('never run back up from the ground floors of services', () => {
    const services = path.join('electron', 'services');
    const floor = (f: string) => path.relative(services, f).split(path.sep)[0];
    const offenders = [...graph].flatMap(([f, deps]) => {
      const from = floor(f);
      const allowed = from === 'model' ? ['model'] : from === 'replication' ? ['model', 'replication'] : null;
      if (!allowed || !f.startsWith(services)) return [];
      return deps.filter((d) => d.startsWith(services) && !allowed.includes(floor(d)!)).map((d) => `${f} → ${d}`);
    });
    expect(offenders).toEqual([]);
  });
});
