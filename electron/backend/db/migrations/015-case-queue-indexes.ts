/**
 * Migration 15: what the case queue's filters need (issue 16, case work). The queue was read by
 * state and in id order; it is now also filtered by county (always, for a county's own account:
 * its list, its page count and its counts by state) and by behaviour, and ordered by age (the
 * time since a case opened). Without these each of those walked every case, and a case row holds
 * its evidence, so a walk reads far more than the columns it compares.
 */
import type { Migration } from './migration.ts';

export const migration015: Migration = {
  version: 15,
  name: 'case queue indexes',
  sql: `
CREATE INDEX IF NOT EXISTS cases_county_opened ON cases (county_code, opened_at);
CREATE INDEX IF NOT EXISTS cases_behavior_opened ON cases (behavior, opened_at);
`,
};
