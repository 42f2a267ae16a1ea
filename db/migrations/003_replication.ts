import type { Migration } from './migration.js';

/**
 * The replication core: every change is an entry applied by one path, for local and remote entries alike.
 * - change_log gains a gap-free per-device sequence (the unit of version-vector cursors) and a cursor table.
 * - Foreign keys and unique indexes that would make applying depend on arrival order are gone: an edit may arrive
 *   before the delegate it edits, a scan before the delegate or checkpoint it names. (foreign_keys is switched off
 *   by db/open.ts; the REFERENCES clauses of 001 remain as documentation only.) Duplicate emails become items for
 *   staff to resolve, not a refused entry.
 * - Last-writer-wins per field needs each field's clock: field_hlc (JSON {field: hlc, "*": default}).
 * - Badge numbers: a delegate may hold several (the same registration imported on two offline desks); badge maps
 *   every number to its holder, and blocks are reserved per device so two desks never issue the same number.
 * - Scans keep who they identify even when the delegate is not known yet (badge_no), and the admission day the
 *   scanning device decided, so derived state never needs the checkpoint to have arrived first.
 * - Entries written by versions before this one used other payload shapes: they stay as history ("legacy.*").
 */
export const m003_replication: Migration = {
  version: 3,
  name: 'replication',
  sql: /* sql */ `
ALTER TABLE change_log ADD COLUMN device_seq INTEGER NOT NULL DEFAULT 0;
UPDATE change_log SET type = 'legacy.' || type;
UPDATE change_log SET device_seq = r.rn
  FROM (SELECT seq, row_number() OVER (PARTITION BY device_id ORDER BY seq) AS rn FROM change_log) AS r
  WHERE r.seq = change_log.seq;
CREATE UNIQUE INDEX change_log_device_seq ON change_log(device_id, device_seq);
DROP INDEX change_log_device_hlc;
CREATE INDEX change_log_hlc ON change_log(hlc);

-- Per device: every entry up to contiguous_seq is held (entries past a gap are held too, and counted on arrival).
CREATE TABLE device_cursor (
  device_id      TEXT PRIMARY KEY,
  contiguous_seq INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO device_cursor (device_id, contiguous_seq) SELECT device_id, max(device_seq) FROM change_log GROUP BY device_id;

-- Devices enrolled in the event, their role and what the hub saw of them.
CREATE TABLE device (
  device_id     TEXT PRIMARY KEY,
  role          TEXT NOT NULL,
  name          TEXT NOT NULL DEFAULT '',
  enrolled_at   TEXT NOT NULL,
  clock_skew_ms INTEGER NOT NULL DEFAULT 0,
  hlc           TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE badge_block (
  first_no  INTEGER PRIMARY KEY,
  last_no   INTEGER NOT NULL,
  device_id TEXT NOT NULL
);

-- Replicated settings (the staff PIN hash), last writer wins.
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  hlc   TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO setting (key, value, hlc) SELECT 'staff_pin', value, '0000000000000-0000-legacy' FROM meta WHERE key = 'staff_pin';
DELETE FROM meta WHERE key = 'staff_pin';

ALTER TABLE event ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
ALTER TABLE session ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
ALTER TABLE bus ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
ALTER TABLE checkpoint ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
ALTER TABLE print_job ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
ALTER TABLE print_job ADD COLUMN device_id TEXT NOT NULL DEFAULT '';

ALTER TABLE delegate ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
UPDATE delegate SET field_hlc = json_object('*', hlc);
DROP INDEX delegate_badge_no;
CREATE INDEX delegate_badge_no ON delegate(badge_no);
DROP INDEX delegate_email;
CREATE INDEX delegate_email ON delegate(email COLLATE NOCASE) WHERE email IS NOT NULL;

CREATE TABLE badge (
  badge_no    INTEGER PRIMARY KEY,
  delegate_id TEXT NOT NULL,
  hlc         TEXT NOT NULL
);
CREATE INDEX badge_delegate ON badge(delegate_id);
INSERT INTO badge (badge_no, delegate_id, hlc) SELECT badge_no, id, hlc FROM delegate;

-- Registrations: the table holds what is on; the clock table remembers the last add or remove per pair.
CREATE TABLE registration_clock (
  delegate_id TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  active      INTEGER NOT NULL,
  hlc         TEXT NOT NULL,
  PRIMARY KEY (delegate_id, target_id)
) WITHOUT ROWID;
INSERT INTO registration_clock (delegate_id, target_id, active, hlc)
  SELECT delegate_id, target_id, 1, '0000000000000-0000-legacy' FROM registration;

ALTER TABLE scan ADD COLUMN identity_key TEXT;
ALTER TABLE scan ADD COLUMN badge_no INTEGER;
ALTER TABLE scan ADD COLUMN admission_day TEXT NOT NULL DEFAULT '';
UPDATE scan SET identity_key = delegate_id;
UPDATE scan SET admission_day = day WHERE checkpoint_id IN (SELECT id FROM checkpoint WHERE entry_rule = 'once_per_day');
CREATE INDEX scan_identity ON scan(identity_key, target_key, admission_day);
CREATE INDEX scan_badge_no ON scan(badge_no) WHERE badge_no IS NOT NULL;
CREATE INDEX scan_hlc ON scan(hlc);
-- An undo may arrive before the scan it undoes.
CREATE TABLE scan_undo (
  scan_id TEXT PRIMARY KEY,
  at      TEXT NOT NULL,
  reason  TEXT NOT NULL,
  hlc     TEXT NOT NULL
) WITHOUT ROWID;

-- The purge that erased personal data (GDPR); entries older than it are scrubbed when they arrive.
CREATE TABLE purge (
  hlc TEXT PRIMARY KEY,
  at  TEXT NOT NULL
) WITHOUT ROWID;
`,
};
