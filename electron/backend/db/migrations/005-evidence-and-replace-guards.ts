/**
 * Migration 5: two guards found by review.
 *
 * 1. `INSERT OR REPLACE` deletes the row it replaces without firing DELETE triggers (SQLite fires
 *    them only with recursive_triggers on, a per-connection setting a sqlite3 shell does not set),
 *    so an append-only table could be rewritten in place. A BEFORE INSERT trigger refuses a row
 *    whose key or unique columns are already taken, which is exactly what REPLACE needs.
 * 2. The records each case rests on, one row per act record (ENFORCEMENT.md: "the same behaviour of
 *    the same person on the same evidence never opens two cases"): a suspicion that shares an act
 *    record with an existing case of the same behaviour and person opens nothing. Filled from the
 *    existing cases' evidence.
 */
import type { Migration } from './migration.ts';

const noReplace = (table: string, taken: string) => `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${taken})
BEGIN SELECT RAISE(ABORT, '${table} is append-only: an entry is never replaced'); END;`;

export const migration005: Migration = {
  version: 5,
  name: 'evidence records and replace guards',
  sql: `
${noReplace('audit_log', 'id = NEW.id')}
${noReplace('case_history', 'id = NEW.id')}
${noReplace('credit_records', 'id = NEW.id OR number = NEW.number OR (year = NEW.year AND seq = NEW.seq)')}
${noReplace('credit_record_events', 'id = NEW.id')}

CREATE TABLE case_evidence_records (
  behavior TEXT NOT NULL,
  person_id TEXT NOT NULL,
  feed TEXT NOT NULL,
  record_key TEXT NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  PRIMARY KEY (behavior, person_id, feed, record_key)
) WITHOUT ROWID;

INSERT OR IGNORE INTO case_evidence_records (behavior, person_id, feed, record_key, case_id)
SELECT c.behavior, c.person_id, json_extract(r.value, '$.feed'), json_extract(r.value, '$.key'), c.id
FROM cases c, json_each(c.evidence, '$.records') r
WHERE json_extract(r.value, '$.at') IS NOT NULL
  AND json_extract(r.value, '$.feed') = CASE c.behavior WHEN 'false_declaration' THEN 'declarations' ELSE 'scans' END;
`,
};
