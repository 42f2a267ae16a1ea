// `uketsuke event create`, `event --json`, `programme import` and `cancel` as users run them: the built CLI in a
// child process over a real file. Exit codes: 0 done, 1 the input could not be processed, 2 bad usage.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.js';

const BIN = path.resolve('bin/uketsuke.mjs');
const FIX = path.resolve('test/fixtures/programme');

function uketsuke(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as unknown };
}

interface CliEvent {
  id: string;
  name: string;
  timezone: string;
  days: { dayNo: number; date: string }[];
  sessions: { id: string; uid: string; title: string; startsAt: string; endsAt: string; checkpointId: string }[];
  checkpoints: { id: string; kind: string; targetId: string | null }[];
}

describe('uketsuke event, programme, cancel', () => {
  const db = path.join(tempDir(), 'own.db');

  it('creates an event of your own, imports its programme twice without duplicates, and prints it', () => {
    expect(uketsuke('event', 'create', '--db', db, '--name', 'EU-Japan 2027', '--start', '2027-04-27', '--end', '2027-04-29', '--tz', 'Europe/Paris', '--venue', 'Strasbourg').code).toBe(0);
    const first = uketsuke('programme', 'import', path.join(FIX, 'indico-timetable.ics'), '--db', db, '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ created: 3, updated: 0, rejected: [] });
    const dry = uketsuke('programme', 'import', path.join(FIX, 'google-calendar.ics'), '--db', db, '--json', '--dry-run');
    expect(dry.json()).toMatchObject({ created: 1, updated: 0, rejected: [{ uid: '5k2l0c9m1v2q@google.com', reason: expect.stringMatching(/all-day/) }, { uid: '7h3coffee@google.com' }] });
    const again = uketsuke('programme', 'import', path.join(FIX, 'indico-timetable.ics'), '--db', db, '--json');
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const event = uketsuke('event', '--db', db, '--json');
    expect(event.code).toBe(0);
    const e = event.json() as CliEvent;
    expect(e).toMatchObject({ name: 'EU-Japan 2027', timezone: 'Europe/Paris', days: [{ date: '2027-04-27' }, { date: '2027-04-28' }, { date: '2027-04-29' }] });
    expect(e.sessions.map((s) => [s.title, s.startsAt])).toEqual([
      ['Opening session', '2027-04-27T09:00:00.000Z'],
      ['Cooperation policies, instruments and experience', '2027-04-27T12:00:00.000Z'],
      ['Pitch session of European and Japanese clusters', '2027-04-28T07:00:00.000Z'],
    ]);
    expect(e.checkpoints.filter((c) => c.kind === 'session').map((c) => c.targetId)).toEqual(e.sessions.map((s) => s.id));
  });

  it('cancels a delegate: the badge is denied with "cancelled"', () => {
    expect(uketsuke('import', path.join(tempDir(), 'none.csv'), '--db', db).code).toBe(1);
    const csv = path.join(tempDir(), 'regs.csv');
    fs.writeFileSync(csv, 'Last name,First name,Email,Registration code\nTanaka,Yuki,yuki@example.jp,REG-0001\n');
    expect(uketsuke('import', csv, '--db', db, '--json').code).toBe(0);
    const r = uketsuke('cancel', '--db', db, '--delegate', 'REG-0001', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ email: 'yuki@example.jp', status: 'cancelled' });
    const scan = uketsuke('scan', '--db', db, '--checkpoint', 'cp-entrance', '--json', 'REG-0001');
    expect(scan.json()).toMatchObject({ verdict: 'revoked', reason: expect.stringMatching(/cancel/i) });
  });

  it('answers 2 for bad usage and 1 for input it cannot process', () => {
    expect(uketsuke('event', 'create', '--db', db, '--name', 'x').code).toBe(2);
    expect(uketsuke('event', 'create', '--db', db, '--name', 'x', '--start', '27/04/2027', '--end', '2027-04-29', '--tz', 'UTC').code).toBe(2);
    expect(uketsuke('event', 'create', '--db', db, '--name', 'x', '--start', '2027-04-27', '--end', '2027-04-29', '--tz', 'UTC').code).toBe(1);
    const other = path.join(tempDir(), 'x.db');
    const badZone = uketsuke('event', 'create', '--db', other, '--name', 'x', '--start', '2027-04-27', '--end', '2027-04-29', '--tz', 'Mars/Olympus');
    expect([badZone.code, badZone.stderr]).toEqual([1, expect.stringMatching(/time zone/)]);
    expect(uketsuke('programme', 'import', '--db', db).code).toBe(2);
    expect(uketsuke('programme', 'import', path.join(FIX, 'nope.ics'), '--db', db).code).toBe(1);
    expect(uketsuke('programme', 'import', BIN, '--db', db, '--json').code).toBe(1);
    expect(uketsuke('cancel', '--db', db).code).toBe(2);
    expect(uketsuke('cancel', '--db', db, '--delegate', 'nobody@example.org').code).toBe(1);
    expect(uketsuke('event', '--db', path.join(tempDir(), 'missing.db'), '--json').code).toBe(1);
  });
});
