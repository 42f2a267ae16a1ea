// The CLI as users run it: the built `uketsuke` in a child process, over a real SQLite file.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from '../helpers.js';

const BIN = path.resolve('bin/uketsuke.mjs');

function uketsuke(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as unknown };
}

interface CliDelegate { id: string; email: string; familyName: string; givenName: string; familyNameKanji: string | null; checkpoints: string[]; token: string }
interface CliScan { verdict: string; reason: string; delegate: { familyName: string } | null; previous: { at: string; checkpointId: string; checkpointName: string } | null }

describe('uketsuke CLI', () => {
  const db = path.join(tempDir(), 'cli.db');
  let delegates: CliDelegate[];

  beforeAll(() => {
    const made = uketsuke('demo', '--db', db, '--json');
    expect(made.code).toBe(0);
    expect(made.json()).toMatchObject({ delegates: 400, checkpoints: 15, rehearsal: true });
    const list = uketsuke('delegates', '--db', db, '--json');
    expect(list.code).toBe(0);
    delegates = list.json() as CliDelegate[];
  });

  it('lists delegates with names as given (NFC), their checkpoints and badge token', () => {
    expect(delegates).toHaveLength(400);
    const misaki = delegates.find((d) => d.email === 'misaki.takahashi@iwate.example.jp')!;
    expect(misaki.familyNameKanji).toBe('髙橋');
    expect(misaki.checkpoints).toContain('cp-bus-1');
    expect(misaki.token).toMatch(/^U1[A-Z2-7]+$/);
    const zofia = delegates.find((d) => d.email === 'zofia.muller-lukasiewicz@mazovia.example.pl')!;
    expect(zofia.familyName).toBe('Müller-Łukasiewicz'.normalize('NFC'));
    const searched = uketsuke('delegates', '--db', db, '--json', '--search', 'obriain').json() as CliDelegate[];
    expect(searched.map((d) => d.familyName)).toContain('Ó Briain');
    // The desk's forgiving search too: an anglicised spelling.
    const forgiven = uketsuke('delegates', '--db', db, '--json', '--search', "O'Brien").json() as CliDelegate[];
    expect(forgiven.map((d) => d.familyName)).toContain('Ó Briain');
  });

  it('lists checkpoints in the contract shape', () => {
    const cps = uketsuke('checkpoints', '--db', db, '--json').json() as { id: string; name: string; kind: string; capacity: number | null }[];
    expect(cps.find((c) => c.id === 'cp-bus-1')).toMatchObject({ kind: 'bus', capacity: 49 });
    expect(new Set(cps.map((c) => c.kind))).toEqual(new Set(['venue', 'session', 'meeting', 'bus']));
  });

  it('scan at a Day 3 bus: admitted, then already_checked_in with time and checkpoint; not_registered elsewhere; forged when altered', () => {
    const d = delegates.find((x) => x.checkpoints.includes('cp-bus-1') && !x.checkpoints.includes('cp-bus-2'))!;
    const first = uketsuke('scan', '--db', db, '--checkpoint', 'cp-bus-1', '--json', d.token);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ verdict: 'admitted', delegate: { familyName: d.familyName } });
    const second = uketsuke('scan', '--db', db, '--checkpoint', 'cp-bus-1', '--json', d.token).json() as CliScan;
    expect(second.verdict).toBe('already_checked_in');
    expect(second.previous).toMatchObject({ checkpointId: 'cp-bus-1', checkpointName: 'Bus 1 — Biovalley cluster' });
    expect(Date.parse(second.previous!.at)).not.toBeNaN();
    const other = uketsuke('scan', '--db', db, '--checkpoint', 'cp-bus-2', '--json', d.token).json() as CliScan;
    expect(other.verdict).toBe('not_registered');
    const i = 60;
    const altered = d.token.slice(0, i) + (d.token[i] === 'Q' ? 'R' : 'Q') + d.token.slice(i + 1);
    const forged = uketsuke('scan', '--db', db, '--checkpoint', 'cp-bus-1', '--json', altered);
    expect(forged.code).toBe(0);
    expect((forged.json() as CliScan).verdict).toBe('forged');
  });

  it('enforces time windows on a live event (--live) and accepts --at for the scan time', () => {
    const live = path.join(tempDir(), 'live.db');
    expect(uketsuke('demo', '--db', live, '--live', '--delegates', '20').code).toBe(0);
    const d = (uketsuke('delegates', '--db', live, '--json').json() as CliDelegate[]).find((x) => x.checkpoints.includes('cp-bus-1'))!;
    const early = uketsuke('scan', '--db', live, '--checkpoint', 'cp-bus-1', '--json', '--at', '2027-04-29T04:00:00Z', d.token).json() as CliScan;
    expect(early.verdict).toBe('outside_time_window');
    const onTime = uketsuke('scan', '--db', live, '--checkpoint', 'cp-bus-1', '--json', '--at', '2027-04-29T06:15:00Z', d.token).json() as CliScan;
    expect(onTime.verdict).toBe('admitted');
  });

  it('exit codes: 2 for bad usage, 1 for input it cannot process', () => {
    expect(uketsuke('scan', '--db', db, d0()).code).toBe(2);
    expect(uketsuke('frobnicate').code).toBe(2);
    expect(uketsuke('scan', '--db', db, '--bogus-flag').code).toBe(2);
    const missing = uketsuke('scan', '--db', path.join(tempDir(), 'none.db'), '--checkpoint', 'x', 'CODE');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No event file/);
    const unknownCp = uketsuke('scan', '--db', db, '--checkpoint', 'nope', 'CODE');
    expect(unknownCp.code).toBe(1);
    expect(unknownCp.stderr).toMatch(/No checkpoint/);
    expect(uketsuke('demo', '--db', db).code).toBe(1);
  });

  function d0() {
    return delegates[0]!.token;
  }
});

describe('uketsuke import / export', () => {
  it('import into a new file creates an empty event; JSON in the contract shape; --dry-run writes nothing; --rejects saves rows to fix', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'new-event.db');
    const src = path.join(dir, 'reg.csv');
    const fs = await import('node:fs');
    fs.writeFileSync(src, 'First name,Last name,Email\nAmélie,Lefèvre,amelie@example.fr\nBad,Email,nope\n,,nobody\n');
    const dry = uketsuke('import', src, '--db', db, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ imported: 2, updated: 0, rejected: [{ line: 4, reason: 'No name: give a family or given name.' }], flagged: [{ line: 3, flag: 'email_invalid', value: 'nope' }], dryRun: true });
    expect((uketsuke('delegates', '--db', db, '--json').json() as unknown[]).length).toBe(0);
    const rejects = path.join(dir, 'fix.csv');
    const real = uketsuke('import', src, '--db', db, '--json', '--rejects', rejects);
    expect(real.json()).toMatchObject({ imported: 2, rejected: [{ line: 4 }] });
    expect(fs.readFileSync(rejects, 'utf8')).toContain(',,nobody,4,');
    expect(uketsuke('checkpoints', '--db', db, '--json').json()).toEqual([expect.objectContaining({ id: 'cp-entrance', kind: 'venue' })]);
    const out = path.join(dir, 'out.xlsx');
    expect(uketsuke('export', '--db', db, '--format', 'xlsx', '--out', out).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(uketsuke('import', path.join(dir, 'missing.csv'), '--db', db).code).toBe(1);
    expect(uketsuke('export', '--db', db, '--format', 'pdf', '--out', out).code).toBe(2);
  });
});
