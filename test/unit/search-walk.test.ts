// Broad desk queries (a match in one name of 30 or more) walk the name index instead of sorting every match (see
// Ranked in services/people/search/desk-search.ts). The walk must give exactly the people, and the order, that sorting
// all the matches gives: checked here against that sort, on the demo event (400 delegates, so every query below is
// broad enough to walk), with cancelled people who must come last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { tempDir } from '../helpers.js';

let app: Uketsuke;
beforeAll(() => {
  app = Uketsuke.open(path.join(tempDir(), 'walk.db'));
  buildDemo(app);
  // Cancel a spread of people, among them some who sort first.
  const ids = app.db.prepare('SELECT id FROM delegate ORDER BY sort_key').pluck().all() as string[];
  app.core.tx(() => ids.filter((_, i) => i % 7 === 0).forEach((id) => app.delegates.setCancelled(id, true)));
});
afterAll(() => app.close());

const sorted = (table: 'delegate_words' | 'delegate_fts', match: string, activeFirst: boolean, limit: number) =>
  app.db
    .prepare(`SELECT d.id FROM ${table} m JOIN delegate d ON d.rowid = m.rowid WHERE ${table} MATCH ? ORDER BY ${activeFirst ? 'd.status, ' : ''}d.sort_key, d.rowid LIMIT ?`)
    .pluck()
    .all(match, limit);
const count = (table: string, match: string) => app.db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(match) as number;
const ids = (q: string, limit: number) => app.delegates.search(q, limit, { forgiving: false }).map((d) => d.id);

describe('broad queries walk the name index', () => {
  it.each([
    ['ej', '"ej"*'],
    ['ex', '"ex"*'],
    ['ex e', '"ex"* AND "e"*'],
  ])('word prefixes: %s gives the first matches in name order, cancelled people among them', (q, match) => {
    expect(count('delegate_words', match)).toBeGreaterThanOrEqual(200);
    for (const limit of [1, 20, 50]) expect(ids(q, limit), `${q} ${limit}`).toEqual(sorted('delegate_words', match, false, limit));
  });

  it.each([
    ['ejrc', '"ejrc"'],
    ['example', '"example"'],
  ])('substrings: %s gives active people first, then cancelled ones, each in name order', (q, match) => {
    expect(count('delegate_fts', match)).toBeGreaterThanOrEqual(200);
    const all = count('delegate_fts', match);
    for (const limit of [1, 20, all - 10, all + 5]) expect(ids(q, limit), `${q} ${limit}`).toEqual(sorted('delegate_fts', match, true, limit));
    const statuses = app.delegates.search(q, all).map((d) => d.status);
    expect(statuses.indexOf('cancelled')).toBeGreaterThan(0);
    expect(statuses.slice(statuses.indexOf('cancelled')).every((s) => s === 'cancelled')).toBe(true);
  });
});
