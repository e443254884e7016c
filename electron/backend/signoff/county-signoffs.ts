/**
 * The sign-offs as stored (migration 17): append-only rows of (day, county, who, when, the figures
 * signed as JSON). A county signed again that day gets a new row that supersedes the earlier one;
 * the earlier row stays, so the record shows every sign-off and what each one signed.
 */
import type { SignoffFigures } from '../../../shared/domain/county-signoff.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';

export interface SignoffRow {
  id: number;
  day: Day;
  county_code: string;
  signed_by: string;
  signed_at: number;
  /** The figures as signed (JSON of SignoffFigures; an older console's may hold fewer). */
  figures: string;
}

export function insertSignoff(
  db: Db,
  s: { day: Day; county: string; signedBy: string; signedAt: number; figures: SignoffFigures },
): SignoffRow {
  const info = db
    .prepare('INSERT INTO county_signoffs (day, county_code, signed_by, signed_at, figures) VALUES (?, ?, ?, ?, ?)')
    .run(s.day, s.county, s.signedBy, s.signedAt, JSON.stringify(s.figures));
  return db.prepare('SELECT * FROM county_signoffs WHERE id = ?').get(info.lastInsertRowid) as SignoffRow;
}

/** Each county's latest sign-off of the day, with how many it has had that day. */
export function latestSignoffs(db: Db, day: Day): Map<string, { row: SignoffRow; count: number }> {
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT count(*) FROM county_signoffs c WHERE c.day = s.day AND c.county_code = s.county_code) AS count
       FROM county_signoffs s
       WHERE s.day = ? AND s.id = (SELECT max(id) FROM county_signoffs m WHERE m.day = s.day AND m.county_code = s.county_code)`,
    )
    .all(day) as (SignoffRow & { count: number })[];
  return new Map(rows.map(({ count, ...row }) => [row.county_code, { row, count }]));
}
