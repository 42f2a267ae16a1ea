// The scan verdict beside its limit: the product's `checkin.scan` and a minimal prototype doing the same essential
// work (Ed25519 verify, holder lookup, one immediate transaction reading admission, occupancy and registration, the
// scan insert with the same indexes, one log entry, admission and occupancy updates; WAL, synchronous=NORMAL;
// statements prepared once) on the same file, interleaved call by call so both see the same neighbours.
// Each call is started from a steady loop (spinning to the next slot of a fixed period, never a timer whose jitter
// would be measured instead) and timed with process.hrtime around the call alone; CPU time per call beside it.
import { randomUUID, createPublicKey, verify } from 'node:crypto';
import { base32 } from 'rfc4648';
import type { Uketsuke } from '../electron/services/uketsuke.js';

export interface Tail {
  p50: number;
  p99: number;
  p999: number;
  max: number;
  cpuUs: number;
  n: number;
}

function tail(ms: number[], cpuUs: number): Tail {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number(s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(4));
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: Number(s[s.length - 1]!.toFixed(3)), cpuUs: Number((cpuUs / s.length).toFixed(1)), n: s.length };
}

/** The prototype: the verdict's essential work and nothing else. */
function prototype(app: Uketsuke): (checkpointId: string, code: string) => string {
  const db = app.db;
  const ev = db.prepare('SELECT id, public_key FROM event').get() as { id: string; public_key: string };
  const pub = createPublicKey({ key: Buffer.from(ev.public_key, 'base64'), format: 'der', type: 'spki' });
  const cps = new Map(
    (db.prepare('SELECT id, coalesce(target_id, id) AS target_key, entry_rule, capacity FROM checkpoint').all() as { id: string; target_key: string; entry_rule: string; capacity: number | null }[]).map((c) => [c.id, c]),
  );
  const s = {
    holder: db.prepare('SELECT id, badge_issue, status FROM delegate WHERE badge_no = ?'),
    admission: db.prepare('SELECT first_scan_id, first_at FROM admission WHERE target_key = ? AND delegate_id = ? AND day = ?'),
    count: db.prepare('SELECT admitted FROM occupancy WHERE counter_key = ?').pluck(),
    registered: db.prepare('SELECT 1 FROM registration WHERE delegate_id = ? AND target_id = ?').pluck(),
    scan: db.prepare(`INSERT INTO scan (id, checkpoint_id, target_key, delegate_id, identity_key, badge_no, code, verdict, reason, day, admission_day, scanned_at, device_id, hlc, override_reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`),
    log: db.prepare('INSERT INTO change_log (entry_id, device_id, device_seq, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)'),
    admit: db.prepare(`INSERT INTO admission (target_key, delegate_id, day, first_scan_id, first_at, checkpoint_id, last_at, entries) VALUES (?,?,?,?,?,?,?,1)
      ON CONFLICT (target_key, delegate_id, day) DO UPDATE SET last_at = excluded.last_at, entries = entries + 1`),
    bump: db.prepare('INSERT INTO occupancy (counter_key, admitted) VALUES (?, 1) ON CONFLICT(counter_key) DO UPDATE SET admitted = admitted + 1'),
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
  };
  const device = 'limit-prototype';
  let seq = 0;
  let n = 0;
  return (checkpointId, code) => {
    const buf = Buffer.from(base32.parse(code.slice(2), { loose: true }));
    const payload = buf.subarray(0, 8);
    if (!verify(null, payload, pub, buf.subarray(8))) return 'forged';
    const badgeNo = payload.readUIntBE(4, 3);
    const d = s.holder.get(badgeNo) as { id: string; badge_issue: number; status: string } | undefined;
    const cp = cps.get(checkpointId)!;
    const now = new Date().toISOString();
    const day = now.slice(0, 10);
    const identity = d?.id ?? `badge:${badgeNo}`;
    s.begin.run();
    try {
      const admission = s.admission.get(cp.target_key, identity, '');
      const admitted = (s.count.get(cp.target_key) as number | undefined) ?? 0;
      const registered = d ? s.registered.get(d.id, cp.target_key) !== undefined : false;
      const verdict = !d ? 'unknown' : admission ? 'already_checked_in' : cp.capacity !== null && admitted >= cp.capacity ? 'full' : 'admitted';
      const id = `p_${(n++).toString(16)}`;
      const hlc = `${Date.now().toString().padStart(13, '0')}-${(n % 10000).toString().padStart(4, '0')}-${device}`;
      s.scan.run(id, cp.id, cp.target_key, d?.id ?? null, identity, badgeNo, code, verdict, verdict, day, '', now, device, hlc);
      s.log.run(randomUUID(), device, ++seq, hlc, 'scan.recorded', JSON.stringify({ id, checkpointId: cp.id, targetKey: cp.target_key, delegateId: d?.id ?? null, badgeNo, code, verdict, reason: verdict, day, admissionDay: '', scannedAt: now, overrideReason: null, registered }));
      if (verdict === 'admitted') {
        s.admit.run(cp.target_key, identity, '', id, now, cp.id, now);
        s.bump.run(cp.target_key);
      }
      s.commit.run();
      return verdict;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };
}

/** Product and prototype interleaved, `n` verdicts each, one call every `periodMs` of a steady loop. */
export function verdictBeside(app: Uketsuke, opts: { n?: number; periodMs?: number } = {}): { product: Tail; limit: Tail; ratioP99: number; ratioP50: number; ratioCpu: number } {
  const n = opts.n ?? 4000;
  const period = BigInt(Math.round((opts.periodMs ?? 1) * 1e6));
  const cps = app.event.checkpointRows().map((c) => c.id);
  const tokens: string[] = [];
  for (let no = 1; no <= 50_000; no += 13) tokens.push(app.event.tokens().issue({ badgeNo: no, issue: 1 }));
  const limit = prototype(app);
  const calls = [(cp: string, code: string) => app.checkin.scan(cp, code).verdict, limit];
  for (let i = 0; i < 400; i++) calls[i % 2]!(cps[i % cps.length]!, tokens[(i * 17) % tokens.length]!);
  const ms: number[][] = [[], []];
  const cpu = [0, 0];
  let next = process.hrtime.bigint();
  for (let i = 0; i < 2 * n; i++) {
    next += period;
    while (process.hrtime.bigint() < next);
    const which = i % 2;
    // The same person at the same door for both, so both see first admissions and repeats alike.
    const k = Math.floor(i / 2);
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    calls[which]!(cps[k % cps.length]!, tokens[(k * 31 + which * 7) % tokens.length]!);
    const took = process.hrtime.bigint() - t;
    const c = process.cpuUsage(c0);
    ms[which]!.push(Number(took) / 1e6);
    cpu[which]! += c.user + c.system;
    // The app checkpoints the WAL when the scanner is idle; a pause of the loop stands in for that.
    if (i % 2000 === 1999) {
      app.db.pragma('wal_checkpoint(PASSIVE)');
      next = process.hrtime.bigint();
    }
  }
  const product = tail(ms[0]!, cpu[0]!);
  const lim = tail(ms[1]!, cpu[1]!);
  const r = (a: number, b: number) => Number((a / b).toFixed(2));
  return { product, limit: lim, ratioP99: r(product.p99, lim.p99), ratioP50: r(product.p50, lim.p50), ratioCpu: r(product.cpuUs, lim.cpuUs) };
}
