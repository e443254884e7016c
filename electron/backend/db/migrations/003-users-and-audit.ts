/**
 * Migration 3: the console's users and the audit log.
 *
 * The audit log is a hash chain (each entry carries the hash of the one before) and append-only:
 * triggers refuse UPDATE and DELETE, so a correction is a new entry and an edit made behind the
 * application's back breaks the chain where it happened.
 */
import type { Migration } from './migration.ts';

export const migration003: Migration = {
  version: 3,
  name: 'users and audit',
  sql: `
CREATE TABLE users (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('officer', 'credit', 'writer', 'admin')),
  county_code TEXT,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_sign_in_at INTEGER
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_name TEXT,
  action TEXT NOT NULL,
  target TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: add a correcting entry instead'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries are never deleted'); END;

-- People searched by name.
CREATE INDEX residents_name ON residents (name);
`,
};
