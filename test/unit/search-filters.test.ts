// The desk's filters (arrived / not yet, role, country) keep the search's own ranking: a filtered answer is the
// unfiltered one with the people who do not pass left out, read further down when the first page is not enough.
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

function setUp() {
  t = makeApp();
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const { id } = t.add({ familyName: `Filterson${String(i).padStart(2, '0')}`, givenName: 'Ann', role: i % 3 === 0 ? 'speaker' : 'delegate', country: i % 2 === 0 ? 'Japan' : 'France' });
    ids.push(id);
  }
  // The last ones arrive: a first page of 20 would hold none of them.
  for (const id of ids.slice(25)) t.app.dispatch('checkIn', { delegateId: id });
  return ids;
}

const names = (hits: { familyName: string }[]) => hits.map((h) => h.familyName);

describe('desk search filters', () => {
  it('each filter keeps only who passes, in the ranking of the unfiltered search', () => {
    setUp();
    const all = names(t.app.dispatch('searchDelegates', { query: 'filterson', limit: 100 }));
    expect(all).toHaveLength(30);
    const arrived = t.app.dispatch('searchDelegates', { query: 'filterson', limit: 20, filters: { arrived: true } });
    expect(names(arrived)).toEqual(all.filter((n) => Number(n.slice(-2)) >= 25));
    expect(arrived.every((h) => h.arrived)).toBe(true);
    const notYet = t.app.dispatch('searchDelegates', { query: 'filterson', limit: 20, filters: { arrived: false } });
    expect(names(notYet)).toEqual(all.filter((n) => Number(n.slice(-2)) < 25).slice(0, 20));
    const speakers = t.app.dispatch('searchDelegates', { query: 'filterson', limit: 20, filters: { role: 'speaker' } });
    expect(names(speakers)).toEqual(all.filter((n) => Number(n.slice(-2)) % 3 === 0));
    const japan = t.app.dispatch('searchDelegates', { query: 'filterson', limit: 20, filters: { country: 'japan', role: 'speaker', arrived: false } });
    expect(names(japan)).toEqual(all.filter((n) => { const i = Number(n.slice(-2)); return i % 2 === 0 && i % 3 === 0 && i < 25; }));
  });

  it('an empty query with a filter reads past the first page', () => {
    setUp();
    const arrived = t.app.dispatch('searchDelegates', { query: '', limit: 5, filters: { arrived: true } });
    expect(names(arrived).sort()).toEqual(['Filterson25', 'Filterson26', 'Filterson27', 'Filterson28', 'Filterson29']);
  });

  it('unknown filters are refused by the contract', () => {
    setUp();
    expect(() => t.app.dispatch('searchDelegates', { query: 'a', filters: { paid: true } } as never)).toThrow();
    expect(() => t.app.dispatch('searchDelegates', { query: 'a', filters: { role: 'king' } } as never)).toThrow();
  });

  it('countries: every country given, once, with how many gave it; blank ones left out', () => {
    setUp();
    t.add({ familyName: 'Nocountry', givenName: 'Ann', country: '' });
    t.add({ familyName: 'Spacecountry', givenName: 'Ann', country: '  ' });
    expect(t.app.dispatch('countries', {})).toEqual([
      { country: 'France', delegates: 15 },
      { country: 'Japan', delegates: 15 },
    ]);
  });
});
