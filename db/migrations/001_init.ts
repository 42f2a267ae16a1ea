import type { Migration } from './migration.js';

export const m001_init: Migration = {
  version: 1,
  name: 'init',
  sql: /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE event (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  name_ja     TEXT,
  venue       TEXT NOT NULL,
  timezone    TEXT NOT NULL,
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL,
  rehearsal   INTEGER NOT NULL DEFAULT 0 CHECK (rehearsal IN (0, 1)),
  public_key  TEXT NOT NULL,
  private_key TEXT
);

CREATE TABLE event_day (
  event_id TEXT NOT NULL REFERENCES event(id),
  day_no   INTEGER NOT NULL,
  date     TEXT NOT NULL,
  title    TEXT NOT NULL,
  title_ja TEXT,
  PRIMARY KEY (event_id, day_no)
) WITHOUT ROWID;

CREATE TABLE session (
  id        TEXT PRIMARY KEY,
  event_id  TEXT NOT NULL REFERENCES event(id),
  day_no    INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  title     TEXT NOT NULL,
  title_ja  TEXT,
  room      TEXT,
  starts_at TEXT NOT NULL,
  ends_at   TEXT NOT NULL,
  capacity  INTEGER
);

CREATE TABLE bus (
  id          TEXT PRIMARY KEY,
  event_id    TEXT NOT NULL REFERENCES event(id),
  label       TEXT NOT NULL,
  site        TEXT NOT NULL,
  departs_at  TEXT NOT NULL,
  returns_at  TEXT,
  boarding    TEXT,
  capacity    INTEGER NOT NULL
);

CREATE TABLE delegate (
  id               TEXT PRIMARY KEY,
  event_id         TEXT NOT NULL REFERENCES event(id),
  badge_no         INTEGER NOT NULL,
  badge_issue      INTEGER NOT NULL DEFAULT 1,
  family_name      TEXT NOT NULL,
  given_name       TEXT NOT NULL,
  family_name_kanji TEXT,
  given_name_kanji  TEXT,
  family_name_kana  TEXT,
  given_name_kana   TEXT,
  organisation     TEXT,
  country          TEXT,
  region           TEXT,
  email            TEXT,
  role             TEXT NOT NULL DEFAULT 'delegate'
                   CHECK (role IN ('delegate','speaker','panellist','organiser','press','staff')),
  external_code    TEXT,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','cancelled')),
  search_text      TEXT NOT NULL DEFAULT '',
  sort_key         TEXT NOT NULL DEFAULT '',
  hlc              TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
-- One event per file: lookups are by badge number or email alone, so the indexes are too.
CREATE UNIQUE INDEX delegate_badge_no ON delegate(badge_no);
CREATE UNIQUE INDEX delegate_email ON delegate(email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX delegate_external_code ON delegate(external_code) WHERE external_code IS NOT NULL;
-- Accent-folded "family given": Åsa sorts with the As, not after Z.
CREATE INDEX delegate_sort ON delegate(sort_key);

-- Search over normalised names: trigram for 3+ characters, a prefix index for 1–2.
CREATE VIRTUAL TABLE delegate_fts USING fts5(
  search_text, content='delegate', content_rowid='rowid', tokenize='trigram'
);
-- Word prefixes of one and two characters, which trigrams cannot answer (the first keystrokes at the desk).
CREATE VIRTUAL TABLE delegate_words USING fts5(
  search_text, content='delegate', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', prefix='1 2'
);
-- While a bulk import runs, meta 'fts_deferred' is set and the index is rebuilt once at the end (much faster
-- than row by row); a file left with the flag after a crash is rebuilt when next opened.
CREATE TRIGGER delegate_fts_ai AFTER INSERT ON delegate WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO delegate_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
  INSERT INTO delegate_words(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER delegate_fts_ad AFTER DELETE ON delegate WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO delegate_fts(delegate_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO delegate_words(delegate_words, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER delegate_fts_au AFTER UPDATE OF search_text ON delegate WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO delegate_fts(delegate_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO delegate_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
  INSERT INTO delegate_words(delegate_words, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO delegate_words(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- What a delegate signed up for: a session, a bus or a meeting (by its id).
CREATE TABLE registration (
  delegate_id TEXT NOT NULL REFERENCES delegate(id),
  target_id   TEXT NOT NULL,
  PRIMARY KEY (delegate_id, target_id)
) WITHOUT ROWID;
CREATE INDEX registration_target ON registration(target_id, delegate_id);

CREATE TABLE meeting (
  id          TEXT PRIMARY KEY,
  event_id    TEXT NOT NULL REFERENCES event(id),
  session_id  TEXT NOT NULL REFERENCES session(id),
  delegate_a  TEXT NOT NULL REFERENCES delegate(id),
  delegate_b  TEXT NOT NULL REFERENCES delegate(id),
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL,
  table_no    TEXT NOT NULL
);
CREATE INDEX meeting_delegate_a ON meeting(delegate_a);
CREATE INDEX meeting_delegate_b ON meeting(delegate_b);

-- A door or a bus where scans happen. target_id binds it to a session, bus or meeting block; two doors of one
-- room share a target and so share who is in (no double counting across doors).
CREATE TABLE checkpoint (
  id           TEXT PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  kind         TEXT NOT NULL CHECK (kind IN ('session','bus','venue','meeting')),
  name         TEXT NOT NULL,
  name_ja      TEXT,
  target_id    TEXT,
  capacity     INTEGER,
  opens_at     TEXT,
  closes_at    TEXT,
  entry_rule   TEXT NOT NULL DEFAULT 'once' CHECK (entry_rule IN ('once','once_per_day','reentry')),
  list_rule    TEXT NOT NULL DEFAULT 'registered' CHECK (list_rule IN ('registered','anyone')),
  sort_order   INTEGER NOT NULL DEFAULT 0
);

-- Every scan is kept, denied ones too. Undo marks a scan, it never deletes it.
CREATE TABLE scan (
  id              TEXT PRIMARY KEY,
  checkpoint_id   TEXT NOT NULL REFERENCES checkpoint(id),
  target_key      TEXT NOT NULL,
  delegate_id     TEXT REFERENCES delegate(id),
  code            TEXT NOT NULL,
  verdict         TEXT NOT NULL,
  reason          TEXT NOT NULL,
  day             TEXT NOT NULL,
  scanned_at      TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  hlc             TEXT NOT NULL,
  override_reason TEXT,
  undone_at       TEXT,
  undo_reason     TEXT
);
CREATE INDEX scan_checkpoint_time ON scan(checkpoint_id, scanned_at);
CREATE INDEX scan_delegate ON scan(delegate_id, target_key);

-- Who is in, per target (and per day for once-a-day checkpoints): the materialised state the verdict reads, kept
-- in the same transaction as the scans it is derived from.
CREATE TABLE admission (
  target_key    TEXT NOT NULL,
  delegate_id   TEXT NOT NULL,
  day           TEXT NOT NULL,
  first_scan_id TEXT NOT NULL,
  first_at      TEXT NOT NULL,
  checkpoint_id TEXT NOT NULL,
  last_at       TEXT NOT NULL,
  entries       INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (target_key, delegate_id, day)
) WITHOUT ROWID;

-- Capacity as a counter, not count(*) per scan.
CREATE TABLE occupancy (
  counter_key TEXT PRIMARY KEY,
  admitted    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Append-only change log: the unit of sync. Written in the same transaction as the change it records.
CREATE TABLE change_log (
  seq        INTEGER PRIMARY KEY,
  entry_id   TEXT NOT NULL UNIQUE,
  device_id  TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  type       TEXT NOT NULL,
  payload    TEXT NOT NULL
);
CREATE INDEX change_log_device_hlc ON change_log(device_id, hlc);
`,
};
