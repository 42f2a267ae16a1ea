// Applies a delegate's external codes: each (delegate, code) pair is added or removed by clock, the later change
// winning whichever arrives first (a removal keeps its row, inactive, so an older addition arriving late loses).
import type { Db } from '../../../../db/open.js';
import { codeKey } from '../../model/code-key.js';
import type { Entry, ExternalCode } from '../entries.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;

export class CodeApplier {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      clock: db.prepare('SELECT hlc FROM delegate_code WHERE delegate_id = ? AND code_key = ?').pluck(),
      put: db.prepare(`INSERT INTO delegate_code (delegate_id, code_key, code, ci, kind, active, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (delegate_id, code_key) DO UPDATE SET code = excluded.code, ci = excluded.ci, kind = excluded.kind,
        active = excluded.active, hlc = excluded.hlc`),
    };
  }

  changed(e: E<'delegate.codes'>): void {
    const { delegateId, add, remove } = e.payload;
    const change = (c: ExternalCode, active: boolean) => {
      const key = codeKey(c);
      const last = this.s.clock.get(delegateId, key) as string | undefined;
      // Stryker disable next-line ConditionalExpression: equivalent — undefined >= a clock is false
      if (last !== undefined && last >= e.hlc) return;
      this.s.put.run(delegateId, key, c.code.normalize('NFKC').trim(), c.ci ? 1 : 0, c.kind, active ? 1 : 0, e.hlc);
    };
    // Within one entry a removal wins over an addition of the same code, so the result does not depend on list order.
    for (const c of add) if (!remove.some((r) => codeKey(r) === codeKey(c))) change(c, true);
    for (const c of remove) change(c, false);
  }
}
