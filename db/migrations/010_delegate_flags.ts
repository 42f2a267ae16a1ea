import type { Migration } from './migration.js';

/**
 * What an import could not settle about a person, kept with them so the desk can finish it (issue 24): `flags` holds
 * the flag words separated by spaces (reading_missing, reading_guessed, email_invalid, role_unknown,
 * possible_duplicate, waitlisted), '' for none; `ticket_type` is what the file said was bought (a role word the
 * importer does not know ends up there too). Both are delegate fields, last writer wins, replicated like the rest.
 * The event's `admit_waitlisted`: whether the doors let waitlisted (pending, unpaid) people in; off by default.
 */
export const m010_delegate_flags: Migration = {
  version: 10,
  name: 'delegate_flags',
  sql: /* sql */ `
ALTER TABLE delegate ADD COLUMN flags TEXT NOT NULL DEFAULT '';
ALTER TABLE delegate ADD COLUMN ticket_type TEXT;
ALTER TABLE event ADD COLUMN admit_waitlisted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX delegate_flagged ON delegate(flags) WHERE flags <> '';
`,
};
