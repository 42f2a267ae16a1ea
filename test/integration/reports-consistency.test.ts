// The reports agree with each other and with the live dashboard on a demo event after its three days (the real
// programme, scans through the check-in service, a double entry merged from a second device): the same people are
// counted the same way whichever report counts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../electron/services/reports/context.js';
import { Facts } from '../../electron/services/reports/facts.js';
import { attendanceFigures } from '../../electron/services/reports/kinds/attendance.js';
import { manifests } from '../../electron/services/reports/kinds/bus-manifest.js';
import { noShowFigures } from '../../electron/services/reports/kinds/no-shows.js';
import { originFigures } from '../../electron/services/reports/kinds/origin.js';
import { meetingLines } from '../../electron/services/reports/kinds/meetings.js';
import { certificatesReport } from '../../electron/services/reports/kinds/certificates.js';
import { reportScene, type Scene } from '../report-scene.js';

let scene: Scene;

beforeAll(() => {
  scene = reportScene(150);
}, 120_000);

afterAll(() => scene.close());

describe('reports agree with each other', () => {
  it('attendance, no-shows, bus manifests, origin, meetings, certificates and the dashboard count the same people', () => {
    const db = scene.app.db;
    const ctx = loadContext(db, 'en', scene.app.core.nowIso());
    const facts = new Facts(db);
    const att = attendanceFigures(ctx, facts);
    const ns = noShowFigures(ctx, facts);
    expect(att.targets.length).toBeGreaterThan(10);
    for (const s of ns.sessions) {
      const a = att.targets.find((x) => x.target.key === s.target.key)!;
      expect([s.target.key, s.registered, s.missing.length]).toEqual([a.target.key, a.registered, a.noShows]);
    }
    expect(att.noShows).toBe(ns.never.length);
    expect(att.registered).toBe(ns.registered);

    for (const m of manifests(ctx, facts)) {
      const a = att.targets.find((x) => x.target.key === m.key)!;
      expect(m.lines.filter((l) => l.boardedAt).length).toBe(a.attended);
      expect(m.lines.filter((l) => l.onList).length).toBe(a.registered);
    }
    // Misaki Takahashi was admitted on bus 1 by two devices: one person on the manifest.
    const bus1 = manifests(ctx, facts).find((m) => m.key === 'bus-1')!;
    expect(bus1.lines.filter((l) => l.person?.email === 'misaki.takahashi@iwate.example.jp')).toHaveLength(1);
    const misaki = bus1.lines.find((l) => l.person?.email === 'misaki.takahashi@iwate.example.jp')!.who;
    expect(db.prepare("SELECT count(DISTINCT device_id) FROM scan WHERE target_key = 'bus-1' AND verdict = 'admitted' AND identity_key = ?").pluck().get(misaki)).toBe(2);

    const origin = originFigures(ctx, facts);
    expect(origin.total.registered).toBe(att.registered);
    expect(origin.total.attended).toBe(att.registered - att.noShows);

    const certs = certificatesReport(ctx).certificates!;
    expect(certs).toHaveLength(att.registered - att.noShows);
    expect(certs.find((c) => c.name.primary === '髙橋 美咲')?.lang).toBe('ja');

    const lines = meetingLines(ctx, facts);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const came = new Set(facts.admitted(l.block).map((a) => a.who));
      expect(l.outcome === 'held').toBe(came.has(l.eu.id) && came.has(l.jp.id));
    }

    const dash = scene.app.dispatch('dashboard', {});
    for (const s of dash.sessions) expect([s.targetKey, s.admitted]).toEqual([s.targetKey, att.targets.find((x) => x.target.key === s.targetKey)!.attended]);
    expect(dash.arrivals.map((d) => [d.date, d.buckets.reduce((n, b) => n + b.n, 0)])).toEqual(att.arrivals.map((d) => [d.date, d.buckets.reduce((n, b) => n + b.n, 0)]));
    expect(dash.registered).toBe(att.registered);
  });
});
