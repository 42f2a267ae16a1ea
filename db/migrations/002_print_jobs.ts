import type { Migration } from './migration.js';

export const m002_print_jobs: Migration = {
  version: 2,
  name: 'print_jobs',
  sql: /* sql */ `
-- The badge print queue: every print is a job with a visible state; a retry reuses the job (and its badge issue),
-- so a jammed printer never causes a second badge issue or a double log entry.
CREATE TABLE print_job (
  id          TEXT PRIMARY KEY,
  delegate_id TEXT NOT NULL REFERENCES delegate(id),
  badge_issue INTEGER NOT NULL,
  printer     TEXT NOT NULL,
  size        TEXT NOT NULL,
  back        INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL CHECK (status IN ('queued','printing','done','failed')),
  error       TEXT,
  system_ref  TEXT,
  attempts    INTEGER NOT NULL DEFAULT 0,
  file        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX print_job_recent ON print_job(created_at);
CREATE INDEX print_job_status ON print_job(status);
`,
};
