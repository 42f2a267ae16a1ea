// Item 12 of issue 23: a NUL (or a lone surrogate) in a scanned code or any text field never reaches the log,
// because PostgreSQL jsonb cannot store it and the organisers' hub's purge then failed for good.
import { afterEach, describe, expect, it } from 'vitest';
import { storableText, unstorableText } from '../../electron/services/model/entry-text.js';
import { parseEntry } from '../../electron/services/replication/entries.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp | undefined;
afterEach(() => t?.app.close());

const scanEntry = (code: string, type = 'scan.recorded') => ({
  entryId: '00000000-0000-4000-8000-0000000000a1', deviceId: 'dev-door', deviceSeq: 1, hlc: '1800000000000-0000-dev-door', type,
  payload: {
    id: 's-1', checkpointId: 'venue', targetKey: 'venue', delegateId: null, badgeNo: null, code, verdict: 'forged', reason: 'Unreadable input.',
    day: '2027-04-27', admissionDay: '2027-04-27', scannedAt: '2027-04-27T09:00:00.000Z', overrideReason: null,
  },
});

describe('text no hub can store', () => {
  it('finds a NUL or a lone surrogate anywhere in a payload, and says where', () => {
    expect(unstorableText({ a: 'fine', b: ['ok', { c: 'x\u0000y' }] })).toBe('payload.b.1.c');
    expect(unstorableText({ name: 'broken \ud800 half' })).toBe('payload.name');
    expect(unstorableText({ name: 'low \udc00 half' })).toBe('payload.name');
    expect(unstorableText({ ['k\u0000']: 1 })).toBe('payload.<key>');
    expect(unstorableText({ name: 'Zofia 🎉 髙橋 \t tab and\nline' })).toBeNull();
    expect(unstorableText(null)).toBeNull();
  });

  it('makes raw input storable: controls and broken halves become U+FFFD, pairs stay', () => {
    expect(storableText('ab\u0000c\u0007d')).toBe('ab\ufffdc\ufffdd');
    expect(storableText('x\ud800y')).toBe('x\ufffdy');
    expect(storableText('🎉')).toBe('🎉');
    expect(unstorableText(storableText('a\u0000\udfff'))).toBeNull();
  });

  it('parseEntry refuses an entry from another device with a NUL in its payload or type', () => {
    const bad = parseEntry(scanEntry('TICKET\u00001234'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/payload\.code/);
    expect(parseEntry(scanEntry('x', 'legacy.\u0000')).ok).toBe(false);
    expect(parseEntry({ ...scanEntry('x', 'legacy.old'), payload: { blob: 'a\u0000' } }).ok).toBe(false);
    expect(parseEntry(scanEntry('TICKET-1234')).ok).toBe(true);
  });

  it('a scanned code with a NUL is kept as a denied scan, without the NUL, in the log', () => {
    t = makeApp();
    const r = t.app.dispatch('scan', { checkpointId: 'venue', code: 'ORDER\u0000A1B2' });
    expect(r.verdict).toBe('forged');
    const payloads = t.app.db.prepare("SELECT payload FROM change_log WHERE type = 'scan.recorded'").pluck().all() as string[];
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).not.toContain('\\u0000');
    expect(JSON.parse(payloads[0]!).code).toBe('ORDER\ufffdA1B2');
    expect(t.app.db.prepare('SELECT code FROM scan').pluck().get()).toBe('ORDER\ufffdA1B2');
  });
});
