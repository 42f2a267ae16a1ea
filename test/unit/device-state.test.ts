// Device-local state (replication/device-state.ts): each meta key through its typed getter and setter, the clock
// only moving forward, and none of it in the change log.
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceState } from '../../electron/services/replication/device-state.js';
import { makeApp, type TestApp } from '../helpers.js';

describe('device state', () => {
  let t: TestApp | null = null;
  afterEach(() => {
    t?.app.close();
    t = null;
  });

  it('keeps each key as written, in meta only', () => {
    t = makeApp();
    const device = new DeviceState(t.app.db);
    const logged = t.app.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const link = { urls: ['https://10.0.0.2:7443'], fingerprint: 'ab:cd', certPem: 'PEM', credential: 'secret', role: 'door' as const, eventId: 'test-event', pairedAt: '2027-04-27T09:00:00Z' };
    expect(device.hubLink()).toBeNull();
    expect(device.paired()).toBe(false);
    device.setHubLink(link);
    expect(device.hubLink()).toEqual(link);
    expect(device.paired()).toBe(true);
    expect(t.app.core.device.hubLink()).toEqual(link);
    expect(device.upstreamLink()).toBeNull();
    device.setUpstreamLink({ ...link, role: 'venue' });
    expect(device.upstreamLink()?.role).toBe('venue');
    device.setHubIdentity({ urls: ['https://10.0.0.1:7443'], fingerprint: 'ef' });
    expect(device.hubIdentity()).toEqual({ urls: ['https://10.0.0.1:7443'], fingerprint: 'ef' });
    device.setHubIdentity(null);
    expect(device.hubIdentity()).toBeNull();
    expect(device.hubTls()).toBeNull();
    device.setHubTls({ key: 'K', cert: 'C' });
    expect(device.hubTls()).toEqual({ key: 'K', cert: 'C' });
    expect(device.searchIndexDeferred()).toBe(false);
    device.deferSearchIndex();
    device.deferSearchIndex();
    expect(device.searchIndexDeferred()).toBe(true);
    device.resumeSearchIndex();
    expect(device.searchIndexDeferred()).toBe(false);
    expect(device.searchKeysStale()).toBe(false);
    expect(t.app.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(logged);
  });

  it('moves the clock forward only', () => {
    t = makeApp();
    const device = t.app.core.device;
    const now = device.clock();
    expect(now).not.toBeNull();
    device.saveClock('0000000000000-0000-old');
    expect(device.clock()).toBe(now);
    device.saveClock('9999999999999-0000-late');
    expect(device.clock()).toBe('9999999999999-0000-late');
  });
});
