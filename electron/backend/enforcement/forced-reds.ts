/**
 * The forced reds of enforcement decisions, as the rules engine reads them (RULES.md "Forced
 * red"): a decision is red from its date; closing a served case (decided or upheld) ends it;
 * revoking it on appeal voids it from the revocation date.
 */
import { type Day, dayOfInstant, dayStartInstant } from '../../../shared/domain/local-date.ts';
import type { ForcedRed } from '../../../shared/domain/rules/records.ts';
import type { Db } from '../db/database.ts';
import { type PersonScope, scopeSql } from '../rules/person-scope.ts';

export function forcedRedsOf(db: Db, scope: PersonScope): { person_id: string; red: ForcedRed }[] {
  const s = scopeSql(scope);
  const rows = db
    .prepare(`SELECT id, person_id, decided_at, revoked_at, closed_at FROM cases WHERE decided_at IS NOT NULL AND ${s.sql}`)
    .all(...s.params) as { id: number; person_id: string; decided_at: number; revoked_at: number | null; closed_at: number | null }[];
  return rows.map((r) => ({
    person_id: r.person_id,
    red: {
      key: `case:${r.id}`,
      decidedDay: dayOfInstant(r.decided_at),
      // A revoked case's later closing changes nothing: the decision is already void.
      closedDay: r.closed_at !== null && r.revoked_at === null ? dayOfInstant(r.closed_at) : null,
      revokedDay: r.revoked_at === null ? null : dayOfInstant(r.revoked_at),
    },
  }));
}

/** Cases open at the end of a day (the dashboard's "open cases"), optionally in one county. */
export function openCases(db: Db, day: Day, county: string | null): number {
  const end = dayStartInstant(day + 1);
  const sql = `SELECT count(*) AS n FROM cases WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)${county ? ' AND county_code = ?' : ''}`;
  return (db.prepare(sql).get(end, end, ...(county ? [county] : [])) as { n: number }).n;
}
