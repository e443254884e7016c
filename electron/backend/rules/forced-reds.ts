/**
 * The forced reds of enforcement decisions, as the rules engine reads them (RULES.md "Forced
 * red"): a decision is red from its date; closing a served case (decided or upheld) ends it;
 * revoking it on appeal voids it from the revocation date. It lives in rules/, below
 * enforcement/, because the colour rules read it and enforcement only writes decisions.
 */
import { type Day, dayOfInstant, dayStartInstant } from '../../../shared/domain/local-date.ts';
import type { ForcedRed } from '../../../shared/domain/rules/records.ts';
import type { Db } from '../db/database.ts';
import { type PersonScope, scopeSql } from './person-scope.ts';

export function forcedRedsOf(db: Db, scope: PersonScope): { person_id: string; red: ForcedRed }[] {
  // Read from the append-only tables (credit records, their revocations, the case history), not
  // from the case row, which the queue updates in place: a forced red cannot be lifted by editing it.
  const s = scopeSql(scope, 'r.person_id');
  const rows = db
    .prepare(
      `SELECT r.case_id, r.person_id, r.decided_at,
         (SELECT min(e.at) FROM credit_record_events e WHERE e.record_id = r.id AND e.kind = 'revoked') AS revoked_at,
         (SELECT min(h.at) FROM case_history h WHERE h.case_id = r.case_id AND h.move = 'close') AS closed_at
       FROM credit_records r WHERE ${s.sql}`,
    )
    .all(...s.params) as { case_id: number; person_id: string; decided_at: number; revoked_at: number | null; closed_at: number | null }[];
  return rows.map((r) => ({
    person_id: r.person_id,
    red: {
      key: `case:${r.case_id}`,
      decidedDay: dayOfInstant(r.decided_at),
      // A revoked case's later closing changes nothing: the decision is already void.
      closedDay: r.closed_at !== null && r.revoked_at === null ? dayOfInstant(r.closed_at) : null,
      revokedDay: r.revoked_at === null ? null : dayOfInstant(r.revoked_at),
    },
  }));
}

/**
 * Cases open at the end of a day (the dashboard's "open cases"), optionally in one county: opened by
 * the end of the day and not closed by then. Cases are dated by the database's clock
 * (database-clock.ts), so a demo city's cases fall on its own days.
 */
export function openCases(db: Db, day: Day, county: string | null): number {
  const end = dayStartInstant(day + 1);
  const sql = `SELECT count(*) AS n FROM cases WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)${county ? ' AND county_code = ?' : ''}`;
  return (db.prepare(sql).get(end, end, ...(county ? [county] : [])) as { n: number }).n;
}
