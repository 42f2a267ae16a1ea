// The Api methods' descriptors (electron/services/methods/): what is derived from them, and the facts the core now
// returns instead of each screen deciding them (which verdicts a supervisor may override).
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS, apiInputs, bodyLimitOf, METHOD_ACCESS } from '../../electron/services/methods/index.js';
import { DEFAULT_BODY_LIMIT, FILE_BODY_LIMIT } from '../../electron/services/methods/method.js';
import { OVERRIDABLE, VERDICTS } from '../../electron/api/vocabulary.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('method descriptors', () => {
  it('give every method its schema and principals, and the web host its body limits', () => {
    expect(API_METHODS.length).toBeGreaterThan(50);
    expect(Object.keys(apiInputs)).toEqual(API_METHODS);
    expect(Object.keys(METHOD_ACCESS)).toEqual(API_METHODS);
    // The methods that carry a file in the request; every other method reads at most 256 KB.
    expect(API_METHODS.filter((m) => bodyLimitOf(m) === FILE_BODY_LIMIT).sort()).toEqual(['importPreview', 'importStart', 'saveImportMapping', 'setBranding']);
    expect(bodyLimitOf('scan')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('noSuchMethod')).toBe(DEFAULT_BODY_LIMIT);
  });

  it('an unknown method is refused before any handler', () => {
    t = makeApp();
    expect(() => t.app.dispatch('noSuchMethod' as 'event', {})).toThrow(/Unknown method/);
    expect(() => t.app.dispatch('__proto__' as 'event', {})).toThrow(/Unknown method/);
  });
});

describe('overridable, returned with the verdict', () => {
  it('only verdicts of OVERRIDABLE, and only when the code named a person', () => {
    expect([...OVERRIDABLE].every((v) => (VERDICTS as readonly string[]).includes(v))).toBe(true);
    t = makeApp(undefined, '2027-04-28T06:00:00Z');
    const d = t.add({ familyName: 'Walkup' });
    const denied = t.app.dispatch('scan', { checkpointId: 'bus-door', code: d.token });
    expect(denied).toMatchObject({ verdict: 'not_registered', overridable: true });
    const admitted = t.app.dispatch('override', { checkpointId: 'bus-door', delegateId: d.id, reason: 'Swapped seat with a colleague' });
    expect(admitted).toMatchObject({ verdict: 'admitted', overridden: true, overridable: false });
    expect(t.app.dispatch('scan', { checkpointId: 'venue', code: d.token })).toMatchObject({ verdict: 'admitted', overridable: false });
    expect(t.app.dispatch('scan', { checkpointId: 'venue', code: 'garbage-code' })).toMatchObject({ delegate: null, overridable: false });
  });
});
