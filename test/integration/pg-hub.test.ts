// The organisers' hub on a real PostgreSQL server: two hub processes over one database, a venue hub forwarding its
// event upstream, a kiosk at the venue and an organisers' station far away; one hub process SIGKILLed mid-sync.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uketsuke } from '../../electron/services/uketsuke.js';
import { buildDemo } from '../../electron/demo/build-demo.js';
import { connectStation, pairWithCode } from '../../electron/host/hub/connect.js';
import { smallEventSpec, tempDir } from '../helpers.js';
import { cli, freePort, HubProcess, startCli, until } from '../hub-rig.js';

const ADMIN_URL = process.env.UKETSUKE_PG_URL;

const startProcess = startCli;

const kill = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGKILL'))));

describe('organisers\' hub on PostgreSQL', () => {
  // CI starts a PostgreSQL server (.ci/run, scripts/test.mjs); without one this test fails rather than skip.
  const dir = tempDir();
  const dbName = `uketsuke_test_${process.pid}`;
  let url = '';
  const children: ChildProcess[] = [];
  let orgA: ChildProcess;
  const ports: number[] = [];

  beforeAll(async () => {
    expect(ADMIN_URL, 'UKETSUKE_PG_URL must point at a PostgreSQL server (npm test starts one)').toBeTruthy();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    url = ADMIN_URL!.replace(/\/[^/]*$/, `/${dbName}`);
    ports.push(await freePort(), await freePort());
    const a = await startProcess(['hub', '--db', url, '--port', String(ports[0]), '--json'], path.join(dir, 'org-a'));
    const b = await startProcess(['hub', '--db', url, '--port', String(ports[1]), '--json'], path.join(dir, 'org-b'));
    orgA = a.child;
    children.push(a.child, b.child);
  }, 60_000);

  afterAll(async () => {
    for (const c of children) await kill(c);
  });

  it('kiosk → venue hub → organisers\' hub converge; organisers\' cancellations reach the kiosk; a hub process killed mid-sync loses nothing', async () => {
    // The venue: a hub on its event file, paired upstream with a venue code from the organisers' hub.
    const venueFile = path.join(dir, 'venue.db');
    const setup = Uketsuke.open(venueFile, { deviceId: 'venue-hub-1', printers: [] });
    buildDemo(setup, { delegates: 60 });
    const tokens = setup.delegates.search('', 60).map((h) => ({ id: h.id, token: setup.delegates.tokenFor(setup.delegates.get(h.id))! }));
    setup.close();
    const venueCode = cli(path.join(dir, 'cli'), 'pairing-code', '--db', url, '--role', 'venue', '--json');
    expect(venueCode.code, venueCode.stderr).toBe(0);
    const code = JSON.parse(venueCode.stdout) as { code: string; hub: string[] };
    expect(code.hub).toHaveLength(2);
    const venuePort = await freePort();
    const venue = await startProcess(['hub', '--db', venueFile, '--port', String(venuePort), '--upstream', code.code, '--json'], path.join(dir, 'venue-home'));
    children.push(venue.child);
    const pool = new pg.Pool({ connectionString: url });
    const pgCount = async () => Number(((await pool.query('SELECT count(*) AS n FROM hub_entry')).rows[0] as { n: string }).n);
    const venueHub = new HubProcess(venueFile, venuePort, dir);
    Object.assign(venueHub, { home: path.join(dir, 'venue-home') });

    // A kiosk at the venue, an organisers' station far away (paired with the organisers' hub, both addresses).
    const kiosk = Uketsuke.open(path.join(dir, 'kiosk.db'), { deviceId: 'kiosk-1', printers: [] });
    await pairWithCode(kiosk, venueHub.pairingCode('kiosk'), 'Kiosk 1');
    connectStation(kiosk, { maxBackoffMs: 500 });
    const orgCode = cli(path.join(dir, 'cli'), 'pairing-code', '--db', url, '--role', 'organiser', '--event', 'eu-japan-regions-strasbourg', '--json');
    expect(orgCode.code, orgCode.stderr).toBe(0);
    const office = Uketsuke.open(path.join(dir, 'office.db'), { deviceId: 'office-1', printers: [] });
    const joined = await pairWithCode(office, (JSON.parse(orgCode.stdout) as { code: string }).code, 'Organisers office');
    expect(joined.delegates).toBe(60);
    connectStation(office, { maxBackoffMs: 500 });

    // A check-in at the kiosk reaches the organisers.
    const first = tokens[0]!;
    expect(kiosk.dispatch('scan', { checkpointId: 'cp-registration', code: first.token }).verdict).toBe('admitted');
    await until(() => office.db.prepare("SELECT 1 FROM admission WHERE target_key = 'cp-registration' AND delegate_id = ?").get(first.id) !== undefined, 20_000, 'the kiosk scan at the organisers');

    // The organisers cancel a registration; the kiosk refuses the badge.
    const cancelled = tokens[1]!;
    office.core.tx(() => office.delegates.setCancelled(cancelled.id, true));
    await until(() => (kiosk.db.prepare('SELECT status FROM delegate WHERE id = ?').pluck().get(cancelled.id) as string) === 'cancelled', 20_000, 'the cancellation at the kiosk');
    expect(kiosk.dispatch('scan', { checkpointId: 'cp-registration', code: cancelled.token }).verdict).toBe('revoked');

    // A burst at both ends while one organisers' hub process is SIGKILLed: the others carry on.
    const burst = async (s: Uketsuke, from: number) => {
      for (let i = from; i < tokens.length; i += 2) {
        s.dispatch('scan', { checkpointId: 'cp-d1-opening', code: tokens[i]!.token });
        if (i % 6 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    };
    const running = [burst(kiosk, 2), burst(office, 3)];
    await new Promise((r) => setTimeout(r, 20));
    await kill(orgA);
    await Promise.all(running);
    const logSize = (u: Uketsuke) => u.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    const scans = (u: Uketsuke) => u.db.prepare("SELECT count(*) FROM scan WHERE checkpoint_id = 'cp-d1-opening'").pluck().get() as number;
    await until(() => scans(kiosk) === tokens.length - 2 && scans(office) === tokens.length - 2 && logSize(kiosk) === logSize(office), 45_000, 'kiosk and organisers to hold every scan').catch((e: Error) => {
      throw new Error(`${e.message}: kiosk ${scans(kiosk)}/${logSize(kiosk)}, office ${scans(office)}/${logSize(office)} ${JSON.stringify([kiosk.hubRole.syncStatus(), office.hubRole.syncStatus()])}`);
    });
    expect(scans(kiosk)).toBe(scans(office));
    expect(scans(kiosk)).toBe(tokens.length - 2);
    const inPg = await pgCount();
    expect(inPg).toBe(logSize(office));
    // Nothing twice: one row per entry id and per (device, sequence).
    const dup = await pool.query('SELECT count(*) AS n FROM (SELECT device_id, device_seq FROM hub_entry GROUP BY 1, 2 HAVING count(*) > 1) x');
    expect(Number((dup.rows[0] as { n: string }).n)).toBe(0);

    // The upstream link comes and goes (every organisers' hub process killed, then restarted) while the kiosk scans.
    for (let round = 0; round < 3; round++) {
      for (const c of children.slice(0, 2)) await kill(c);
      for (let i = 0; i < 5; i++) kiosk.dispatch('scan', { checkpointId: 'cp-d1-policies', code: tokens[(round * 5 + i) % tokens.length]!.token });
      await new Promise((r) => setTimeout(r, 300));
      const a = await startProcess(['hub', '--db', url, '--port', String(ports[0]), '--json'], path.join(dir, 'org-a'));
      const b = await startProcess(['hub', '--db', url, '--port', String(ports[1]), '--json'], path.join(dir, 'org-b'));
      children.splice(0, 2, a.child, b.child);
    }
    const venueLog = () => {
      const v = Uketsuke.open(venueFile, { deviceId: 'venue-reader', printers: [] });
      try {
        return v.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
      } finally {
        v.close();
      }
    };
    await until(() => scans(office) === tokens.length - 2 && (office.db.prepare("SELECT count(*) FROM scan WHERE checkpoint_id = 'cp-d1-policies'").pluck().get() as number) === 15, 45_000, 'the scans made while the link was down to reach the organisers');
    expect(await pgCount()).toBe(venueLog());

    // After the event the organisers purge: personal data leaves PostgreSQL and every station on its next sync.
    const email = office.db.prepare('SELECT email FROM delegate WHERE email IS NOT NULL LIMIT 1').pluck().get() as string;
    office.privacy.purge({ force: true });
    await until(() => kiosk.db.prepare('SELECT count(*) FROM delegate WHERE email IS NOT NULL').pluck().get() === 0, 30_000, 'the purge at the kiosk');
    const leaked = await pool.query('SELECT count(*) AS n FROM hub_entry WHERE payload LIKE $1', [`%${email}%`]);
    expect(Number((leaked.rows[0] as { n: string }).n)).toBe(0);
    expect(kiosk.db.prepare("SELECT count(*) FROM scan WHERE checkpoint_id = 'cp-d1-opening'").pluck().get()).toBe(tokens.length - 2);
    kiosk.close();
    office.close();
    await pool.end();
  }, 180_000);

  it('two events on one organisers\' hub: nothing crosses, and a device enrolled for one is refused for the other', async () => {
    const secondFile = path.join(dir, 'second-venue.db');
    const second = Uketsuke.open(secondFile, { deviceId: 'venue-hub-2', printers: [] });
    second.event.create(smallEventSpec({ id: 'osaka-2027', name: 'Osaka follow-up' }));
    second.dispatch('walkIn', { familyName: 'Only', givenName: 'InOsaka' });
    second.close();
    const venueCode = JSON.parse(cli(path.join(dir, 'cli'), 'pairing-code', '--db', url, '--role', 'venue', '--json').stdout) as { code: string };
    const hub2 = await startProcess(['hub', '--db', secondFile, '--port', String(await freePort()), '--upstream', venueCode.code, '--json'], path.join(dir, 'venue2-home'));
    children.push(hub2.child);
    const pool = new pg.Pool({ connectionString: url });
    const osakaCode = () => (JSON.parse(cli(path.join(dir, 'cli'), 'pairing-code', '--db', url, '--role', 'organiser', '--event', 'osaka-2027', '--json').stdout) as { code: string }).code;
    const station = Uketsuke.open(path.join(dir, 'osaka-office.db'), { deviceId: 'osaka-office', printers: [] });
    let joined = await pairWithCode(station, osakaCode(), 'Osaka office').catch((e: Error) => e);
    // The venue hub may still be forwarding its event: try again until it is there.
    for (let i = 0; i < 50 && joined instanceof Error; i++) {
      await new Promise((r) => setTimeout(r, 200));
      joined = await pairWithCode(station, osakaCode(), 'Osaka office').catch((e: Error) => e);
    }
    if (joined instanceof Error) throw joined;
    expect(joined.eventId).toBe('osaka-2027');
    expect(station.db.prepare('SELECT id FROM event').pluck().all()).toEqual(['osaka-2027']);
    expect(station.db.prepare('SELECT family_name FROM delegate').pluck().all()).toEqual(['Only']);
    const crossed = await pool.query("SELECT count(*) AS n FROM hub_entry WHERE event_id = 'osaka-2027' AND payload LIKE '%eu-japan%'");
    expect(Number((crossed.rows[0] as { n: string }).n)).toBe(0);
    // The office station of the Strasbourg event cannot enrol for Osaka.
    const other = Uketsuke.open(path.join(dir, 'office-again.db'), { deviceId: 'office-1', printers: [] });
    await expect(pairWithCode(other, osakaCode(), 'office again')).rejects.toThrow(/enrolled for the event eu-japan-regions-strasbourg/);
    station.close();
    other.close();
    await pool.end();
  }, 120_000);
});
