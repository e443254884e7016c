/**
 * Migration 11: the PostgreSQL exchange database (EXCHANGE.md, "The upstream exchange database").
 *
 * Pull state: per source and table the highest `seq` stored, committed in the same transaction as
 * the rows it covers, so a pull killed at any moment resumes after its last committed batch. The
 * gaps below that mark (seq values not there when read: rolled back, or committed late) are kept
 * while they are inside the late-commit window, so a row that lands in one later is read once.
 *
 * The decision outbox: every enforcement outcome the platform must hear of (force_red, void, end),
 * written in the transaction that makes the outcome, in order (id), with what has been delivered
 * where. `pending_file` names the outbox file a directory delivery is writing, so a delivery cut
 * between writing the file and marking the rows writes the same file again, never a second one.
 */
import type { Migration } from './migration.ts';

export const migration011: Migration = {
  version: 11,
  name: 'exchange database',
  sql: `
CREATE TABLE IF NOT EXISTS exchange_pull_state (
  source TEXT NOT NULL,
  table_name TEXT NOT NULL,
  feed TEXT NOT NULL,
  high_seq INTEGER NOT NULL DEFAULT 0,
  newest_loaded_at INTEGER,
  batch_id INTEGER,
  PRIMARY KEY (source, table_name)
);
CREATE TABLE IF NOT EXISTS exchange_pull_gaps (
  source TEXT NOT NULL,
  table_name TEXT NOT NULL,
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (source, table_name, lo)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS decision_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('force_red', 'void', 'end')),
  effective_at INTEGER NOT NULL,
  credit_record_number TEXT,
  decided_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  pending_file TEXT,
  delivered_at INTEGER,
  delivered_to TEXT,
  UNIQUE (case_id, action, effective_at)
);
CREATE INDEX IF NOT EXISTS decision_outbox_pending ON decision_outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS decision_outbox_case ON decision_outbox (case_id);
`,
};
