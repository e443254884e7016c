/**
 * The county a person belongs to for county-scoped accounts: the county of their latest stored
 * state (where their code says they are), else their resident record's. One definition for the
 * scope check, the People search's filter and the county a case is opened in, so whatever a county
 * user can find they can open, and nothing else. It never depends on a date the caller chooses.
 */
import { decodeHistory } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';

export function personCounty(db: Db, personId: string): string | null {
  const row = db.prepare('SELECT timeline FROM person_codes WHERE person_id = ?').get(personId) as { timeline: string } | undefined;
  const states = row ? decodeHistory(row.timeline) : [];
  const fromHistory = states[states.length - 1]?.county;
  if (fromHistory) return fromHistory;
  return (
    (db.prepare('SELECT county_code FROM residents WHERE person_id = ?').get(personId) as { county_code: string | null } | undefined)
      ?.county_code ?? null
  );
}

/** Whether a person is visible to an account scoped to `scope` (null: the whole city). */
export function personInCounty(db: Db, personId: string, scope: string | null): boolean {
  return scope === null || personCounty(db, personId) === scope;
}
