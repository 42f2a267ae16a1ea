import type { Migration } from './migration.js';

/**
 * The codes a delegate is known by in the systems they registered with (an order code, a ticket secret, an attendee
 * number, a public id), beside the one registration code of `delegate.external_code`. One order code can name two
 * people (a buyer's two tickets), so a code is a pair (delegate, code), added or removed by clock like registrations:
 * the row keeps the clock of its last change and whether it is in force, whatever order the changes arrive in.
 * `code_key` is what a scan is compared with: upper-cased for systems that ignore case (`ci` = 1), as typed otherwise.
 */
export const m005_delegate_codes: Migration = {
  version: 5,
  name: 'delegate_codes',
  sql: /* sql */ `
CREATE TABLE delegate_code (
  delegate_id TEXT NOT NULL,
  code_key    TEXT NOT NULL,
  code        TEXT NOT NULL,
  ci          INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  active      INTEGER NOT NULL,
  hlc         TEXT NOT NULL,
  PRIMARY KEY (delegate_id, code_key)
) WITHOUT ROWID;
CREATE INDEX delegate_code_key ON delegate_code(code_key);
`,
};
