import type { Migration } from './migration.js';

/**
 * The venue's Japanese name (the header and badges in Japanese), like the event's `name_ja`: a field of the event,
 * last writer wins. Null: the Japanese screens show `venue`.
 */
export const m009_venue_ja: Migration = {
  version: 9,
  name: 'venue_ja',
  sql: /* sql */ `
ALTER TABLE event ADD COLUMN venue_ja TEXT;
`,
};
