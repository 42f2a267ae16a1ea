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
    t.app.dispatch('setPin', { pin: '7391046' }, lead);
    expect(() => t.app.dispatch('setPin', { pin: '1111' }, { clientId: 'door-1', station: 'door' })).toThrow(/organiser/);
    const changes = t.app.staffLock.pinChanges();
    expect(changes).toHaveLength(2);
    expect(changes[0]!.by).toBe('desk:desk-9');
    expect(changes[1]!.by).toBe('operator');
    expect(t.app.dispatch('unlock', { secret: '7391046' }, lead).ok).toBe(true);
  });
});
