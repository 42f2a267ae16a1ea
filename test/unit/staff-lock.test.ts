import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

describe('staff lock', () => {
  it('unlocks with the PIN, refuses a wrong one, and slows down guessing', () => {
    t = makeApp();
    expect(t.app.dispatch('event', {}).staffPinSet).toBe(false);
    expect(t.app.dispatch('unlock', { secret: '1234' }).ok).toBe(false);
    t.app.staffLock.setPin('4321');
    expect(t.app.dispatch('event', {}).staffPinSet).toBe(true);
    expect(t.app.dispatch('unlock', { secret: '4321' })).toEqual({ ok: true, retryInMs: 0, level: 'staff' });
    for (let i = 0; i < 4; i++) expect(t.app.dispatch('unlock', { secret: '0000' })).toEqual({ ok: false, retryInMs: 0 });
    expect(t.app.dispatch('unlock', { secret: '0000' }).retryInMs).toBe(30_000);
    // Locked out: even the right PIN waits.
    expect(t.app.dispatch('unlock', { secret: '4321' }).ok).toBe(false);
    t.clock.ms += 31_000;
    expect(t.app.dispatch('unlock', { secret: '4321' }).ok).toBe(true);
  });

  it('the PIN is stored hashed, never as typed', () => {
    t = makeApp();
    t.app.staffLock.setPin('98765');
    const row = t.app.db.prepare("SELECT value FROM setting WHERE key = 'staff_pin'").get() as { value: string };
    expect(row.value).not.toContain('98765');
    expect(() => t.app.staffLock.setPin('12')).toThrow(/4 to 8 digits/);
  });

  it('a staff or organiser badge unlocks; a delegate badge or a revoked staff badge does not', () => {
    t = makeApp();
    t.app.staffLock.setPin('4321');
    const staff = t.add({ familyName: 'Steward', role: 'staff' });
    const organiser = t.add({ familyName: 'Lead', role: 'organiser' });
    const delegate = t.add({ familyName: 'Guest' });
    expect(t.app.dispatch('unlock', { secret: staff.token }).ok).toBe(true);
    expect(t.app.dispatch('unlock', { secret: organiser.token }).ok).toBe(true);
    expect(t.app.dispatch('unlock', { secret: delegate.token }).ok).toBe(false);
    t.app.dispatch('reissueBadge', { delegateId: staff.id });
    expect(t.app.dispatch('unlock', { secret: staff.token }).ok).toBe(false);
  });
});

describe('supervisor override', () => {
  it('needs the staff PIN (or a staff badge) once a PIN is set', () => {
    t = makeApp(undefined, '2027-04-28T06:00:00Z');
    t.app.staffLock.setPin('4321');
    const d = t.add({ familyName: 'NotListed' });
    const steward = t.add({ familyName: 'Steward', role: 'staff' });
    expect(() => t.app.dispatch('override', { checkpointId: 'bus-door', delegateId: d.id, reason: 'Swapped seats' })).toThrow(/staff PIN/);
    expect(() => t.app.dispatch('override', { checkpointId: 'bus-door', delegateId: d.id, reason: 'Swapped seats', secret: '0000' })).toThrow(/staff PIN/);
    expect(t.app.dispatch('override', { checkpointId: 'bus-door', delegateId: d.id, reason: 'Swapped seats', secret: '4321' }).verdict).toBe('admitted');
    const other = t.add({ familyName: 'Other' });
    expect(t.app.dispatch('override', { checkpointId: 'bus-door', delegateId: other.id, reason: 'Seat free', secret: steward.token }).verdict).toBe('admitted');
  });
});

describe('PIN guessing (issue 10)', () => {
  it('locks out only the client that guesses, with a delay that grows at each lockout', () => {
    t = makeApp();
    t.app.staffLock.setPin('482913');
    const prankster = { clientId: 'kiosk-lobby', station: 'kiosk' as const };
    const deskLead = { clientId: 'desk-1', station: 'desk' as const };
    const guess = () => t.app.dispatch('unlock', { secret: '000000' }, prankster);
    for (let i = 0; i < 4; i++) guess();
    expect(guess().retryInMs).toBe(30_000);
    // Everyone else still signs in at once.
    expect(t.app.dispatch('unlock', { secret: '482913' }, deskLead).ok).toBe(true);
    expect(t.app.dispatch('unlock', { secret: '482913' }, prankster).ok).toBe(false);
    t.clock.ms += 30_001;
    for (let i = 0; i < 4; i++) guess();
    expect(guess().retryInMs).toBe(60_000);
    t.clock.ms += 60_001;
    for (let i = 0; i < 4; i++) guess();
    expect(guess().retryInMs).toBe(120_000);
  });

  it('logs every PIN change with who made it, in the replicated log', () => {
    t = makeApp();
    t.app.staffLock.setPin('482913');
    const organiser = t.add({ familyName: 'Lead', role: 'organiser' });
    const lead = { clientId: 'desk-9', station: 'desk' as const };
    t.app.dispatch('unlock', { secret: organiser.token }, lead);
    // Signed in with an organiser badge: no need to type the current PIN. A 6+ digit PIN is not weak.
    expect(t.app.dispatch('setStaffPin', { pin: '7391046' }, lead)).toEqual({ staffPinSet: true, weak: false });
    expect(() => t.app.dispatch('setStaffPin', { pin: '1111' }, { clientId: 'door-1', station: 'door' })).toThrow(/organiser/);
    // The desk laptop's own window (not signed in) must give the current PIN; wrong tries count against it only.
    expect(() => t.app.dispatch('setStaffPin', { pin: '1111' })).toThrow(/current PIN/);
    expect(() => t.app.dispatch('setStaffPin', { pin: '1111', current: '482913' })).toThrow(/current PIN/);
    const changes = t.app.staffLock.pinChanges();
    expect(changes).toHaveLength(2);
    expect(changes[0]!.by).toBe('desk:desk-9');
    expect(changes[1]!.by).toBe('operator');
    expect(t.app.dispatch('unlock', { secret: '7391046' }, lead).ok).toBe(true);
    // A 4-digit PIN is accepted, and said to be weak; the change is logged with who made it.
    expect(t.app.dispatch('setStaffPin', { pin: '2580', current: '7391046' })).toEqual({ staffPinSet: true, weak: true });
    expect(t.app.staffLock.pinChanges()[0]!.by).toBe('organiser:local');
  });

  it('says who is signed in and when the sign-in ends; asking does not keep it alive', () => {
    t = makeApp();
    t.app.staffLock.setPin('482913');
    const steward = t.add({ familyName: 'Sato', givenName: 'Ken', familyNameKanji: '佐藤', givenNameKanji: '健', role: 'staff' });
    const door = { clientId: 'door-2', station: 'door' as const };
    expect(t.app.dispatch('session', {}, door)).toMatchObject({ station: 'door', signedIn: null, person: null, idleSignOutAt: null, idleMinutes: 10 });
    t.app.dispatch('unlock', { secret: steward.token }, door);
    const s = t.app.dispatch('session', {}, door);
    expect(s).toMatchObject({ signedIn: 'staff', person: { familyName: 'Sato', familyNameKanji: '佐藤' } });
    expect(Date.parse(s.idleSignOutAt!) - t.clock.ms).toBe(10 * 60_000);
    // Five minutes of the strip asking, then five more: signed out all the same.
    t.clock.ms += 5 * 60_000;
    t.app.dispatch('session', {}, door);
    t.clock.ms += 5 * 60_000 + 1;
    expect(t.app.dispatch('session', {}, door)).toMatchObject({ signedIn: null, person: null });
    // The PIN signs in with no person; signing out ends it at once.
    t.app.dispatch('unlock', { secret: '482913' }, door);
    expect(t.app.dispatch('session', {}, door)).toMatchObject({ signedIn: 'staff', person: null });
    expect(t.app.dispatch('signOut', {}, door)).toMatchObject({ signedIn: null, idleSignOutAt: null });
  });
});
