// A demo event after its three days, for looking at reports and timing them: most people arrive and go to what
// they registered for, through the real check-in service at the programme's times; some are turned away, one is
// admitted by a supervisor, one check-in is undone, one badge reissued, and one badge is admitted on the Day 3 bus
// by two offline tablets (a double entry, merged through the replication core).
import path from 'node:path';
import { Uketsuke } from '../electron/services/uketsuke.js';
import { buildDemo } from '../electron/demo/build-demo.js';
import { rng } from '../electron/demo/generator.js';
import { demoEventSpec, strasbourgTime, DEMO_DEFAULT_START } from '../electron/demo/programme.js';
import { deliver } from './sync-rig.js';
import { tempDir, TestClock } from './helpers.js';

export interface Scene {
  app: Uketsuke;
  clock: TestClock;
  file: string;
  /** The second tablet of the double entry (closed by `close`). */
  tablet: Uketsuke;
  close(): void;
}

export function reportScene(delegates = 400, dir = tempDir('uketsuke-report-')): Scene {
  const spec = demoEventSpec(DEMO_DEFAULT_START, true);
  const [d1, d2, d3] = spec.days.map((d) => d.date) as [string, string, string];
  const clock = new TestClock(Date.parse(strasbourgTime(d1, '07:30')));
  const file = path.join(dir, 'event.db');
  const app = Uketsuke.open(file, { now: clock.now, deviceId: 'desk-main', printers: [] });
  buildDemo(app, { delegates });
  app.core.tx(() => app.badgeNumbers.reserveFor('tablet-2', 'door', 'Bus tablet 2'));
  const tablet = Uketsuke.open(path.join(dir, 'tablet.db'), { now: clock.now, deviceId: 'tablet-2', printers: [] });
  const r = rng(13);
  const people = app.db.prepare("SELECT id, badge_no FROM delegate WHERE status = 'active' ORDER BY badge_no").all() as { id: string; badge_no: number }[];
  const token = new Map(people.map((p) => [p.id, app.delegates.tokenFor(app.delegates.get(p.id))!]));
  const regs = new Map<string, Set<string>>();
  for (const row of app.db.prepare('SELECT delegate_id, target_id FROM registration').all() as { delegate_id: string; target_id: string }[]) {
    let s = regs.get(row.delegate_id);
    if (!s) regs.set(row.delegate_id, (s = new Set()));
    s.add(row.target_id);
  }
  const at = (date: string, hhmm: string, spreadMin: number) => Date.parse(strasbourgTime(date, hhmm)) + Math.floor(r() * spreadMin) * 60_000;
  type Step = { ms: number; run: () => void };
  const steps: Step[] = [];
  const sessionsOf = (day: 1 | 2) => spec.sessions.filter((s) => s.dayNo === day && spec.checkpoints.some((c) => c.targetId === s.id));
  for (const [day, date] of [[1, d1], [2, d2]] as const) {
    for (const p of people) {
      const mine = sessionsOf(day).filter((s) => regs.get(p.id)?.has(s.id));
      if (mine.length === 0 || r() > (day === 1 ? 0.9 : 0.8)) continue;
      steps.push({ ms: at(date, '08:00', 150), run: () => app.checkin.checkIn(p.id) });
      for (const s of mine) {
        if (r() > 0.88) continue;
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: spec.timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(s.startsAt));
        const start = Date.parse(strasbourgTime(date, local)) - 20 * 60_000;
        steps.push({ ms: start + Math.floor(r() * 35) * 60_000, run: () => app.checkin.scan(`cp-${s.id}`, token.get(p.id)!) });
      }
    }
  }
  const misaki = app.delegates.findByIdOrEmail('misaki.takahashi@iwate.example.jp');
  const day3: Step[] = [];
  for (const p of people) {
    const bus = [...(regs.get(p.id) ?? [])].find((x) => x.startsWith('bus-'));
    if (!bus || (r() > 0.86 && p.id !== misaki?.id)) continue;
    day3.push({ ms: at(d3, '07:50', 40), run: () => app.checkin.scan(`cp-${bus}`, token.get(p.id)!) });
  }
  const run = (list: Step[]) => {
    list.sort((a, b) => a.ms - b.ms);
    for (const s of list) {
      clock.ms = s.ms;
      s.run();
    }
  };
  run(steps);
  // The bus tablets synced before Day 3 and then lost the network.
  const desk = { id: 'desk-main', app, file };
  const second = { id: 'tablet-2', app: tablet, file: path.join(dir, 'tablet.db') };
  deliver(desk, second);
  run(day3);
  // Turned away: people not on a session's list, a re-scan on the bus, a supervisor's decision, an undo.
  const outsiders = people.filter((p) => !regs.get(p.id)?.has('d2-debrief')).slice(0, 3);
  clock.ms = Date.parse(strasbourgTime(d2, '17:55'));
  for (const p of outsiders) app.checkin.scan('cp-d2-debrief', token.get(p.id)!);
  app.checkin.override('cp-d2-debrief', outsiders[0]!.id, 'Invited by the Iwate delegation');
  app.checkin.scan('cp-d2-debrief', 'U1NOTAREALTOKENATALL');
  clock.ms = Date.parse(strasbourgTime(d3, '08:20'));
  const onBus1 = app.db.prepare("SELECT delegate_id FROM admission WHERE target_key = 'bus-1' ORDER BY first_at LIMIT 2").pluck().all() as string[];
  if (onBus1[0]) app.checkin.scan('cp-bus-1', token.get(onBus1[0])!);
  const wrong = app.db.prepare("SELECT first_scan_id FROM admission WHERE target_key = 'd2-dinner' ORDER BY first_at LIMIT 1").pluck().get() as string | undefined;
  if (wrong) app.checkin.undo(wrong, 'Scanned the wrong badge at the dinner');
  const reissued = people[3];
  if (reissued) app.delegates.reissue(reissued.id);
  // The double entry: Misaki Takahashi boarded bus 1 at one tablet; the other, still offline, admits her again.
  // Once synced she is one person on the bus, and the audit lists both scans.
  if (misaki) {
    clock.ms = Date.parse(strasbourgTime(d3, '08:24'));
    tablet.checkin.scan('cp-bus-1', token.get(misaki.id)!);
    deliver(second, desk);
  }
  clock.ms = Date.parse(strasbourgTime(d3, '16:30'));
  return {
    app,
    clock,
    file,
    tablet,
    close() {
      tablet.close();
      app.close();
    },
  };
}
