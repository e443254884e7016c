/**
 * Migration 1: the dynamic database. One table per feed (EXCHANGE.md), history tables for the
 * upsert feeds, import batches, rejected rows and sync state.
 *
 * Storage choices: IDs, phones and codes are TEXT; timestamps are INTEGER epoch milliseconds with
 * the local date (`day`, days since 1970-01-01 in UTC+8) beside them for per-date queries; booleans
 * are 0/1. Tables keyed by text use WITHOUT ROWID so the key is the clustered index.
 */
import type { Migration } from './migration.ts';

export const migration001: Migration = {
  version: 1,
  name: 'dynamic database',
  sql: `
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  feed TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  version_time INTEGER NOT NULL,
  encoding TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('import', 'sync')),
  strict INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'unreadable')),
  header TEXT,
  ignored_columns TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  resume_line INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  error_zh TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK (rows_read = accepted + duplicates + rejected)
);
CREATE INDEX import_batches_file ON import_batches (file_path, file_hash, status);
CREATE INDEX import_batches_feed ON import_batches (feed, id);

CREATE TABLE rejected_rows (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches (id),
  feed TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  line INTEGER NOT NULL,
  column_name TEXT NOT NULL,
  value TEXT NOT NULL,
  reason TEXT NOT NULL,
  reason_zh TEXT NOT NULL,
  problems TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX rejected_rows_feed ON rejected_rows (feed, id);
CREATE INDEX rejected_rows_batch ON rejected_rows (batch_id, line);
-- Reading the same content again rejects the same rows again: keep them once.
CREATE UNIQUE INDEX rejected_rows_once ON rejected_rows (feed, file_hash, line);

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
  files INTEGER NOT NULL DEFAULT 0,
  rows_read INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER
);

CREATE TABLE sync_files (
  source TEXT NOT NULL,
  relative_path TEXT NOT NULL,
  feed TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  file_hash TEXT NOT NULL,
  batch_id INTEGER REFERENCES import_batches (id),
  complete INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source, relative_path)
) WITHOUT ROWID;

-- People whose records changed since the colours were last computed.
CREATE TABLE dirty_people (person_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TABLE residents (
  person_id TEXT PRIMARY KEY,
  name TEXT, phone TEXT, county_code TEXT, address TEXT,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX residents_phone ON residents (phone) WHERE phone IS NOT NULL;
CREATE INDEX residents_county ON residents (county_code);
CREATE TABLE residents_history (
  id INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL,
  name TEXT, phone TEXT, county_code TEXT, address TEXT,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
);
CREATE INDEX residents_history_key ON residents_history (person_id);

CREATE TABLE declarations (
  person_id TEXT NOT NULL,
  declared_at INTEGER NOT NULL,
  day INTEGER NOT NULL,
  county_code TEXT NOT NULL,
  confirmed INTEGER NOT NULL, suspected INTEGER NOT NULL, close_contact INTEGER NOT NULL,
  key_area_visit INTEGER NOT NULL, fever INTEGER NOT NULL, shortness_of_breath INTEGER NOT NULL,
  respiratory_symptoms INTEGER NOT NULL, febrile_contact INTEGER NOT NULL,
  returned_from_outside_province INTEGER NOT NULL,
  batch_id INTEGER NOT NULL,
  PRIMARY KEY (person_id, declared_at)
) WITHOUT ROWID;
CREATE INDEX declarations_day ON declarations (day);

-- Check-ins are clustered by local date so a day's file appends at the end of the tree instead of
-- touching pages all over it; (day, person_id, checked_at) is as unique as (person_id, checked_at)
-- because the day is a function of checked_at.
CREATE TABLE checkins (
  day INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  checked_at INTEGER NOT NULL,
  temperature REAL NOT NULL,
  symptoms INTEGER NOT NULL,
  batch_id INTEGER NOT NULL,
  PRIMARY KEY (day, person_id, checked_at)
) WITHOUT ROWID;
-- Which days each person checked in: bit (day % 32) of block (day / 32). The rules need only this
-- and the abnormal check-ins, so evaluating a city reads one row per person per month, not 60.
-- changed_batch is the last batch that added a day: the people whose check-ins changed since an
-- evaluation are found without a separate "dirty" write for each of millions of check-ins.
CREATE TABLE checkin_days (
  block INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  mask INTEGER NOT NULL,
  changed_batch INTEGER NOT NULL,
  PRIMARY KEY (block, person_id)
) WITHOUT ROWID;
CREATE TABLE abnormal_checkins (
  person_id TEXT NOT NULL,
  checked_at INTEGER NOT NULL,
  day INTEGER NOT NULL,
  temperature REAL NOT NULL,
  symptoms INTEGER NOT NULL,
  PRIMARY KEY (person_id, checked_at)
) WITHOUT ROWID;

CREATE TABLE health_records (
  person_id TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'suspected', 'close_contact', 'cleared')),
  day INTEGER NOT NULL,
  batch_id INTEGER NOT NULL,
  PRIMARY KEY (person_id, recorded_at, status)
) WITHOUT ROWID;

CREATE TABLE roaming (
  phone TEXT NOT NULL,
  region_code TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER,
  carrier TEXT,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL,
  PRIMARY KEY (phone, region_code, first_seen)
) WITHOUT ROWID;
CREATE INDEX roaming_region ON roaming (region_code);
CREATE TABLE roaming_history (
  id INTEGER PRIMARY KEY,
  phone TEXT NOT NULL, region_code TEXT NOT NULL, first_seen INTEGER NOT NULL,
  last_seen INTEGER, carrier TEXT,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
);
CREATE INDEX roaming_history_key ON roaming_history (phone, region_code, first_seen);

CREATE TABLE travel (
  person_id TEXT NOT NULL,
  arrived_at INTEGER NOT NULL,
  origin_region_code TEXT NOT NULL,
  day INTEGER NOT NULL,
  mode TEXT,
  batch_id INTEGER NOT NULL,
  PRIMARY KEY (person_id, arrived_at, origin_region_code)
) WITHOUT ROWID;

CREATE TABLE medical (
  person_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fever_clinic', 'fever_medicine')),
  day INTEGER NOT NULL,
  facility TEXT,
  batch_id INTEGER NOT NULL,
  PRIMARY KEY (person_id, occurred_at, kind)
) WITHOUT ROWID;

CREATE TABLE enterprises (
  credit_code TEXT PRIMARY KEY,
  name TEXT, county_code TEXT, industry TEXT, resumption_approved INTEGER,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX enterprises_county ON enterprises (county_code);
CREATE TABLE enterprises_history (
  id INTEGER PRIMARY KEY,
  credit_code TEXT NOT NULL,
  name TEXT, county_code TEXT, industry TEXT, resumption_approved INTEGER,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
);
CREATE INDEX enterprises_history_key ON enterprises_history (credit_code);

CREATE TABLE staff (
  credit_code TEXT NOT NULL,
  person_id TEXT NOT NULL,
  batch_id INTEGER NOT NULL,
  PRIMARY KEY (credit_code, person_id)
) WITHOUT ROWID;
CREATE INDEX staff_person ON staff (person_id);

CREATE TABLE sites (
  site_id TEXT PRIMARY KEY,
  name TEXT, kind TEXT, county_code TEXT, lat REAL, lon REAL,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE sites_history (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL,
  name TEXT, kind TEXT, county_code TEXT, lat REAL, lon REAL,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
);
CREATE INDEX sites_history_key ON sites_history (site_id);

CREATE TABLE scans (
  scan_id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  scanned_at INTEGER NOT NULL,
  day INTEGER NOT NULL,
  code_issued_at INTEGER,
  shown_color TEXT CHECK (shown_color IN ('red', 'yellow', 'green')),
  action TEXT CHECK (action IN ('pass', 'deny')),
  batch_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX scans_person ON scans (person_id, scanned_at);
CREATE INDEX scans_day ON scans (day);

CREATE TABLE key_areas (
  region_code TEXT NOT NULL,
  effective_from INTEGER NOT NULL,
  name TEXT,
  effective_to INTEGER,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL,
  PRIMARY KEY (region_code, effective_from)
) WITHOUT ROWID;
CREATE TABLE key_areas_history (
  id INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL, effective_from INTEGER NOT NULL,
  name TEXT, effective_to INTEGER,
  version_time INTEGER NOT NULL, batch_id INTEGER NOT NULL
);
CREATE INDEX key_areas_history_key ON key_areas_history (region_code, effective_from);

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`,
};
