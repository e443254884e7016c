/**
 * Migration 14: the lists behind the dashboard's figures (issue 16). Red and yellow holders of a
 * day are found from their entries into the colour, newest first; code_changes was keyed by day
 * only, so each list read every change the city ever had (a million rows at four million people).
 */
import type { Migration } from './migration.ts';

export const migration014: Migration = {
  version: 14,
  name: 'figure lists',
  sql: `
CREATE INDEX IF NOT EXISTS code_changes_into ON code_changes (to_color, day);
`,
};
