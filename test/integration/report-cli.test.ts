// `uketsuke report` as users run it: the built CLI in a child process, over a real event file.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.js';
import { pdfPages, pdfWords } from './pdf-tools.js';

const BIN = path.resolve('bin/uketsuke.mjs');

function uketsuke(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('uketsuke report', () => {
  const dir = tempDir();
  const db = path.join(dir, 'event.db');

  beforeAll(() => {
    expect(uketsuke('demo', '--db', db, '--delegates', '40').code).toBe(0);
    // Misaki Takahashi arrives on Day 1 and boards bus 1 on Day 3.
    expect(uketsuke('scan', '--db', db, '--checkpoint', 'cp-registration', '--at', '2027-04-27T07:05:00Z', 'EJRC-3700-1365-9578').code).toBe(0);
    expect(uketsuke('scan', '--db', db, '--checkpoint', 'cp-bus-1', '--at', '2027-04-29T06:10:00Z', 'EJRC-3700-1365-9578').code).toBe(0);
  });

  it('writes each kind as the file its extension names, in the language asked for', () => {
    const pdf = path.join(dir, 'attendance.pdf');
    const r = uketsuke('report', '--db', db, '--kind', 'attendance', '--out', pdf, '--lang', 'ja', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ out: pdf, kind: 'attendance', format: 'pdf', lang: 'ja', bytes: fs.statSync(pdf).size });
    expect(pdfWords(pdf)).toContain('入場状況');
    const csv = path.join(dir, 'manifest.csv');
    expect(uketsuke('report', '--db', db, '--kind', 'bus-manifest', '--out', csv).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/Bus 1 — Biovalley cluster,[^,]+,Takahashi,Misaki,髙橋 美咲,[^,]+,\d+,Yes,Yes,2027-04-29 08:10/);
    const xlsx = path.join(dir, 'origin.xlsx');
    expect(uketsuke('report', '--db', db, '--kind', 'origin', '--out', xlsx).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('certificates for the delegates named, in their language', () => {
    const out = path.join(dir, 'certificate.pdf');
    expect(uketsuke('report', '--db', db, '--kind', 'certificates', '--out', out, '--delegate', 'misaki.takahashi@iwate.example.jp').code).toBe(0);
    expect(pdfPages(out)).toBe(1);
    expect(pdfWords(out)).toMatch(/参加証明書 .*髙橋 美咲 TAKAHASHI Misaki/);
  });

  it('exit codes: 2 for bad usage, 1 for what cannot be processed', () => {
    const out = path.join(dir, 'x.pdf');
    expect(uketsuke('report', '--db', db, '--kind', 'everything', '--out', out).code).toBe(2);
    expect(uketsuke('report', '--db', db, '--kind', 'audit', '--out', path.join(dir, 'x.txt')).code).toBe(2);
    expect(uketsuke('report', '--db', db, '--kind', 'audit').code).toBe(2);
    expect(uketsuke('report', '--db', db, '--kind', 'audit', '--out', out, '--lang', 'fr').code).toBe(2);
    const missing = uketsuke('report', '--db', path.join(dir, 'nope.db'), '--kind', 'audit', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No event file');
    expect(uketsuke('report', '--db', db, '--kind', 'certificates', '--out', out, '--delegate', 'nobody@example.org').code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});
