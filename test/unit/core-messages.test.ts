// Every message the core sends to a screen with a key (ServiceError's `say`) has a string in English and Japanese
// with the same {{placeholders}} as the values the core sends: a new key without its translations fails here, and so
// does a ServiceError in the services that a screen can meet but that sends English text only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** ServiceErrors no screen can meet by a user's action (malformed Api calls, hub internals): English only. */
const ENGLISH_ONLY = [
  'Unknown method:', // uketsuke.ts: a method the Api does not have; no screen sends it
  'The hub refused', // station-sync.ts: entries the hub rejects during sync (logged, shown on no screen)
  'station joins one event of this hub', // pg-hub.ts: the cloud hub's command line
  'This hub holds no event', // pg-hub.ts
  'No hub process is running on this database', // pg-hub.ts
  'No paired device ${deviceId} in', // pg-hub.ts
  'No badge numbers left for this event.\');', // pg-hub.ts: the cloud hub's allocator (a station says no_badge_numbers)
  'No report job', // reports/report-jobs.ts: a job id the Reports screen got from the core itself
  "new ServiceError('conflict', r.message)", // reports/report-jobs.ts: the worker's own failure text
];

interface Use {
  file: string;
  key: string;
  values: string[];
}

function uses(): { uses: Use[]; bare: string[] } {
  const found: Use[] = [];
  const bare: string[] = [];
  for (const file of [...sources(path.join(root, 'electron/services')), path.join(root, 'electron/host/hub/connect.ts')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const line of text.split('\n')) {
      if (!line.includes('new ServiceError(')) continue;
      const rel = path.relative(root, file);
      const m = /\{ key: '([a-z_]+)', values: \{([^}]*)\} \}/.exec(line);
      if (!m) {
        if (!ENGLISH_ONLY.some((s) => line.includes(s))) bare.push(`${rel}: ${line.trim()}`);
        continue;
      }
      const values = m[2]!
        .split(',')
        .map((v) => /^\s*(\w+)\s*(?::|$)/.exec(v)?.[1])
        .filter((v): v is string => !!v);
      found.push({ file: rel, key: m[1]!, values });
    }
  }
  return { uses: found, bare };
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
const core = (table: unknown, key: string) => (table as { core: Record<string, string | undefined> }).core[key];

describe('core messages', () => {
  const { uses: found, bare } = uses();

  it('finds the keys the services send', () => {
    expect(found.length).toBeGreaterThan(50);
  });

  it('every ServiceError a screen can meet carries a key', () => {
    expect(bare).toEqual([]);
  });

  it.each(found.map((u) => [u.key, u.file, u.values] as const))('%s (%s) reads in English and Japanese', (key, _file, values) => {
    const e = core(en, key);
    const j = core(ja, key);
    expect(e, `en.core.${key}`).toBeTypeOf('string');
    expect(j, `ja.core.${key}`).toBeTypeOf('string');
    expect(placeholders(e!)).toEqual([...values].sort());
    expect(placeholders(j!)).toEqual([...values].sort());
    expect(j).not.toBe(e);
  });

  it('every key of the contract has both strings', () => {
    const contract = fs.readFileSync(path.join(root, 'electron/api/messages.ts'), 'utf8');
    const union = /export type CoreMessageKey =([^;]*);/.exec(contract)![1]!;
    const keys = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(50);
    for (const k of keys) {
      expect(core(en, k), `en.core.${k}`).toBeTypeOf('string');
      expect(core(ja, k), `ja.core.${k}`).toBeTypeOf('string');
    }
  });
});
