/**
 * Migration 10: what the Enterprises screen needs (ENTERPRISES.md).
 *
 * The indexes: a site's day, an enterprise's 14 days and the entry scans of all enterprise sites are
 * read by day and site; scans were indexed by day and by person only, so each of them walked a whole
 * day of the city's scans. Day first, not site first: a day's file then inserts into one day's part
 * of the index (a few MB, in the cache) instead of one point per site all over it, which at 4 million
 * residents slowed the scans' import 2.5-fold (8,500 against 21,000 rows a second). The lists behind
 * a site figure are pages of a day's scans in time order: (day, scanned_at) reads a page without
 * sorting two million scans.
 *
 * The figures of a day: counting a million staff by colour and check-ins, or two million scans, takes
 * seconds at 4 million residents, so a day's per-enterprise and per-site figures are kept with the
 * stamp of the data they were counted from (kept-day-figures.ts) and counted again only when that
 * data has changed.
 */
import type { Migration } from './migration.ts';

export const migration010: Migration = {
  version: 10,
  name: 'enterprises',
  sql: `
CREATE INDEX IF NOT EXISTS scans_day_site ON scans (day, site_id);
CREATE INDEX IF NOT EXISTS scans_day_time ON scans (day, scanned_at);
CREATE TABLE IF NOT EXISTS kept_day_figures (
  name TEXT NOT NULL,
  day INTEGER NOT NULL,
  stamp TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (name, day)
);
`,
};
