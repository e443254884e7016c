/**
 * Migration 7: separation of duties on accounts (issue 12). An account that an administrator
 * created or reset must choose its own password at its first sign-in, so the administrator who
 * knew the first one cannot keep using it unseen; and the credit role (judging cases, credit
 * reports) is granted only when a second administrator approves the first one's request.
 */
import type { Migration } from './migration.ts';

export const migration007: Migration = {
  version: 7,
  name: 'account duties',
  sql: `
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

CREATE TABLE role_grants (
  id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('credit')),
  county_code TEXT,
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  decided_by TEXT,
  decided_at INTEGER,
  outcome TEXT CHECK (outcome IN ('approved', 'withdrawn'))
);
-- At most one open request per user.
CREATE UNIQUE INDEX role_grants_open ON role_grants (user_name) WHERE decided_at IS NULL;
`,
};
