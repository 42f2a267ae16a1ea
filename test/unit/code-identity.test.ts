// The desk search's code path: a badge QR or registration code opens its person through the doors' identification
// (checkin/identify.ts); a reissued, cancelled, foreign or damaged code says what it is. Real SQLite (makeApp).
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, smallEventSpec, type TestApp } from '../helpers.js';

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.app.close();
});
const open = (spec = smallEventSpec()) => {
  const t = makeApp(spec);
  apps.push(t);
  return t;
};

describe('identifyCode (desk search)', () => {
  it('a badge token and a registration code open the person, whitespace and wedge CR/LF around them or not', () => {
    const t = open();
    const d = t.add({ familyName: 'Sato', familyNameKanji: '佐藤', externalCode: 'EJRC-2027-000777' });
    expect(t.app.dispatch('identifyCode', { code: `${d.token}\r\n` })).toMatchObject({ kind: 'person', via: 'badge', delegate: { id: d.id, familyNameKanji: '佐藤' } });
    expect(t.app.dispatch('identifyCode', { code: ' EJRC-2027-000777 ' })).toMatchObject({ kind: 'person', via: 'registration_code', delegate: { id: d.id } });
  });

  it('a reissued badge names its person and both issues; the registration code still finds them', () => {
    const t = open();
    const d = t.add({ familyName: 'Lost', externalCode: 'EJRC-2027-000778' });
    t.app.dispatch('reissueBadge', { delegateId: d.id });
    expect(t.app.dispatch('identifyCode', { code: d.token })).toMatchObject({ kind: 'revoked', presentedIssue: 1, currentIssue: 2, delegate: { id: d.id } });
    expect(t.app.dispatch('identifyCode', { code: 'EJRC-2027-000778' })).toMatchObject({ kind: 'person', delegate: { id: d.id } });
  });

  it('a cancelled registration says so', () => {
    const t = open();
    const d = t.add({ familyName: 'Gone' });
    t.app.db.prepare("UPDATE delegate SET status = 'cancelled' WHERE id = ?").run(d.id);
    expect(t.app.dispatch('identifyCode', { code: d.token })).toMatchObject({ kind: 'cancelled', delegate: { id: d.id } });
  });

  it("another event's badge, an altered badge and a cut-off badge are invalid with their problem", () => {
    const here = open();
    const there = open(smallEventSpec({ id: 'another-event' }));
    const foreign = there.add({ familyName: 'Elsewhere' }).token;
    const mine = here.add({ familyName: 'Here' }).token;
    expect(here.app.dispatch('identifyCode', { code: foreign })).toEqual({ kind: 'invalid', problem: 'other_event' });
    const last = mine.at(-1) === 'A' ? 'B' : 'A';
    expect(here.app.dispatch('identifyCode', { code: mine.slice(0, -1) + last })).toMatchObject({ kind: 'invalid' });
    expect(here.app.dispatch('identifyCode', { code: mine.slice(0, 20) })).toEqual({ kind: 'invalid', problem: 'malformed' });
  });

  it('names, fragments and unknown codes are not codes: the search answers them', () => {
    const t = open();
    t.add({ familyName: 'Gifu' });
    for (const q of ['', 'gi', 'gifu', 'Sato Makoto', 'NOPE-0000-000000', '佐藤', 'x'.repeat(600)]) {
      const r = t.app.dispatch('identifyCode', { code: q });
      expect(r.kind === 'none' || (r.kind === 'invalid' && q.length > 512), q).toBe(true);
    }
  });
});
