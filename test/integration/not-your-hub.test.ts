// Another machine at the hub's address (issue 23, item 19), with real hub processes over HTTPS on loopback: a
// station paired with one hub meets a second hub on the same port with its own certificate. It must say "this is
// not your hub" (in both languages), not "Cannot reach the hub", and not knock again as it would in an outage.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { connectStation, pairWithCode } from '../../electron/host/hub/connect.js';
import { ServiceError } from '../../electron/services/core.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';
import { tempDir } from '../helpers.js';
import { freePort, HubProcess, pairedStation } from '../hub-rig.js';

function hubFile(dir: string, deviceId: string): string {
  const file = path.join(dir, 'hub.db');
  const setup = Uketsuke.open(file, { deviceId, printers: [] });
  buildDemo(setup, { delegates: 20 });
  setup.close();
  return file;
}

describe('a certificate that is not the pinned one', () => {
  const hubs: HubProcess[] = [];
  afterAll(async () => {
    for (const h of hubs) await h.kill();
  });

  it('says "this is not your hub" at pairing and while syncing, and does not retry it as an outage', async () => {
    const port = await freePort();
    const dirA = tempDir();
    const real = new HubProcess(hubFile(dirA, 'real-hub'), port, dirA);
    hubs.push(real);
    await real.start();
    const door = await pairedStation(real, 'door-mitm', 'door');
    const laterCode = real.pairingCode('door');
    await real.kill();
    const dirB = tempDir();
    const other = new HubProcess(hubFile(dirB, 'other-hub'), port, dirB);
    hubs.push(other);
    await other.start();

    const sync = connectStation(door, { waitMs: 0, maxBackoffMs: 200 })!;
    await expect(sync.syncOnce()).rejects.toThrow(/not your hub/);
    const status = sync.status();
    expect(status.notYourHub).toBe(true);
    expect(status.online).toBe(false);
    expect(status.lastError).toMatch(/not your hub/);
    expect(status.lastError).not.toMatch(/Cannot reach/);
    await sync.stop();

    const fresh = Uketsuke.open(path.join(tempDir(), 'fresh.db'), { deviceId: 'fresh-door', printers: [] });
    const refused = await pairWithCode(fresh, laterCode, 'fresh').then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).say?.key).toBe('hub_not_yours');
    expect((refused as ServiceError).message).not.toMatch(/Cannot reach/);
    expect(en.core.hub_not_yours).toMatch(/not your hub/);
    expect(ja.core.hub_not_yours).toMatch(/あなたのハブではありません/);
    expect(ja.status.notYourHub).toMatch(/あなたのハブではありません/);
    fresh.close();
    door.close();
  }, 60_000);
});
