/**
 * The notice list (通报名单) of a day: the credit records decided that day, and the revocations
 * made that day (a revoked record is withdrawn publicly too). Masking happens where people see it.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';

export interface NoticeRow {
  kind: 'decision' | 'revocation';
  number: string;
  person_id: string;
  name: string | null;
  county_code: string | null;
  behavior: string;
  decided_at: number;
  revoked_at: number | null;
}

export function noticeList(db: Db, day: Day, county: string | null = null): NoticeRow[] {
  const scope = county ? 'AND r.county_code = ?' : '';
  const params = county ? [county] : [];
  const decisions = db
    .prepare(
      // A decision revoked by the end of the list's day says so on its own row too.
      `SELECT 'decision' AS kind, r.number, r.person_id, p.name, r.county_code, r.behavior, r.decided_at,
         (SELECT min(e.at) FROM credit_record_events e WHERE e.record_id = r.id AND e.kind = 'revoked' AND e.day <= ?) AS revoked_at
       FROM credit_records r LEFT JOIN residents p ON p.person_id = r.person_id
       WHERE r.decided_day = ? ${scope} ORDER BY r.number`,
    )
    .all(day, day, ...params) as NoticeRow[];
  const revocations = db
    .prepare(
      `SELECT 'revocation' AS kind, r.number, r.person_id, p.name, r.county_code, r.behavior, r.decided_at, e.at AS revoked_at
       FROM credit_record_events e JOIN credit_records r ON r.id = e.record_id LEFT JOIN residents p ON p.person_id = r.person_id
       WHERE e.kind = 'revoked' AND e.day = ? ${scope} ORDER BY r.number`,
    )
    .all(day, ...params) as NoticeRow[];
  return [...decisions, ...revocations];
}
