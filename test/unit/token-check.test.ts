// Signed badge tokens at their edges: the largest badge number and issue, codes a forger could build with the
// event's own key but a different layout, and spellings of a genuine token that are not the canonical one.
import { createPrivateKey, sign } from 'node:crypto';
import { base32 } from 'rfc4648';
import { describe, expect, it } from 'vitest';
import { BadgeTokens, eventTag, generateEventKeys, MAX_BADGE_NO, MAX_ISSUE, TOKEN_LENGTH, TOKEN_PREFIX } from '../../electron/services/model/badge-token.js';

const keys = generateEventKeys();
const issuer = new BadgeTokens('ev', keys);
const door = new BadgeTokens('ev', { publicKey: keys.publicKey, privateKey: null });

/** A token laid out by hand and signed with the event's real private key. */
function handMade(bytes: number[], eventId = 'ev'): string {
  const payload = Buffer.from(bytes);
  eventTag(eventId).copy(payload, 1);
  const key = createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return TOKEN_PREFIX + base32.stringify(Buffer.concat([payload, sign(null, payload, key)]), { pad: false });
}

describe('issuing', () => {
  it('issues the first and the last badge number and issue, and reads them back exactly', () => {
    for (const claim of [{ badgeNo: 1, issue: 1 }, { badgeNo: MAX_BADGE_NO, issue: MAX_ISSUE }, { badgeNo: 0x010203, issue: 0x7f }]) {
      const t = issuer.issue(claim);
      expect(t).toHaveLength(TOKEN_LENGTH);
      expect(t.startsWith('U1')).toBe(true);
      expect(door.check(t)).toEqual({ ok: true, claim });
    }
    expect(TOKEN_LENGTH).toBe(118);
    expect(MAX_BADGE_NO).toBe(16_777_215);
    expect(MAX_ISSUE).toBe(255);
  });

  it('refuses a badge number or issue that does not fit, saying which and what', () => {
    const cases: [{ badgeNo: number; issue: number }, string][] = [
      [{ badgeNo: 0, issue: 1 }, 'badge number out of range: 0'],
      [{ badgeNo: -5, issue: 1 }, 'badge number out of range: -5'],
      [{ badgeNo: 1.5, issue: 1 }, 'badge number out of range: 1.5'],
      [{ badgeNo: Number.NaN, issue: 1 }, 'badge number out of range: NaN'],
      [{ badgeNo: MAX_BADGE_NO + 1, issue: 1 }, 'badge number out of range: 16777216'],
      [{ badgeNo: 1, issue: 0 }, 'badge issue out of range: 0'],
      [{ badgeNo: 1, issue: -1 }, 'badge issue out of range: -1'],
      [{ badgeNo: 1, issue: 2.5 }, 'badge issue out of range: 2.5'],
      [{ badgeNo: 1, issue: MAX_ISSUE + 1 }, 'badge issue out of range: 256'],
    ];
    for (const [claim, message] of cases) {
      expect(() => issuer.issue(claim), message).toThrow(RangeError);
      expect(() => issuer.issue(claim), message).toThrow(new RangeError(message));
    }
  });

  it('a door (public key only) says why it cannot issue', () => {
    expect(() => door.issue({ badgeNo: 1, issue: 1 })).toThrow(new Error('This device holds only the public key and cannot issue badges.'));
  });
});

describe('checking', () => {
  const genuine = issuer.issue({ badgeNo: 4242, issue: 2 });

  it('forgives Caps Lock (lower case) but nothing else about the spelling', () => {
    expect(door.check(genuine.toLowerCase())).toEqual({ ok: true, claim: { badgeNo: 4242, issue: 2 } });
    expect(door.check(`u1${genuine.slice(2)}`)).toEqual({ ok: true, claim: { badgeNo: 4242, issue: 2 } });
  });

  it('refuses digits standing in for look-alike letters (0 for O, 1 for L, 8 for B), which decode to the same bytes', () => {
    const swaps: [string, string][] = [['O', '0'], ['L', '1'], ['B', '8']];
    let tried = 0;
    for (let n = 1; n < 200 && tried < 3; n++) {
      const t = issuer.issue({ badgeNo: n, issue: 1 });
      for (const [letter, digit] of swaps) {
        const i = t.indexOf(letter, 2);
        if (i < 0) continue;
        expect(door.check(t.slice(0, i) + digit + t.slice(i + 1))).toEqual({ ok: false, problem: 'malformed' });
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(3);
  });

  it('refuses a correctly signed token of a layout version it does not know', () => {
    const v2 = handMade([2, 0, 0, 0, 0, 0x10, 0x92, 1]);
    expect(v2).toHaveLength(TOKEN_LENGTH);
    expect(door.check(v2)).toEqual({ ok: false, problem: 'malformed' });
    // The same hand-made layout with version 1 is genuine: the refusal above is the version, not the craft.
    expect(door.check(handMade([1, 0, 0, 0, 0, 0x10, 0x92, 1]))).toEqual({ ok: true, claim: { badgeNo: 4242, issue: 1 } });
  });

  it('a signed token of another event is "other_event"; a token of this event with a wrong signature is "bad_signature"', () => {
    expect(door.check(handMade([1, 0, 0, 0, 0, 0, 7, 1], 'another-event'))).toEqual({ ok: false, problem: 'other_event' });
    const otherKey = new BadgeTokens('ev', generateEventKeys()).issue({ badgeNo: 7, issue: 1 });
    expect(door.check(otherKey)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('wrong length, wrong alphabet or no prefix', () => {
    expect(door.check(genuine.slice(0, -1))).toEqual({ ok: false, problem: 'malformed' });
    expect(door.check(`${genuine}A`)).toEqual({ ok: false, problem: 'malformed' });
    expect(door.check(`${genuine.slice(0, 60)}!${genuine.slice(61)}`)).toEqual({ ok: false, problem: 'malformed' });
    expect(door.check(`${genuine.slice(0, 60)}=${genuine.slice(61)}`)).toEqual({ ok: false, problem: 'malformed' });
    expect(door.check('U1')).toEqual({ ok: false, problem: 'malformed' });
    expect(door.check(`X1${genuine.slice(2)}`)).toEqual({ ok: false, problem: 'not_a_token' });
    expect(door.check('')).toEqual({ ok: false, problem: 'not_a_token' });
  });
});
