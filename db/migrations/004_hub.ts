import type { Migration } from './migration.js';

/**
 * What a hub keeps for itself (never replicated): the devices it paired, their credentials (hashed), what it saw of
 * them, and the one-time pairing codes it handed out. A station keeps its hub in meta ('hub').
 */
export const m004_hub: Migration = {
  version: 4,
  name: 'hub',
  sql: /* sql */ `
CREATE TABLE hub_device (
  device_id       TEXT PRIMARY KEY,
  role            TEXT NOT NULL,
  name            TEXT NOT NULL DEFAULT '',
  credential_hash TEXT NOT NULL,
  paired_at       TEXT NOT NULL,
  last_seen       TEXT,
  clock_skew_ms   INTEGER NOT NULL DEFAULT 0,
  vector          TEXT NOT NULL DEFAULT '{}',
  revoked_at      TEXT
) WITHOUT ROWID;

CREATE TABLE pairing_code (
  secret_hash TEXT PRIMARY KEY,
  role        TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT,
  device_id   TEXT
) WITHOUT ROWID;
`,
};
