// The signed badge token printed in the QR code. Compact on purpose: a dense QR scans badly (Indico PR #6101).
//   payload (8 bytes): version(1) · event tag(3) · badge number(3, big-endian) · issue(1)
//   signature: Ed25519 over the payload (64 bytes)
// Encoded as "U1" + base32 without padding (118 characters, QR alphanumeric mode: version 5 at level M).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { base32 } from 'rfc4648';

export const TOKEN_PREFIX = 'U1';
const VERSION = 1;
const PAYLOAD_BYTES = 8;
const SIGNATURE_BYTES = 64;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + Math.ceil(((PAYLOAD_BYTES + SIGNATURE_BYTES) * 8) / 5);
export const MAX_BADGE_NO = 0xffffff;
export const MAX_ISSUE = 0xff;

export interface BadgeClaim {
  badgeNo: number;
  issue: number;
}

export type TokenCheck =
  | { ok: true; claim: BadgeClaim }
  | { ok: false; problem: 'not_a_token' | 'malformed' | 'other_event' | 'bad_signature' };

export interface EventKeys {
  publicKey: string; // SPKI DER, base64
  privateKey: string | null; // PKCS8 DER, base64; door kiosks hold none
}

export function generateEventKeys(): Required<{ publicKey: string; privateKey: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

export function eventTag(eventId: string): Buffer {
  return createHash('sha256').update(eventId).digest().subarray(0, 3);
}

/** Signs and verifies badge tokens for one event. Key objects are parsed once; verification needs only the public key. */
export class BadgeTokens {
  private readonly tag: Buffer;
  private readonly pub: KeyObject;
  private readonly priv: KeyObject | null;

  constructor(eventId: string, keys: EventKeys) {
    this.tag = eventTag(eventId);
    this.pub = createPublicKey({ key: Buffer.from(keys.publicKey, 'base64'), format: 'der', type: 'spki' });
    this.priv = keys.privateKey
      ? createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' })
      : null;
  }

  issue(claim: BadgeClaim): string {
    if (!this.priv) throw new Error('This device holds only the public key and cannot issue badges.');
    if (!Number.isInteger(claim.badgeNo) || claim.badgeNo < 1 || claim.badgeNo > MAX_BADGE_NO) throw new RangeError(`badge number out of range: ${claim.badgeNo}`);
    if (!Number.isInteger(claim.issue) || claim.issue < 1 || claim.issue > MAX_ISSUE) throw new RangeError(`badge issue out of range: ${claim.issue}`);
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    payload.writeUInt8(VERSION, 0);
    this.tag.copy(payload, 1);
    payload.writeUIntBE(claim.badgeNo, 4, 3);
    payload.writeUInt8(claim.issue, 7);
    const sig = sign(null, payload, this.priv);
    return TOKEN_PREFIX + base32.stringify(Buffer.concat([payload, sig]), { pad: false });
  }

  /** Never throws: anything that is not a well-formed, correctly signed token of this event says why. */
  check(code: string): TokenCheck {
    // ASCII first, case folding after: toUpperCase() turns ı (U+0131) into I and ſ (U+017F) into S, so a token
    // with one of them would otherwise decode to the genuine badge.
    if (!/^[Uu]1/.test(code)) return { ok: false, problem: 'not_a_token' };
    // Stryker disable next-line ConditionalExpression: equivalent — a body of any other length parses to ≠ 72 bytes or throws (rfc4648 checks the trailing bits), so the checks below say "malformed" too
    if (code.length !== TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(code)) return { ok: false, problem: 'malformed' };
    // Upper-casing forgives a wedge scanner typing with Caps Lock on; the canonical re-encoding check refuses a
    // token whose unused trailing bits were altered (it would otherwise decode to the same signed bytes).
    const body = code.slice(TOKEN_PREFIX.length).toUpperCase();
    let buf: Buffer;
    try {
      buf = Buffer.from(base32.parse(body, { loose: true }));
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    // Stryker disable next-line ConditionalExpression,ObjectLiteral,BooleanLiteral,StringLiteral: unreachable — after the length check a 116-character base32 body that parses is always 72 bytes
    if (buf.length !== PAYLOAD_BYTES + SIGNATURE_BYTES) return { ok: false, problem: 'malformed' };
    if (base32.stringify(buf, { pad: false }) !== body) return { ok: false, problem: 'malformed' };
    const payload = buf.subarray(0, PAYLOAD_BYTES);
    if (payload.readUInt8(0) !== VERSION) return { ok: false, problem: 'malformed' };
    if (!payload.subarray(1, 4).equals(this.tag)) return { ok: false, problem: 'other_event' };
    if (!verify(null, payload, this.pub, buf.subarray(PAYLOAD_BYTES))) return { ok: false, problem: 'bad_signature' };
    return { ok: true, claim: { badgeNo: payload.readUIntBE(4, 3), issue: payload.readUInt8(7) } };
  }
}
