// The merged state reports count from, read once per report: who is registered for what, and who was admitted
// where. Admission rows are per person (identity) per target and day, whichever devices scanned them, so a double
// entry (two doors admitting one badge offline) is one row: reports count rows, never scans.
import type { Role } from '../../api/contract.js';
import type { Db } from '../../../db/open.js';
import type { NameFields } from '../people/names.js';

export interface Admission {
  /** The delegate id, or `badge:N` for a badge whose holder this device has not synced yet. */
  who: string;
  /** The event-local day for once-a-day admissions (the venue entrance); '' otherwise. */
  day: string;
  firstAt: string;
}

export interface Person extends NameFields {
  id: string;
  badge_no: number;
  badge_issue: number;
  organisation: string | null;
  country: string | null;
  region: string | null;
  email: string | null;
  role: Role;
  status: 'active' | 'cancelled';
}

export class Facts {
  private regs: Map<string, Set<string>> | null = null;
  private adms: Map<string, Admission[]> | null = null;
  private ppl: Map<string, Person> | null = null;
  private byId: ((id: string) => Person | undefined) | null = null;

  constructor(private readonly db: Db) {}

  /** Active delegates, in the desk's order (family name, accents folded). */
  people(): Map<string, Person> {
    this.ppl ??= new Map(
      (this.db
        .prepare(`SELECT id, badge_no, badge_issue, family_name, given_name, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,
            organisation, country, region, email, role, status FROM delegate WHERE status = 'active' ORDER BY sort_key, id`)
        .all() as Person[]).map((p) => [p.id, p]),
    );
    return this.ppl;
  }

  /** Anyone by id, cancelled registrations too (audit trails name them). */
  person(id: string): Person | null {
    if (!this.byId) {
      const stmt = this.db.prepare(`SELECT id, badge_no, badge_issue, family_name, given_name, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,
          organisation, country, region, email, role, status FROM delegate WHERE id = ?`);
      this.byId = (id) => (this.ppl?.get(id) ?? stmt.get(id)) as Person | undefined;
    }
    return this.byId(id) ?? null;
  }

  /** Per target, the active delegates registered for it. */
  registrations(): Map<string, Set<string>> {
    if (this.regs) return this.regs;
    const regs = new Map<string, Set<string>>();
    // In target order (the registration_target index): consecutive rows share one set.
    const rows = this.db
      .prepare("SELECT r.target_id, r.delegate_id FROM registration r WHERE r.delegate_id NOT IN (SELECT id FROM delegate WHERE status <> 'active') ORDER BY r.target_id")
      .raw()
      .iterate() as IterableIterator<[string, string]>;
    let current = '';
    let set = new Set<string>();
    for (const [target, who] of rows) {
      if (target !== current) {
        current = target;
        set = regs.get(target) ?? new Set();
        regs.set(target, set);
      }
      set.add(who);
    }
    this.regs = regs;
    return regs;
  }

  registered(targetKey: string): Set<string> {
    return this.registrations().get(targetKey) ?? new Set();
  }

  /** Per target, one row per person (and per day for once-a-day targets). */
  admissions(): Map<string, Admission[]> {
    if (this.adms) return this.adms;
    const adms = new Map<string, Admission[]>();
    // Ordered by target (the primary key's order): consecutive rows share one list.
    const rows = this.db.prepare('SELECT target_key, delegate_id, day, first_at FROM admission').raw().iterate() as IterableIterator<[string, string, string, string]>;
    let current = '';
    let list: Admission[] = [];
    for (const [target, who, day, firstAt] of rows) {
      if (target !== current) {
        current = target;
        list = adms.get(target) ?? [];
        adms.set(target, list);
      }
      list.push({ who, day, firstAt });
    }
    this.adms = adms;
    return adms;
  }

  admitted(targetKey: string): Admission[] {
    return this.admissions().get(targetKey) ?? [];
  }

  /** Everyone admitted anywhere at least once (delegate ids and unsynced badges). */
  attendedAnywhere(): Set<string> {
    const all = new Set<string>();
    for (const list of this.admissions().values()) for (const a of list) all.add(a.who);
    return all;
  }
}

export function share(part: number, whole: number | null): number | null {
  return whole ? part / whole : null;
}
