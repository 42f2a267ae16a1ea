// Applies the smaller records: registrations (add/remove per pair by clock), meetings, print jobs (last writer
// wins per field), settings (the staff PIN), device enrolments with their badge-number blocks.
import type { Db } from '../../../../db/open.js';
import type { Entry, PrintColumns } from '../entries.js';
import { mergeFields, readClocks, writeClocks } from './field-clocks.js';

type E<T extends Entry['type']> = Extract<Entry, { type: T }>;
const PRINT_FIELDS = ['delegate_id', 'badge_issue', 'printer', 'size', 'back', 'status', 'error', 'system_ref', 'attempts', 'file', 'created_at', 'device_id'] as const;

export class RecordApplier {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      regClock: db.prepare('SELECT hlc FROM registration_clock WHERE delegate_id = ? AND target_id = ?').pluck(),
      putRegClock: db.prepare(`INSERT INTO registration_clock (delegate_id, target_id, active, hlc) VALUES (?, ?, ?, ?)
        ON CONFLICT (delegate_id, target_id) DO UPDATE SET active = excluded.active, hlc = excluded.hlc`),
      addReg: db.prepare('INSERT OR IGNORE INTO registration (delegate_id, target_id) VALUES (?, ?)'),
      removeReg: db.prepare('DELETE FROM registration WHERE delegate_id = ? AND target_id = ?'),
      meeting: db.prepare('INSERT OR IGNORE INTO meeting (id, event_id, session_id, delegate_a, delegate_b, starts_at, ends_at, table_no) VALUES (?,?,?,?,?,?,?,?)'),
      job: db.prepare('SELECT field_hlc FROM print_job WHERE id = ?').pluck(),
      setting: db.prepare(`INSERT INTO setting (key, value, hlc) VALUES (?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, hlc = excluded.hlc WHERE excluded.hlc > setting.hlc`),
      device: db.prepare(`INSERT INTO device (device_id, role, name, enrolled_at, hlc) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(device_id) DO UPDATE SET role = excluded.role, name = excluded.name, enrolled_at = excluded.enrolled_at, hlc = excluded.hlc
        WHERE excluded.hlc > device.hlc`),
      block: db.prepare('INSERT OR IGNORE INTO badge_block (first_no, last_no, device_id) VALUES (?, ?, ?)'),
    };
  }

  registration(e: E<'registration.changed'>): void {
    const { delegateId, add, remove } = e.payload;
    const change = (target: string, active: boolean) => {
      const last = this.s.regClock.get(delegateId, target) as string | undefined;
      // Stryker disable next-line ConditionalExpression: equivalent — undefined >= a clock is false
      if (last !== undefined && last >= e.hlc) return;
      this.s.putRegClock.run(delegateId, target, active ? 1 : 0, e.hlc);
      if (active) this.s.addReg.run(delegateId, target);
      else this.s.removeReg.run(delegateId, target);
    };
    for (const t of add) change(t, true);
    for (const t of remove) change(t, false);
  }

  meeting(e: E<'meeting.added'>): void {
    const m = e.payload;
    this.s.meeting.run(m.id, m.eventId, m.sessionId, m.delegateA, m.delegateB, m.startsAt, m.endsAt, m.tableNo);
  }

  printJob(e: E<'print.job'>): void {
    const { id, fields, at } = e.payload;
    let clocks = this.s.job.get(id) as string | undefined;
    if (clocks === undefined) {
      this.db.prepare(`INSERT INTO print_job (id, delegate_id, badge_issue, printer, size, back, status, attempts, created_at, updated_at, field_hlc, device_id)
        VALUES (?, '', 1, '', 'a6', 0, 'queued', 0, '', '', '{}', '')`).run(id);
      clocks = '{}';
    }
    const m = mergeFields<PrintColumns>(readClocks(clocks, PRINT_FIELDS), fields, e.hlc);
    const cols = Object.keys(m.set);
    const newest = Object.values(m.clocks).every((c) => c <= e.hlc);
    this.db
      .prepare(`UPDATE print_job SET ${cols.map((c) => `${c} = @${c}, `).join('')} ${newest ? 'updated_at = @at,' : ''} field_hlc = @field_hlc WHERE id = @id`)
      .run({ ...m.set, ...(newest ? { at } : {}), field_hlc: writeClocks(m.clocks, PRINT_FIELDS), id });
  }

  setting(e: E<'setting.changed'>): void {
    this.s.setting.run(e.payload.key, e.payload.value, e.hlc);
  }

  /** Branding as settings rows `branding.<field>` (a role's colour and words each `branding.role.<role>.<field>`),
   * each last writer wins by clock: two organisers editing different fields offline both keep theirs. */
  branding(e: E<'branding.changed'>): void {
    const { roles, ...rest } = e.payload.fields;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) this.s.setting.run(`branding.${k}`, JSON.stringify(v), e.hlc);
    for (const [role, f] of Object.entries(roles ?? {})) {
      for (const [k, v] of Object.entries(f ?? {})) if (v !== undefined) this.s.setting.run(`branding.role.${role}.${k}`, JSON.stringify(v), e.hlc);
    }
  }

  device(e: E<'device.enrolled'>): void {
    const p = e.payload;
    this.s.device.run(p.deviceId, p.role, p.name, p.at, e.hlc);
    if (p.badgeBlock) this.s.block.run(p.badgeBlock.first, p.badgeBlock.last, p.deviceId);
  }
}
