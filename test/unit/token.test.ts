import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { BadgeTokens, generateEventKeys, TOKEN_LENGTH } from '../../electron/services/model/badge-token.js';

describe('badge token', () => {
  const keys = generateEventKeys();
  const issuer = new BadgeTokens('ev', keys);
  const door = new BadgeTokens('ev', { publicKey: keys.publicKey, privateKey: null });

  it('round-trips and verifies with only the public key', () => {
    const t = issuer.issue({ badgeNo: 123456, issue: 3 });
    expect(t).toHaveLength(TOKEN_LENGTH);
    expect(door.check(t)).toEqual({ ok: true, claim: { badgeNo: 123456, issue: 3 } });
  });

  it('a door without the private key cannot issue', () => {
    expect(() => door.issue({ badgeNo: 1, issue: 1 })).toThrow(/public key/);
  });

  it('is short enough for a low QR version at medium error correction (alphanumeric mode)', () => {
    const t = issuer.issue({ badgeNo: 16_000_000, issue: 255 });
    expect(/^[0-9A-Z]+$/.test(t)).toBe(true);
    const qr = QRCode.create(t, { errorCorrectionLevel: 'M' });
    expect(qr.version).toBeLessThanOrEqual(5);
  });

  it('rejects out-of-range claims', () => {
    expect(() => issuer.issue({ badgeNo: 0, issue: 1 })).toThrow(RangeError);
    expect(() => issuer.issue({ badgeNo: 1, issue: 256 })).toThrow(RangeError);
  });

  it('says why a code fails', () => {
    const t = issuer.issue({ badgeNo: 7, issue: 1 });
    expect(door.check('EJRC-1')).toEqual({ ok: false, problem: 'not_a_token' });
    expect(door.check(t.slice(0, -1))).toEqual({ ok: false, problem: 'malformed' });
    expect(new BadgeTokens('other', keys).check(t)).toEqual({ ok: false, problem: 'other_event' });
    const flipped = t.slice(0, 40) + (t[40] === 'A' ? 'B' : 'A') + t.slice(41);
    expect(door.check(flipped)).toEqual({ ok: false, problem: 'bad_signature' });
  });
});
