/**
 * Migration 16: key areas published as dated versions (issue 17, what-if before a key-area change).
 * Each save in the console is one version: what changed (add, end, backdate, change), who published
 * it, when (the database clock) and why (a reason is required), with the batch that wrote the area.
 * Versions received in the key_areas feed are read from their batches (key-areas/versions.ts).
 *
 * The what-if finds the people a change can touch by the region prefix of their travel records:
 * roaming has its region index (migration 1); travel needs one on the origin.
 */
import type { Migration } from './migration.ts';

export const migration016: Migration = {
  version: 16,
  name: 'key area versions',
  sql: `
CREATE TABLE IF NOT EXISTS key_area_versions (
  id INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL,
  name TEXT,
  effective_from INTEGER NOT NULL,
  effective_to INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('add', 'end', 'backdate', 'change')),
  previous_from INTEGER,
  published_at INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  batch_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS key_area_versions_region ON key_area_versions (region_code, published_at);
CREATE INDEX IF NOT EXISTS travel_origin ON travel (origin_region_code);
`,
};
