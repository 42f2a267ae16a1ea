// The layering the folders promise, checked: only the shell imports electron; services know nothing of Electron,
// HTTP or React; the renderer reaches the core only through the Api client (type imports of the contract), and imports
// one back-end module at runtime: the vocabulary's constants (electron/api/vocabulary.ts).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) =>
    m.length === 3 ? { spec: m[2]!, typeOnly: Boolean(m[1]) } : { spec: m[1]!, typeOnly: false },
  );
}

describe('architecture', () => {
  it('only electron/shell imports electron', () => {
    const offenders = [...files('electron'), ...files('db'), ...files('renderer/src')]
      .filter((f) => !f.startsWith(path.join('electron', 'shell')))
      .filter((f) => imports(f).some((i) => i.spec === 'electron'));
    expect(offenders).toEqual([]);
  });

  it('services and db are plain Node: no react, no http server, no electron', () => {
    const offenders = [...files('electron/services'), ...files('db')].filter((f) =>
      imports(f).some((i) => /^(react|react-dom|electron|node:http|http)$/.test(i.spec) || i.spec.includes('/host/') || i.spec.includes('/shell/')),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer imports only types from the back end, and the vocabulary and wording (constants only)', () => {
    const offenders = files('renderer/src').flatMap((f) =>
      imports(f)
        .filter((i) => i.spec.includes('electron/') && !i.typeOnly && !/(^|\/)electron\/api\/(vocabulary|wording)(\.js)?$/.test(i.spec))
        .map((i) => `${f}: ${i.spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the vocabulary is constants only: no zod, no imports', () => {
    expect(imports('electron/api/vocabulary.ts')).toEqual([]);
  });
});
