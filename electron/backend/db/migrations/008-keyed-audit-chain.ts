/**
 * Migration 8: the audit chain becomes keyed (HMAC-SHA256 with a key kept outside the database),
 * so someone who can write the file can no longer recompute a consistent chain after an edit.
 * Entries already written keep their plain SHA-256 links and are verified as such.
 *
 * audit_chain lists the keyed segments: from entry `keyed_from` on, entries are keyed with the
 * key whose fingerprint is `key_id` (null until the first keyed entry). The first row is the
 * switch point from the unkeyed chain. A new segment starts only when the key changes (a clear
 * database whose key file was lost gets a new one): then the entries before it can still be
 * verified with the old key and are never mistaken for a rebuild. Like the log itself the table
 * only grows: a segment's start never moves, its key id is set once.
 */
import type { Migration } from './migration.ts';

export const migration008: Migration = {
  version: 8,
  name: 'keyed audit chain',
  sql: `
CREATE TABLE audit_chain (
  keyed_from INTEGER NOT NULL,
  key_id TEXT
);
INSERT INTO audit_chain (keyed_from) SELECT coalesce(max(id), 0) + 1 FROM audit_log;
CREATE TRIGGER audit_chain_only_later BEFORE INSERT ON audit_chain
WHEN NEW.key_id IS NULL OR NEW.keyed_from <= (SELECT max(keyed_from) FROM audit_chain)
BEGIN SELECT RAISE(ABORT, 'a new segment of the audit chain starts after the last one, with its key'); END;
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
WHEN OLD.key_id IS NOT NULL OR NEW.key_id IS NULL OR NEW.keyed_from IS NOT OLD.keyed_from
BEGIN SELECT RAISE(ABORT, 'a segment of the audit chain keeps its start, and its key once set'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the segments of the audit chain are never deleted'); END;
`,
};
