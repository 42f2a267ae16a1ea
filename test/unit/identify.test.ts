// Who is presenting a code: a signed badge, a registration code, a desk check-in — and what is kept of hostile
// input. On the real SQLite event (test/helpers.ts makeApp).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanCode, identify, MAX_CODE_LENGTH, type Identified } from '../../electron/services/checkin/identify.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

const who = (raw: string): Identified => identify(raw, t.app.event, t.app.delegates);
const scan = (checkpointId: string, code: string) => t.app.dispatch('scan', { checkpointId, code });
const cancel = (id: string) => t.app.db.prepare("UPDATE delegate SET status = 'cancelled' WHERE id = ?").run(id);
const storedCodes = () => (t.app.db.prepare('SELECT code FROM scan ORDER BY rowid').all() as { code: string }[]).map((r) => r.code);

describe('a cancelled registration is refused by every way of identifying the person', () => {
  it('by the badge printed before the cancellation', () => {
    t = makeApp();
    const d = t.add({ familyName: 'Cancelled', externalCode: 'EJRC-2027-000101' }, ['talk']);
    cancel(d.id);
    expect(who(d.token).id).toEqual({ kind: 'delegate', presentedIssue: 1, currentIssue: 1, cancelled: true, waitlisted: false });
    const r = scan('talk-door-a', d.token);
    expect(r).toMatchObject({ verdict: 'revoked', reason: 'This registration was cancelled.' });
    expect(r.delegate?.familyName).toBe('Cancelled');
  });

  it('by the registration code from the confirmation email, at a list door and at the open entrance', () => {
    t = makeApp();
    const d = t.add({ familyName: 'Cancelled', externalCode: 'EJRC-2027-000102' }, ['talk']);
    cancel(d.id);
    expect(who('EJRC-2027-000102').id).toEqual({ kind: 'delegate', presentedIssue: 1, currentIssue: 1, cancelled: true, waitlisted: false });
    expect(scan('talk-door-a', 'EJRC-2027-000102')).toMatchObject({ verdict: 'revoked', reason: 'This registration was cancelled.' });
    expect(scan('venue', 'EJRC-2027-000102')).toMatchObject({ verdict: 'revoked', reason: 'This registration was cancelled.' });
    expect(t.app.dispatch('attendance', {}).find((a) => a.checkpointId === 'venue')?.admitted).toBe(0);
  });

  it('by name at the desk', () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    const d = t.add({ familyName: 'Cancelled' });
    cancel(d.id);
    expect(t.app.dispatch('checkIn', { delegateId: d.id })).toMatchObject({ verdict: 'revoked', reason: 'This registration was cancelled.' });
    expect(t.app.dispatch('checkIn', { delegateId: d.id, checkpointId: 'talk-door-a' }).verdict).toBe('revoked');
  });

  it('an active delegate by the same three ways is not refused', () => {
    t = makeApp(undefined, '2027-04-27T09:00:00Z');
    const d = t.add({ familyName: 'Active', externalCode: 'EJRC-2027-000103' }, ['talk']);
    expect(who(d.token).id).toEqual({ kind: 'delegate', presentedIssue: 1, currentIssue: 1, cancelled: false, waitlisted: false });
    expect(who('EJRC-2027-000103').id).toEqual({ kind: 'delegate', presentedIssue: 1, currentIssue: 1, cancelled: false, waitlisted: false });
    expect(scan('talk-door-a', 'EJRC-2027-000103').verdict).toBe('admitted');
    expect(t.app.dispatch('checkIn', { delegateId: d.id }).verdict).toBe('admitted');
  });
});

describe('what a code identifies', () => {
  it('a badge: the delegate, the issue presented and the current one, kept under the delegate id', () => {
    t = makeApp();
    const d = t.add({ familyName: 'Reprinted' });
    t.app.dispatch('reissueBadge', { delegateId: d.id });
    const r = who(d.token);
    expect(r.id).toEqual({ kind: 'delegate', presentedIssue: 1, currentIssue: 2, cancelled: false, waitlisted: false });
    expect(r.delegate?.id).toBe(d.id);
    expect(r.identityKey).toBe(d.id);
    expect(r.storedCode).toBe(d.token);
  });

  it('a registration code: the delegate, as the first badge issue (after a reissue it no longer admits at a door)', () => {
    t = makeApp();
    const d = t.add({ familyName: 'Coded', externalCode: 'EJRC-2027-000042' });
    t.app.dispatch('reissueBadge', { delegateId: d.id });
    const r = who('  EJRC-2027-000042\r\n');
    expect(r).toMatchObject({ id: { kind: 'delegate', presentedIssue: 1, currentIssue: 2, cancelled: false }, identityKey: d.id, storedCode: 'EJRC-2027-000042' });
    expect(r.delegate?.family_name).toBe('Coded');
  });

  it('a genuine badge of a delegate not synced yet: kept under its badge number', () => {
    t = makeApp();
    const token = t.app.event.tokens().issue({ badgeNo: 9999, issue: 3 });
    expect(who(token)).toEqual({ id: { kind: 'signed_unknown', badgeNo: 9999 }, delegate: null, identityKey: 'badge:9999', badgeNo: 9999, storedCode: token });
  });

  it('a damaged badge says what is wrong and identifies nobody', () => {
    t = makeApp();
    const d = t.add({ familyName: 'Target' });
    const altered = d.token.slice(0, 40) + (d.token[40] === 'A' ? 'B' : 'A') + d.token.slice(41);
    expect(who(altered)).toEqual({ id: { kind: 'forged', problem: 'bad_signature' }, delegate: null, identityKey: null, badgeNo: null, storedCode: altered });
    expect(who(d.token.slice(0, -1))).toMatchObject({ id: { kind: 'forged', problem: 'malformed' }, delegate: null, identityKey: null });
  });

  it('a plausible code of nobody is "unmatched"; anything else is "not a badge code"', () => {
    t = makeApp();
    const plausible = ['12345678', 'abc', 'EJRC-2027-999999', 'Tkt#42/7+x:y.z_w', 'Ümlaut-1', '予約-1234', 'A'.repeat(128)];
    for (const code of plausible) expect(who(code), code).toEqual({ id: { kind: 'unmatched' }, delegate: null, identityKey: null, badgeNo: null, storedCode: code });
    const implausible = ['ab', '-EJRC-1', '#1234', '.abc', 'EJRC 2027', 'A'.repeat(129), "'; DROP TABLE scan; --", '<script>'];
    for (const code of implausible) expect(who(code).id, code).toEqual({ kind: 'forged', problem: 'not_a_token' });
  });
});

describe('hostile and broken input', () => {
  it('scanners add CR/LF, tabs, spaces and NULs around a code; inside a code they are kept', () => {
    expect(cleanCode('\u0000  EJRC 1\t\r\n\u0000')).toBe('EJRC 1');
    expect(cleanCode('\t\tA  B\n\n')).toBe('A  B');
    expect(cleanCode('A')).toBe('A');
  });

  it('empty, blank, control characters and anything over the length limit are unreadable', () => {
    t = makeApp();
    const unreadable = ['', '  \r\n', '\u0000\u0000', 'EJRC-\u00072027', 'EJRC\u007f-2027', 'EJRC\u001b[2J', 'x'.repeat(MAX_CODE_LENGTH + 1)];
    for (const code of unreadable) expect(who(code), JSON.stringify(code.slice(0, 20))).toMatchObject({ id: { kind: 'forged', problem: 'unreadable' }, delegate: null, identityKey: null });
    // Exactly at the limit it is read (and is simply not a code).
    expect(who('x'.repeat(MAX_CODE_LENGTH)).id).toEqual({ kind: 'forged', problem: 'not_a_token' });
    expect(scan('venue', 'EJRC-\u00072027')).toMatchObject({ verdict: 'forged', reason: 'Unreadable input.' });
  });

  it('what is stored of a code is bounded: 200 characters in full, longer ones cut with their length', () => {
    t = makeApp();
    const c200 = 'A'.repeat(200);
    expect(who(c200).storedCode).toBe(c200);
    expect(who(`${c200}B`).storedCode).toBe(`${c200}…(201 chars)`);
    const hostile = `${'x'.repeat(199)}y${'z'.repeat(7800)}`;
    expect(who(hostile).storedCode).toBe(`${'x'.repeat(199)}y…(8000 chars)`);
  });

  it('an 8,000-character scan is refused and stored bounded in the scan log', () => {
    t = makeApp();
    const r = scan('venue', `${'x'.repeat(8000)}\r\n`);
    expect(r).toMatchObject({ verdict: 'forged', reason: 'Unreadable input.', delegate: null });
    scan('venue', 'EJRC-1');
    expect(storedCodes()).toEqual([`${'x'.repeat(200)}…(8000 chars)`, 'EJRC-1']);
  });
});
