// Sync over the network for real: a hub process over HTTPS on loopback, stations paired with one-time codes,
// live propagation, the hub killed with SIGKILL and restarted mid-sync, and requests the hub must refuse.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { pairWithCode, connectStation } from '../../electron/host/hub/connect.js';
import { readHubLink, StationSync } from '../../electron/services/sync/station-sync.js';
import { HttpsHubTransport } from '../../electron/host/hub/client.js';
import { decodePairingCode, encodePairingCode } from '../../electron/services/sync/pairing-code.js';
import { tempDir } from '../helpers.js';
import { snapshot } from '../sync-rig.js';
import { cli, HubProcess, pairedStation, until } from '../hub-rig.js';
import { hubRequest, startDemoHub } from '../hub-rig.js';

const post = (url: string, body: string, headers: Record<string, string> = {}) => hubRequest('POST', url, body, headers);

describe('venue hub over HTTPS', () => {
  const dir = tempDir();
  const hubFile = path.join(dir, 'hub.db');
  let hub: HubProcess;
  let url: string;

  beforeAll(async () => {
    ({ hub, url } = await startDemoHub(hubFile, dir, 120));
  }, 60_000);

  afterAll(async () => {
    await hub.kill();
  });

  it('pairs stations with the CLI, and a scan at one is "already checked in" at the other after sync', async () => {
    const doorA = path.join(dir, 'door-a.db');
    const doorB = path.join(dir, 'door-b.db');
    const homeA = path.join(dir, 'home-a');
    const homeB = path.join(dir, 'home-b');
    const paired = cli(homeA, 'pair', '--db', doorA, '--code', hub.pairingCode('door'), '--json');
    expect(paired.code, paired.stderr).toBe(0);
    expect(JSON.parse(paired.stdout)).toMatchObject({ eventId: 'eu-japan-regions-strasbourg', delegates: 120 });
    expect(cli(homeB, 'pair', '--db', doorB, '--code', hub.pairingCode('door'), '--json').code).toBe(0);
    // Doors verify with the public key only.
    const doorApp = Uketsuke.open(doorA, { deviceId: 'check-only', printers: [] });
    expect(doorApp.db.prepare('SELECT private_key FROM event').pluck().get()).toBeNull();
    doorApp.close();
    const setup = Uketsuke.open(hubFile, { deviceId: 'hub-laptop', printers: [] });
    const token = setup.delegates.tokenFor(setup.delegates.findByIdOrEmail('misaki.takahashi@iwate.example.jp')!)!;
    setup.close();
    const first = cli(homeA, 'scan', '--db', doorA, '--checkpoint', 'cp-registration', '--json', token);
    expect(JSON.parse(first.stdout).verdict).toBe('admitted');
    expect(JSON.parse(cli(homeA, 'sync', '--db', doorA, '--json').stdout)).toMatchObject({ pushed: 1, waiting: 0 });
    expect(JSON.parse(cli(homeB, 'sync', '--db', doorB, '--json').stdout)).toMatchObject({ pulled: 1 });
    expect(JSON.parse(cli(homeB, 'scan', '--db', doorB, '--checkpoint', 'cp-registration', '--json', token).stdout).verdict).toBe('already_checked_in');
    // The device list is the organisers': a door asking gets one line saying so, no stack trace.
    const asked = cli(homeA, 'devices', '--db', doorA, '--json');
    expect(asked.code).toBe(1);
    expect(asked.stderr.trim()).toBe('uketsuke: Only organisers see the list of devices.');
    const devices = JSON.parse(cli(hub.home, 'devices', '--db', hubFile, '--json').stdout) as { role: string }[];
    expect(devices.filter((d) => d.role === 'door')).toHaveLength(2);
  }, 60_000);

  it('live: a scan at one desk is known at another within about a second', async () => {
    const a = await pairedStation(hub, 'live-desk-a');
    const b = await pairedStation(hub, 'live-desk-b');
    connectStation(a);
    connectStation(b);
    const person = a.dispatch('walkIn', { familyName: 'Quick', givenName: 'Sync' });
    await until(() => b.delegates.findByBadgeNo(person.delegate.badgeNo) !== undefined, 10_000, 'the walk-in to reach desk b');
    a.dispatch('scan', { checkpointId: 'cp-registration', code: person.token! });
    const ms = await until(() => b.db.prepare("SELECT 1 FROM admission WHERE delegate_id = ? AND target_key = 'cp-registration'").get(person.delegate.id) !== undefined, 10_000, 'the scan to reach desk b');
    expect(ms).toBeLessThan(10_000);
    expect(b.dispatch('scan', { checkpointId: 'cp-registration', code: person.token! }).verdict).toBe('already_checked_in');
    // Desk a hears back from the hub (its push answered) a moment after desk b already has the scan.
    await until(() => a.hubRole.syncStatus().waiting === 0, 10_000, 'desk a to see its changes acknowledged');
    expect(a.hubRole.syncStatus()).toMatchObject({ paired: true, online: true, waiting: 0 });
    a.close();
    b.close();
  }, 60_000);

  it('the hub killed with SIGKILL mid-sync and restarted: nothing lost, nothing counted twice', async () => {
    const stations = await Promise.all(['fault-a', 'fault-b', 'fault-c'].map((id) => pairedStation(hub, id)));
    for (const s of stations) connectStation(s, { maxBackoffMs: 500 });
    const people = stations[0]!.delegates.search('', 90).map((h) => stations[0]!.delegates.tokenFor(stations[0]!.delegates.get(h.id))!);
    // Each station admits its share of the people at the registration desk, and every one of them at a session.
    const burst = async (from: number) => {
      for (let i = from; i < people.length; i += 3) {
        const s = stations[i % 3]!;
        s.dispatch('scan', { checkpointId: 'cp-registration', code: people[i]! });
        s.dispatch('scan', { checkpointId: 'cp-d1-opening', code: people[(i + 1) % people.length]! });
        if (i % 9 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    };
    const running = [burst(0), burst(1), burst(2)];
    await new Promise((r) => setTimeout(r, 30));
    await hub.kill();
    await Promise.all(running);
    await hub.start();
    const total = () => stations.map((s) => s.db.prepare('SELECT count(*) FROM scan').pluck().get() as number);
    const made = () => stations.reduce((n, s) => n + (s.db.prepare('SELECT count(*) FROM change_log WHERE device_id = ? AND type = ?').pluck().get(s.core.deviceId, 'scan.recorded') as number), 0);
    await until(() => new Set(total()).size === 1 && total()[0]! >= made(), 30_000, 'every station to hold every scan').catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(total())} ${JSON.stringify(stations.map((s) => s.hubRole.syncStatus()))}`);
    });
    // Every person of the burst is in once at the registration desk on every station, and the counter agrees.
    const ids = stations[0]!.delegates.search('', 90).map((h) => h.id);
    for (const s of stations) {
      const admitted = s.db.prepare("SELECT count(*) FROM admission WHERE target_key = 'cp-registration' AND delegate_id IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(ids));
      expect(admitted).toBe(90);
      const rows = s.db.prepare("SELECT count(*) FROM admission WHERE target_key = 'cp-registration'").pluck().get();
      expect(s.dispatch('checkpoints', {}).find((c) => c.id === 'cp-registration')!.admitted).toBe(rows);
    }
    const snaps = stations.map((s) => snapshot(s.db));
    for (const t of ['scan', 'admission', 'occupancy', 'change_log']) {
      expect(snaps[1]![t]).toEqual(snaps[0]![t]);
      expect(snaps[2]![t]).toEqual(snaps[0]![t]);
    }
    for (const s of stations) s.close();
  }, 90_000);

  it('five stations scanning offline, then syncing in random order, converge to identical state with exact counts', async () => {
    const stations = await Promise.all([1, 2, 3, 4, 5].map((i) => pairedStation(hub, `offline-${i}`, 'door')));
    const setup = Uketsuke.open(hubFile, { deviceId: 'hub-laptop', printers: [] });
    // People nobody has checked in yet (earlier tests used this hub too).
    const fresh = setup.db.prepare("SELECT id FROM delegate WHERE id NOT IN (SELECT delegate_id FROM admission WHERE target_key = 'cp-registration') ORDER BY badge_no DESC LIMIT 30").pluck().all() as string[];
    const tokens = fresh.map((id) => setup.delegates.tokenFor(setup.delegates.get(id))!);
    setup.close();
    // Every station scans every one of these 30 people at the registration desk: 5 admissions each, offline.
    for (const s of stations) for (const t of tokens) expect(s.dispatch('scan', { checkpointId: 'cp-registration', code: t }).verdict).toBe('admitted');
    const order = [3, 0, 4, 1, 2, 2, 4, 0, 3, 1];
    for (const i of order) {
      const link = readHubLink(stations[i]!.core)!;
      const transport = new HttpsHubTransport(link.urls, link.certPem, link.fingerprint, link.credential);
      await new StationSync(stations[i]!.core, transport).syncOnce().finally(() => transport.close());
    }
    const snaps = stations.map((s) => snapshot(s.db));
    for (const snap of snaps.slice(1)) for (const t of Object.keys(snap)) expect(snap[t], t).toEqual(snaps[0]![t]);
    for (const s of stations) {
      const again = tokens.map((t) => s.dispatch('scan', { checkpointId: 'cp-registration', code: t }));
      expect(new Set(again.map((r) => r.verdict))).toEqual(new Set(['already_checked_in']));
      const ids = again.map((r) => r.delegate!.id);
      const admitted = s.db.prepare("SELECT count(*) FROM admission WHERE target_key = 'cp-registration' AND delegate_id IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(ids));
      expect(admitted).toBe(30);
      const doubles = s.dispatch('syncConflicts', {}).doubleEntries.filter((d) => ids.includes(d.delegate?.id ?? ''));
      expect(doubles).toHaveLength(30);
      expect(doubles.every((d) => d.scans.length === 5)).toBe(true);
    }
    for (const s of stations) s.close();
  }, 90_000);

  it('refuses the unpaired, the malformed, the oversized, a used or altered pairing code and a revoked device', async () => {
    expect((await post(`${url}/sync/v1/pull`, '{}')).status).toBe(401);
    expect((await post(`${url}/sync/v1/pull`, '{}', { Authorization: 'Bearer dev-forged.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
    expect((await post(`${url}/sync/v1/pair`, '{"secret": 5}')).status).toBe(400);
    expect((await post(`${url}/sync/v1/pair`, 'not json')).status).toBe(400);
    const station = await pairedStation(hub, 'refused-desk');
    const credential = readHubLink(station.core)!.credential;
    const big = JSON.stringify({ entries: [], pad: 'x'.repeat(33 * 1024 * 1024) });
    expect((await post(`${url}/sync/v1/push`, big, { Authorization: `Bearer ${credential}` }).catch(() => ({ status: 413, text: '' }))).status).toBe(413);
    const forged = { entryId: '00000000-0000-4000-8000-00000000000f', deviceId: 'someone-else', deviceSeq: 1, hlc: '0000000001000-0000-someone-else', type: 'privacy.exported', payload: { delegateId: 'x', at: '2027-04-27T09:00:00Z' } };
    const pushed = JSON.parse((await post(`${url}/sync/v1/push`, JSON.stringify({ entries: [forged] }), { Authorization: `Bearer ${credential}` })).text) as { applied: number; rejected: unknown[] };
    expect(pushed).toMatchObject({ applied: 0 });
    expect(pushed.rejected).toHaveLength(1);
    // A pairing code works once; a code whose fingerprint was altered is refused before anything is sent.
    const code = hub.pairingCode('door');
    const other = Uketsuke.open(path.join(tempDir(), 'x.db'), { deviceId: 'second-use', printers: [] });
    await pairWithCode(Uketsuke.open(path.join(tempDir(), 'y.db'), { deviceId: 'first-use', printers: [] }), code, 'first');
    await expect(pairWithCode(other, code, 'again')).rejects.toThrow(/already used/);
    const c = decodePairingCode(hub.pairingCode('door'));
    const altered = encodePairingCode({ ...c, fingerprint: 'A'.repeat(64) });
    await expect(pairWithCode(Uketsuke.open(path.join(tempDir(), 'z.db'), { deviceId: 'mitm-victim', printers: [] }), altered, 'x')).rejects.toThrow(/not your hub/);
    // Revoked: the credential no longer works.
    expect(cli(hub.home, 'devices', '--db', hubFile, '--revoke', 'refused-desk').code).toBe(0);
    const after = await post(`${url}/sync/v1/pull`, '{"vector":{}}', { Authorization: `Bearer ${credential}` });
    expect(after.status).toBe(401);
    expect(after.text).toMatch(/removed from the event/);
    station.close();
  }, 60_000);
});
