// The organisers' hub in PostgreSQL: many events, each with its log, its devices and its pairing codes. PostgreSQL
// holds the log and what serving it needs; screens and reports are materialised in SQLite on the devices.
// Versioned like the SQLite migrations: each runs once, in one transaction, under an advisory lock so that several
// hub processes starting together migrate once.
import pg from 'pg';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: 'hub',
    sql: /* sql */ `
CREATE TABLE hub_event (
  id            text PRIMARY KEY,
  public_key    text NOT NULL,
  signing_key   text,
  hub_device_id text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
-- The log. entry_id is the idempotency key; (event, device, seq) is gap-free per device, enforced here, not in a
-- process's memory, so any hub process may take any device's entries.
CREATE TABLE hub_entry (
  event_id     text NOT NULL REFERENCES hub_event(id),
  entry_id     text NOT NULL,
  device_id    text NOT NULL,
  device_seq   integer NOT NULL,
  hlc          text NOT NULL,
  type         text NOT NULL,
  payload      text NOT NULL,
  received     bigserial,
  PRIMARY KEY (event_id, entry_id),
  UNIQUE (event_id, device_id, device_seq)
);
CREATE INDEX hub_entry_received ON hub_entry (event_id, received);
CREATE TABLE hub_device (
  event_id        text NOT NULL REFERENCES hub_event(id),
  device_id       text NOT NULL,
  role            text NOT NULL,
  name            text NOT NULL DEFAULT '',
  credential_hash text NOT NULL,
  paired_at       timestamptz NOT NULL DEFAULT now(),
  last_seen       timestamptz,
  clock_skew_ms   integer NOT NULL DEFAULT 0,
  vector          jsonb NOT NULL DEFAULT '{}',
  revoked_at      timestamptz,
  PRIMARY KEY (event_id, device_id)
);
CREATE TABLE hub_pairing_code (
  secret_hash text PRIMARY KEY,
  event_id    text,
  role        text NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  device_id   text
);
CREATE TABLE hub_badge_block (
  event_id  text NOT NULL,
  first_no  integer NOT NULL,
  last_no   integer NOT NULL,
  device_id text NOT NULL,
  PRIMARY KEY (event_id, first_no)
);
-- The hub processes serving this database, so a pairing code lists every address a station may use.
CREATE TABLE hub_process (
  url         text PRIMARY KEY,
  fingerprint text NOT NULL,
  seen_at     timestamptz NOT NULL DEFAULT now()
);
-- One TLS identity for every hub process: stations pin one fingerprint, whichever process answers.
CREATE TABLE hub_tls (
  id   integer PRIMARY KEY CHECK (id = 1),
  key  text NOT NULL,
  cert text NOT NULL
);
`,
  },
];

export async function migratePg(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(20270427)');
    await client.query('CREATE TABLE IF NOT EXISTS hub_schema (version integer NOT NULL)');
    const current = ((await client.query('SELECT max(version) AS v FROM hub_schema')).rows[0] as { v: number | null }).v ?? 0;
    const latest = pgMigrations[pgMigrations.length - 1]!.version;
    if (current > latest) throw new Error(`This PostgreSQL database was set up by a newer Uketsuke (schema ${current}); update Uketsuke.`);
    for (const m of pgMigrations) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO hub_schema (version) VALUES ($1)', [m.version]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export function openPgPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
}
