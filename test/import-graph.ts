// The project's import graph, read from the source as text: which file imports which, and whether only for types.
// The architecture test holds it against the layer table; `npm run layers` prints the same findings for anyone.
// Type-only imports vanish at run time, so circles are counted among runtime imports only (as the issue asks);
// the layer table checks every import, types included, so a floor never names a floor above it.
import fs from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  from: string;
  to: string;
  /** The import disappears at run time (`import type`, or every named binding marked `type`). */
  typeOnly: boolean;
}

export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`; the binding list holds no quotes or
// semicolons, so a match never runs from one statement into the next.
const STATIC = /^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const src = fs.readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of src.matchAll(STATIC)) {
    const bindings = m[3]!.trim();
    const named = /^\{([\s\S]*)\}$/.exec(bindings);
    const allTyped = named !== null && named[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    found.push({ spec: m[4]!, typeOnly: Boolean(m[2]) || allTyped });
  }
  for (const m of src.matchAll(BARE)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of src.matchAll(DYNAMIC)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the source), or null for packages. */
export function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.normalize(path.join(path.dirname(from), spec));
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.(ts|tsx)$/.test(c) && fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

export function importGraph(roots: string[]): ImportEdge[] {
  return roots.flatMap(sourceFiles).flatMap((from) =>
    importsOf(from).flatMap(({ spec, typeOnly }) => {
      const to = resolveSpec(from, spec);
      return to ? [{ from, to, typeOnly }] : [];
    }),
  );
}

/** Every circle among runtime imports (strongly connected components of more than one file, or a self-import). */
export function runtimeCircles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  // Tarjan's algorithm, iterative so a deep chain of imports cannot overflow the stack.
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const outs = next.get(top.node) ?? [];
      if (top.i < outs.length) {
        const to = outs[top.i++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        if (component.length > 1 || outs.includes(top.node)) circles.push(component.sort());
      }
    }
  }
  return circles;
}
