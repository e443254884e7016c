/**
 * Migration 4: credit supervision (ENFORCEMENT.md). Cases with their evidence; the case history,
 * the credit records and their revocations, all append-only (triggers refuse UPDATE and DELETE:
 * corrections are new entries). A case's current state is kept on the case for the queue; its
 * history is the record of who moved it, when and why.
 */
import type { Migration } from './migration.ts';

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: add a correcting entry instead'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: entries are never deleted'); END;`;

export const migration004: Migration = {
  version: 4,
  name: 'enforcement',
  sql: `
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL,
  behavior TEXT NOT NULL CHECK (behavior IN ('false_declaration', 'screenshot', 'impersonation', 'other')),
  state TEXT NOT NULL CHECK (state IN ('suspected', 'under_review', 'decided', 'dismissed', 'appealed', 'upheld', 'revoked', 'closed')),
  evidence TEXT NOT NULL,
  -- The same behaviour of the same person on the same evidence never opens two cases.
  evidence_key TEXT NOT NULL UNIQUE,
  county_code TEXT,
  opened_at INTEGER NOT NULL,
  opened_by TEXT NOT NULL,
  decided_at INTEGER,
  revoked_at INTEGER,
  closed_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cases_state ON cases (state, id);
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_decided ON cases (decided_at) WHERE decided_at IS NOT NULL;

CREATE TABLE case_history (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  at INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  move TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX case_history_case ON case_history (case_id, id);
${appendOnly('case_history')}

CREATE TABLE credit_records (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  person_id TEXT NOT NULL,
  behavior TEXT NOT NULL,
  evidence_summary TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  decision TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  decided_day INTEGER NOT NULL,
  county_code TEXT,
  UNIQUE (year, seq)
);
CREATE INDEX credit_records_person ON credit_records (person_id);
CREATE INDEX credit_records_day ON credit_records (decided_day);
${appendOnly('credit_records')}

CREATE TABLE credit_record_events (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES credit_records (id),
  kind TEXT NOT NULL CHECK (kind IN ('revoked')),
  at INTEGER NOT NULL,
  day INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX credit_record_events_record ON credit_record_events (record_id);
CREATE INDEX credit_record_events_day ON credit_record_events (day);
${appendOnly('credit_record_events')}
`,
};
