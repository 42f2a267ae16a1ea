// Who may call what, method by method, and the attacks of issue 10 replayed through `dispatch`.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../electron/api/contract.js';
import { apiInputs, METHOD_ACCESS } from '../../electron/services/methods/index.js';
import { LOCAL_OPERATOR, type Caller, type StaffLevel } from '../../electron/services/trust/access.js';
import { ForbiddenError, SESSION_IDLE_MS } from '../../electron/services/trust/trust.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());

const kiosk: Caller = { clientId: 'kiosk-1', station: 'kiosk' };
const door: Caller = { clientId: 'door-1', station: 'door' };
const desk: Caller = { clientId: 'desk-2', station: 'desk' };

type Who = 'kiosk' | 'door' | 'desk' | 'staff' | 'organiser';
/** The expected matrix: who may call each method (staff = a desk with a staff member signed in). */
const MAY: Record<ApiMethod, Who[]> = {
  event: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  checkpoints: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  syncStatus: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  unlock: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  signOut: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  session: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  searchDelegates: ['kiosk', 'desk', 'staff', 'organiser'],
  checkIn: ['kiosk', 'desk', 'staff', 'organiser'],
  printers: ['kiosk', 'desk', 'staff', 'organiser'],
  printJobs: ['kiosk', 'desk', 'staff', 'organiser'],
  retryPrint: ['kiosk', 'desk', 'staff', 'organiser'],
  printBadge: ['desk', 'staff', 'organiser'], // a kiosk: only the person it just checked in (below)
  scan: ['kiosk', 'door', 'desk', 'staff', 'organiser'],
  override: ['door', 'desk', 'staff', 'organiser'],
  recentScans: ['door', 'desk', 'staff', 'organiser'],
  passengers: ['door', 'desk', 'staff', 'organiser'],
  stillExpected: ['door', 'desk', 'staff', 'organiser'],
  dashboard: ['desk', 'staff', 'organiser'],
  report: ['organiser'],
  reportStart: ['organiser'],
  reportStatus: ['organiser'],
  kioskFind: ['kiosk', 'desk', 'staff', 'organiser'],
  delegate: ['desk', 'staff', 'organiser'],
  identifyCode: ['desk', 'staff', 'organiser'],
  countries: ['desk', 'staff', 'organiser'],
  attendance: ['desk', 'staff', 'organiser'],
  syncConflicts: ['desk', 'staff', 'organiser'],
  hubDevices: ['desk', 'staff', 'organiser'],
  undoScan: ['staff', 'organiser'],
  walkIn: ['staff', 'organiser'],
  updateDelegate: ['staff', 'organiser'],
  confirmReading: ['staff', 'organiser'],
  setRegistrations: ['staff', 'organiser'],
  reissueBadge: ['staff', 'organiser'],
  importPreview: ['organiser'],
  importStart: ['organiser'],
  importStatus: ['organiser'],
  saveImportMapping: ['organiser'],
  rejectedRows: ['organiser'],
  exportDelegates: ['organiser'],
  subjectExport: ['organiser'],
  pairingCode: ['organiser'],
  startHub: ['organiser'],
  joinHub: ['organiser'],
  programme: ['desk', 'staff', 'organiser'],
  updateEvent: ['organiser'],
  saveSession: ['organiser'],
  archiveSession: ['organiser'],
  moveSession: ['organiser'],
  saveDay: ['organiser'],
  saveBus: ['organiser'],
  archiveBus: ['organiser'],
  saveCheckpointRules: ['organiser'],
  programmeImport: ['organiser'],
  newEvent: ['organiser'],
  openDemo: ['organiser'],
  branding: ['organiser'],
  setBranding: ['organiser'],
  setStaffPin: ['organiser'],
};

describe('method access', () => {
  it('every contract method declares who may call it', () => {
    const undeclared = Object.keys(apiInputs).filter((m) => !Object.hasOwn(METHOD_ACCESS, m));
    expect(undeclared, 'add these to electron/services/trust/access.ts').toEqual([]);
  });

  it('is enforced method by method for kiosk, door, desk, signed-in staff and organisers', () => {
    t = makeApp();
    const staffBadge = t.add({ familyName: 'Steward', role: 'staff' });
    const organiserBadge = t.add({ familyName: 'Lead', role: 'organiser' });
    t.app.staffLock.setPin('482913');
    const callers: Record<Who, Caller> = {
      kiosk,
      door,
      desk,
      staff: { clientId: 'desk-staff', station: 'desk' },
      organiser: { clientId: 'desk-organiser', station: 'desk' },
    };
    expect(t.app.dispatch('unlock', { secret: staffBadge.token }, callers.staff).level).toBe('staff');
    expect(t.app.dispatch('unlock', { secret: organiserBadge.token }, callers.organiser).level).toBe('organiser');
    for (const method of Object.keys(apiInputs) as ApiMethod[]) {
      for (const who of Object.keys(callers) as Who[]) {
        let forbidden = false;
        try {
          t.app.trust.authorize(method, {}, callers[who]);
        } catch (e) {
          if (!(e instanceof ForbiddenError)) throw e;
          forbidden = true;
        }
        expect(forbidden, `${who} → ${method}`).toBe(!MAY[method].includes(who));
      }
    }
  });
});

describe('attacks replayed through dispatch', () => {
  function signedIn(level: StaffLevel): Caller {
    const caller: Caller = { clientId: `desk-${level}`, station: 'desk' };
    const badge = t.add({ familyName: level, role: level });
    t.app.dispatch('unlock', { secret: badge.token }, caller);
    return caller;
  }

  it('a kiosk cannot export, read a badge token, undo, reissue or register anyone', () => {
    t = makeApp();
    const d = t.add({ familyName: 'Victim' });
    expect(() => t.app.dispatch('exportDelegates', { format: 'csv' }, kiosk)).toThrow(ForbiddenError);
    expect(() => t.app.dispatch('subjectExport', { delegateId: d.id }, kiosk)).toThrow(ForbiddenError);
    expect(() => t.app.dispatch('delegate', { id: d.id }, kiosk)).toThrow(ForbiddenError);
    expect(() => t.app.dispatch('reissueBadge', { delegateId: d.id }, kiosk)).toThrow(ForbiddenError);
    expect(() => t.app.dispatch('walkIn', { familyName: 'X', givenName: 'Y', role: 'staff' }, kiosk)).toThrow(ForbiddenError);
    expect(() => t.app.dispatch('importPreview', { fileName: 'a.csv', base64: '' }, door)).toThrow(ForbiddenError);
  });

  it('a walk-in as staff or organiser, or a promotion, needs an organiser', () => {
    t = makeApp();
    const staff = signedIn('staff');
    expect(() => t.app.dispatch('walkIn', { familyName: 'Mallory', givenName: 'M', role: 'staff' }, staff)).toThrow(/organiser/);
    const plain = t.app.dispatch('walkIn', { familyName: 'Walker', givenName: 'W' }, staff);
    const fields = { familyName: 'Walker', givenName: 'W', role: 'organiser' as const };
    expect(() => t.app.dispatch('updateDelegate', { id: plain.delegate.id, fields }, staff)).toThrow(/organiser/);
    // An ordinary edit by staff is fine; an organiser may promote.
    expect(t.app.dispatch('updateDelegate', { id: plain.delegate.id, fields: { ...fields, role: 'speaker' } }, staff).delegate.role).toBe('speaker');
    const organiser = signedIn('organiser');
    expect(t.app.dispatch('updateDelegate', { id: plain.delegate.id, fields }, organiser).delegate.role).toBe('organiser');
    expect(t.app.dispatch('walkIn', { familyName: 'New', givenName: 'Staff', role: 'staff' }, organiser).delegate.role).toBe('staff');
  });

  it('a kiosk prints only the badge of the person it has just checked in', () => {
    t = makeApp();
    const me = t.add({ familyName: 'Me' });
    const other = t.add({ familyName: 'Other' });
    const printer = 'folder:test';
    expect(() => t.app.dispatch('printBadge', { delegateId: me.id, printer }, kiosk)).toThrow(/just checked in/);
    expect(t.app.dispatch('checkIn', { delegateId: me.id }, kiosk).verdict).toBe('admitted');
    expect(() => t.app.dispatch('printBadge', { delegateId: other.id, printer }, kiosk)).toThrow(/just checked in/);
    let err: unknown = null;
    try {
      t.app.dispatch('printBadge', { delegateId: me.id, printer }, kiosk);
    } catch (e) {
      err = e;
    }
    expect(err).not.toBeInstanceOf(ForbiddenError);
  });

  it('staff sign in, sign out, and are signed out after being idle', () => {
    t = makeApp();
    const staff = signedIn('staff');
    expect(t.app.dispatch('session', {}, staff).signedIn).toBe('staff');
    t.app.dispatch('signOut', {}, staff);
    expect(() => t.app.dispatch('walkIn', { familyName: 'A', givenName: 'B' }, staff)).toThrow(ForbiddenError);
    const again = signedIn('staff');
    t.clock.ms += SESSION_IDLE_MS + 1000;
    expect(t.app.dispatch('session', {}, again).signedIn).toBeNull();
  });

  it('the local operator (desk laptop, CLI) keeps every screen working', () => {
    t = makeApp();
    expect(t.app.dispatch('session', {}).station).toBe(LOCAL_OPERATOR.station);
    expect(t.app.dispatch('exportDelegates', { format: 'csv' })).toBeInstanceOf(Promise);
  });
});
