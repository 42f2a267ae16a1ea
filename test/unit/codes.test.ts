// Codes tried as a forger would: guessing the next registration code, the old code after a reissue, and tokens
// with look-alike letters that case folding would turn into the genuine ones.
import { afterEach, describe, expect, it } from 'vitest';
import { generateDelegates } from '../../electron/demo/generator.js';
import { randomRegistrationCode } from '../../electron/services/model/registration-code.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('registration codes', () => {
  it('the demo gives random codes, not a sequence one can count through', () => {
    // The featured cast (the first ten) has fixed codes the guide and tests use; everyone else is random.
    const codes = generateDelegates(60).slice(10).map((d) => d.fields.externalCode!);
    expect(new Set(codes).size).toBe(50);
    for (const c of codes) expect(c).toMatch(/^EJRC-\d{4}-\d{4}-\d{4}$/);
    expect(codes).not.toContain('EJRC-2027-000007');
    // Two demo builds never share a code: nothing derives them from a public seed.
    const again = new Set(generateDelegates(60).slice(10).map((d) => d.fields.externalCode!));
    expect(codes.filter((c) => again.has(c))).toEqual([]);
    expect(randomRegistrationCode()).not.toBe(randomRegistrationCode());
  });

  it('after a reissue the old registration code no longer admits at a door; the desk still finds the person', () => {
    t = makeApp();
    const code = randomRegistrationCode();
    const d = t.add({ familyName: 'Lost', externalCode: code });
    expect(t.app.dispatch('scan', { checkpointId: 'venue', code }).verdict).toBe('admitted');
    t.app.dispatch('reissueBadge', { delegateId: d.id });
    t.clock.ms += 86_400_000; // next day: the venue admits once per day
    expect(t.app.dispatch('scan', { checkpointId: 'venue', code }).verdict).toBe('revoked');
    expect(t.app.dispatch('searchDelegates', { query: code }).map((h) => h.id)).toContain(d.id);
    // The new badge admits.
    const token = t.app.dispatch('delegate', { id: d.id }).token!;
    expect(['admitted', 'already_checked_in']).toContain(t.app.dispatch('scan', { checkpointId: 'venue', code: token }).verdict);
  });

  it('a registration code is never a staff credential', () => {
    t = makeApp();
    t.app.staffLock.setPin('482913');
    const code = randomRegistrationCode();
    t.add({ familyName: 'Steward', role: 'staff', externalCode: code });
    expect(t.app.dispatch('unlock', { secret: code }).ok).toBe(false);
  });
});

describe('badge tokens', () => {
  it('a token with ı (U+0131) or ſ (U+017F) in place of I or S is forged, not the genuine badge', () => {
    t = makeApp();
    const { token } = t.add({ familyName: 'Genuine' });
    const i = token.indexOf('I', 2);
    const s = token.indexOf('S', 2);
    const variants = [
      ...(i > 0 ? [token.slice(0, i) + 'ı' + token.slice(i + 1)] : []),
      ...(s > 0 ? [token.slice(0, s) + 'ſ' + token.slice(s + 1)] : []),
      // Only where the token has an I to replace: without one this would be the plain lower-case token, which is
      // genuine (about one random token in forty has no I, and the test then failed).
      ...(i > 0 ? ['u1' + token.slice(2).toLowerCase().replace('i', 'ı')] : []),
    ];
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) {
      expect(t.app.event.tokens().check(v)).toEqual({ ok: false, problem: expect.stringMatching(/malformed|not_a_token/) });
      expect(t.app.dispatch('scan', { checkpointId: 'venue', code: v }).verdict).toBe('forged');
    }
    // A scanner with Caps Lock still works: plain ASCII lower case is folded.
    expect(t.app.event.tokens().check(token.toLowerCase()).ok).toBe(true);
  });
});
