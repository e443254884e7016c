/**
 * Migration 9: indexes the query-plan test found missing on real statements (issue 13 §6,
 * tests/integration/backend/db/query-plans.test.ts). A case's page looked up its credit record by
 * walking every credit record; the dashboard counted the cases opened on a day, and those still
 * open at a date, by walking every case.
 */
import type { Migration } from './migration.ts';

export const migration009: Migration = {
  version: 9,
  name: 'query plan indexes',
  sql: `
CREATE INDEX IF NOT EXISTS credit_records_case ON credit_records (case_id);
CREATE INDEX IF NOT EXISTS cases_opened ON cases (opened_at);
`,
};
