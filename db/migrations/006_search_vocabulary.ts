import type { Migration } from './migration.js';

export const m006_search_vocabulary: Migration = {
  version: 6,
  name: 'search_vocabulary',
  sql: /* sql */ `
-- The forgiving layer of the desk search: per delegate, the spelling keys of their names (romanisation, voicing,
-- spellings by ear, anglicised Irish forms) and slip tokens (one-letter deletions with their position), written by
-- electron/services/model/search/columns.ts wherever search_text is.
ALTER TABLE delegate ADD COLUMN search_keys TEXT NOT NULL DEFAULT '';

-- Whole tokens and key prefixes only: no phrases, no ranking, so no positions (detail=none) and no sizes.
CREATE VIRTUAL TABLE delegate_keys USING fts5(
  search_keys, content='delegate', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', detail=none, columnsize=0
);
-- Same deferral as the other two search indexes (meta 'fts_deferred', see 001).
CREATE TRIGGER delegate_keys_ai AFTER INSERT ON delegate WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO delegate_keys(rowid, search_keys) VALUES (new.rowid, new.search_keys);
END;
CREATE TRIGGER delegate_keys_ad AFTER DELETE ON delegate WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO delegate_keys(delegate_keys, rowid, search_keys) VALUES ('delete', old.rowid, old.search_keys);
END;
CREATE TRIGGER delegate_keys_au AFTER UPDATE OF search_keys ON delegate WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO delegate_keys(delegate_keys, rowid, search_keys) VALUES ('delete', old.rowid, old.search_keys);
  INSERT INTO delegate_keys(rowid, search_keys) VALUES (new.rowid, new.search_keys);
END;

-- Keys are computed in TypeScript, so delegates already in the file get theirs when it is next opened: the
-- deferred-index rebuild (Delegates.rebuildSearchIndex) fills search_keys while 'search_keys_stale' is set.
INSERT OR IGNORE INTO meta (key, value) SELECT 'search_keys_stale', '1' WHERE EXISTS (SELECT 1 FROM delegate);
INSERT OR IGNORE INTO meta (key, value) SELECT 'fts_deferred', '1' WHERE EXISTS (SELECT 1 FROM delegate);
`,
};
