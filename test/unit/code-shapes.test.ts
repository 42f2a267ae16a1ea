// The event tells doors and kiosks what its registration codes look like (shapes, never codes), and keeps that
// answer true as codes are added, changed and purged — by this process or another one on the same file.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('registration-code shapes of the event', () => {
  it('follow the codes through insert, update, another connection and the purge', () => {
    t = makeApp();
    expect(t.app.dispatch('event', {}).codeShapes).toEqual([]);
    const a = t.add({ familyName: 'A', externalCode: 'EJRC-2027-000001' });
    t.add({ familyName: 'B', externalCode: 'EJRC-2027-000002' });
    t.add({ familyName: 'C', externalCode: 'walk-in' });
    expect(t.app.dispatch('event', {}).codeShapes).toEqual(['AAAA-9999-999999']);

    t.app.core.tx(() => t.app.delegates.update(a.id, { familyName: 'A', givenName: 'Test', externalCode: 'TIX/88213' }));
    expect(t.app.dispatch('event', {}).codeShapes).toEqual(['AAA/99999', 'AAAA-9999-999999']);

    // Another process (an import from the CLI) writes the same file.
    const other = new Database(t.file);
    other.prepare("UPDATE delegate SET external_code = 'ORD-7' || substr(external_code, -1) WHERE external_code LIKE 'EJRC-%'").run();
    other.close();
    expect(t.app.dispatch('event', {}).codeShapes).toEqual(['AAA-99', 'AAA/99999']);

    t.app.privacy.purge({ force: true });
    expect(t.app.dispatch('event', {}).codeShapes).toEqual([]);
  });
});
