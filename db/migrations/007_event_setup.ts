import type { Migration } from './migration.js';

/**
 * Event setup by organisers: sessions, buses, days and checkpoints edited after creation, on any device.
 * - Removing something that may have scans or registrations archives it (a flag every device converges on);
 *   deleting would lose history and could not be ordered against a scan that arrives later.
 * - A session keeps the uid of the calendar or schedule entry it came from, so a re-import updates it in place.
 * - Days get field clocks like the other rows edited last-writer-wins.
 */
export const m007_event_setup: Migration = {
  version: 7,
  name: 'event_setup',
  sql: /* sql */ `
ALTER TABLE session ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session ADD COLUMN uid TEXT;
ALTER TABLE bus ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checkpoint ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_day ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
CREATE INDEX session_uid ON session(uid) WHERE uid IS NOT NULL;
`,
};
