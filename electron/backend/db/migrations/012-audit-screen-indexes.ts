/**
 * Migration 12: what the audit screen's filters need (issue 16). The log was read only in id order
 * (verification, the chain's head) and by action; the screen also filters by user, by person (the
 * entry's target) and by time, and counts what matches for its pages. Without these each of those
 * walked the whole log, which grows with every sign-in, unmasking and read of the screen itself.
 * User names compare without case, as the users table does (`Admin` is `admin`).
 */
import type { Migration } from './migration.ts';

export const migration012: Migration = {
  version: 12,
  name: 'audit screen indexes',
  sql: `
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log (user_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS audit_log_target ON audit_log (target);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
`,
};
