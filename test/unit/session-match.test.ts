// The sessions column of a registration file: whole titles first, then ";" parts, folded; near misses suggested.
import { describe, expect, it } from 'vitest';
import { SessionMatcher, sessionKey } from '../../electron/services/people/import/session-match.js';

const matcher = new SessionMatcher([
  { name: 's1', id: 's1' },
  { name: 's2', id: 's2' },
  { name: 'Opening plenary: cities, ports and people', id: 'open' },
  { name: 'Nordic–Japan energy dialogue', id: 'nordic' },
  { name: '“Smart” mobility workshop', id: 'smart' },
  { name: 'Closing session', id: 'close' },
]);

describe('sessions column', () => {
  it('matches a title holding commas whole, never split at its commas', () => {
    expect(matcher.match('Opening plenary: cities, ports and people')).toEqual({ ids: ['open'], notes: [] });
  });

  it('folds dashes, quotes, widths and case before matching', () => {
    expect(sessionKey('Nordic-Japan Energy Dialogue')).toBe(sessionKey('Nordic–Japan energy dialogue'));
    expect(matcher.match('nordic - japan ENERGY dialogue').ids).toEqual(['nordic']);
    expect(matcher.match('"Smart" Mobility Workshop').ids).toEqual(['smart']);
    expect(matcher.match('ＣＬＯＳＩＮＧ　ＳＥＳＳＩＯＮ').ids).toEqual(['close']);
  });

  it('splits the cell by ";" when the whole names nothing; a comma list of ids still reads', () => {
    expect(matcher.match('Opening plenary: cities, ports and people; Closing session').ids).toEqual(['open', 'close']);
    expect(matcher.match('s1,s2').ids).toEqual(['s1', 's2']);
  });

  it('a near miss is a note with "did you mean", the rest of the cell still registered', () => {
    const m = matcher.match('Closing session; Nordic-Japan energy dialog');
    expect(m.ids).toEqual(['close']);
    expect(m.notes).toEqual([{ value: 'Nordic-Japan energy dialog', suggestion: 'Nordic–Japan energy dialogue' }]);
    // Nothing close: a note without a suggestion.
    expect(matcher.match('Karaoke night').notes).toEqual([{ value: 'Karaoke night', suggestion: null }]);
  });
});
