/**
 * Migration 17: county sign-off before the city briefing (issue 17; the notice, 三: 各县指定专人负责).
 * Each row is one officer's sign-off of their county's figures of a day, with the figures as signed
 * (JSON), so a later change of that day's figures can be shown against them. Append-only like the
 * credit records: signing again adds a row that supersedes, and no row is changed or removed.
 */
import type { Migration } from './migration.ts';

export const migration017: Migration = {
  version: 17,
  name: 'county sign-offs',
  sql: `
CREATE TABLE IF NOT EXISTS county_signoffs (
  id INTEGER PRIMARY KEY,
  day INTEGER NOT NULL,
  county_code TEXT NOT NULL,
  signed_by TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  figures TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS county_signoffs_day ON county_signoffs (day, county_code, id);
CREATE TRIGGER IF NOT EXISTS county_signoffs_no_update BEFORE UPDATE ON county_signoffs
BEGIN SELECT RAISE(ABORT, 'county_signoffs is append-only: sign off again instead'); END;
CREATE TRIGGER IF NOT EXISTS county_signoffs_no_delete BEFORE DELETE ON county_signoffs
BEGIN SELECT RAISE(ABORT, 'county_signoffs is append-only: entries are never deleted'); END;
`,
};
