// Device ids belong to the hub's record, not to whoever claims one (issue 23, items 5 and 13), with a real hub
// process over HTTPS on loopback: a pairing code cannot take over a paired desk's id, the device list is for
// organisers only and only read with GET, a station refuses entries in its own name from outside, and a pairing cut
// off before its first load finished is done again with a new code instead of ending half-paired.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { pairWithCode } from '../../electron/host/hub/connect.js';
import { fetchPinnedCertificate, HttpsHubTransport } from '../../electron/host/hub/client.js';
import { decodePairingCode } from '../../electron/services/sync/pairing-code.js';
import { pairStation, readHubLink } from '../../electron/services/sync/station-sync.js';
import { restoreBackup } from '../../db/backups.js';
import { connectStation } from '../../electron/host/hub/connect.js';
import { tempDir } from '../helpers.js';
import { cli, HubProcess, pairedStation } from '../hub-rig.js';
import { hubRequest, startDemoHub } from '../hub-rig.js';

const request = (method: string, url: string, credential: string, body = '') => hubRequest(method, url, body, { Authorization: `Bearer ${credential}` });

describe('device ids from the hub', () => {
  const dir = tempDir();
  const hubFile = path.join(dir, 'hub.db');
  let hub: HubProcess;
  let url: string;

  beforeAll(async () => {
    ({ hub, url } = await startDemoHub(hubFile, dir, 40));
  }, 60_000);

  afterAll(async () => {
    await hub.kill();
  });

  it('a door pairing code cannot claim the desk\'s device id: refused, and the real desk keeps syncing in its own name', async () => {
    const desk = await pairedStation(hub, 'front-desk', 'desk');
    const thief = Uketsuke.open(path.join(tempDir(), 'thief.db'), { deviceId: 'front-desk', printers: [] });
    await expect(pairWithCode(thief, hub.pairingCode('door'), 'front-desk')).rejects.toThrow(/already paired/);
    expect(readHubLink(thief.core)).toBeNull();
    // The desk's credential still works: it was not replaced by the thief's pairing.
    const pulled = await request('POST', `${url}/sync/v1/pull`, readHubLink(desk.core)!.credential, '{"vector":{}}');
    expect(pulled.status).toBe(200);
    thief.close();
    desk.close();
  }, 60_000);

  it('the device list: refused to a door (403), any method but GET refused (405); the organiser\'s hub lists them', async () => {
    const door = await pairedStation(hub, 'side-door', 'door');
    const credential = readHubLink(door.core)!.credential;
    const listed = await request('GET', `${url}/sync/v1/devices`, credential);
    expect(listed.status).toBe(403);
    expect(listed.text).not.toMatch(/front-desk/);
    for (const method of ['DELETE', 'POST', 'PUT']) expect((await request(method, `${url}/sync/v1/devices`, credential)).status).toBe(405);
    expect((await request('GET', `${url}/sync/v1/pull`, credential)).status).toBe(405);
    const local = cli(hub.home, 'devices', '--db', hubFile, '--json');
    expect(local.code, local.stderr).toBe(0);
    expect((JSON.parse(local.stdout) as { deviceId: string }[]).map((d) => d.deviceId)).toContain('side-door');
    door.close();
  }, 60_000);

  it('a desk whose pairing is cut off during its first load pairs again with a new code and gets its signing key', async () => {
    const desk = Uketsuke.open(path.join(tempDir(), 'cut.db'), { deviceId: 'cut-desk', printers: [] });
    const code = decodePairingCode(hub.pairingCode('desk'));
    const pem = await fetchPinnedCertificate(code.hub[0]!, code.fingerprint);
    // The first load is cut off (power, SIGKILL): the transport that would load the event dies on its first pull.
    const cut = (credential: string | null) => {
      const t = new HttpsHubTransport(code.hub, pem, code.fingerprint, credential);
      if (credential) t.pull = () => Promise.reject(new Error('cut off'));
      return t;
    };
    await expect(pairStation(desk.core, cut, code, pem, 'cut-desk')).rejects.toThrow(/cut off/);
    expect(desk.db.prepare('SELECT private_key FROM event').pluck().get() ?? null).toBeNull();
    // Not "already paired": a new code finishes the pairing; the hub knows it is the same desk by its credential.
    const again = await pairWithCode(desk, hub.pairingCode('desk'), 'cut-desk');
    expect(again.delegates).toBe(40);
    expect(readHubLink(desk.core)!.loading).toBeUndefined();
    expect(desk.db.prepare('SELECT private_key FROM event').pluck().get()).toBeTruthy();
    await expect(pairWithCode(desk, hub.pairingCode('desk'), 'cut-desk')).rejects.toThrow(/already paired/);
    desk.close();
  }, 60_000);

  it('a station whose file was restored from a backup says it can no longer sync, instead of "waiting 0"', async () => {
    const desk = await pairedStation(hub, 'restored-desk', 'desk');
    const file = desk.core.db.name;
    const backup = await desk.backups!.backup('auto');
    const ids = desk.db.prepare('SELECT id FROM delegate ORDER BY badge_no LIMIT 2').pluck().all() as string[];
    for (const id of ids) expect(desk.dispatch('scan', { checkpointId: 'cp-registration', code: desk.delegates.tokenFor(desk.delegates.get(id))! }).verdict).toBe('admitted');
    const first = connectStation(desk, { waitMs: 0 })!;
    await first.syncOnce();
    await first.stop();
    desk.close();
    restoreBackup(file, backup, Date.now(), { force: true });
    const restored = Uketsuke.open(file, { deviceId: 'restored-desk', printers: [] });
    const sync = connectStation(restored, { waitMs: 0 })!;
    await sync.syncOnce();
    expect(sync.status().behindOwnHistory).toBe(2);
    expect(sync.status().lastError).toMatch(/restored from a backup/);
    await sync.stop();
    restored.close();
  }, 60_000);

  it('a station refuses a pulled entry that claims its own device id', async () => {
    const door = await pairedStation(hub, 'victim-door', 'door');
    const before = door.core.replica.vector()['victim-door'] ?? 0;
    // The hub's log gets an entry in the door's name that the door never made (as a forged relay would carry).
    await hub.kill();
    const hubApp = Uketsuke.open(hubFile, { deviceId: 'hub-laptop', printers: [] });
    const delegateId = hubApp.db.prepare('SELECT id FROM delegate LIMIT 1').pluck().get() as string;
    const forged = { entryId: '00000000-0000-4000-8000-0000000000a1', deviceId: 'victim-door', deviceSeq: before + 1, hlc: `${String(Date.now()).padStart(13, '0')}-0000-victim-door`, type: 'privacy.exported', payload: { delegateId, at: new Date().toISOString() } };
    expect(hubApp.core.replica.receive([forged]).applied).toBe(1);
    hubApp.close();
    await hub.start();
    const sync = connectStation(door, { waitMs: 0 })!;
    await sync.syncOnce();
    await sync.stop();
    expect(door.core.replica.vector()['victim-door'] ?? 0).toBe(before);
    expect(door.db.prepare("SELECT count(*) FROM change_log WHERE entry_id = '00000000-0000-4000-8000-0000000000a1'").pluck().get()).toBe(0);
    door.close();
  }, 60_000);
});
