import type { Migration } from './migration.js';

/**
 * The organisers' order of the sessions of a day (Event screen, up/down): a field of the session, last writer wins
 * like its others, so every station lists the programme the same way. Null: by start time (a day never reordered).
 */
export const m008_session_order: Migration = {
  version: 8,
  name: 'session_order',
  sql: /* sql */ `
ALTER TABLE session ADD COLUMN sort_order INTEGER;
`,
};
