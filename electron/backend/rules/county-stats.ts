/**
 * County statistics for any date, from the per-day sums: code holders by colour and people known
 * without a code, counties in code order, then the city total. The dashboard, `hcc stats` and the
 * briefing all read these functions, so their numbers cannot differ.
 */
import { COUNTIES, countyName } from '../../../shared/domain/counties.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import type { Db } from '../db/database.ts';

export interface CountyStatsRow {
  county_code: string;
  county_name: string;
  red: number;
  yellow: number;
  green: number;
  /** Code holders: red + yellow + green. */
  total: number;
  /** People known to the database without a code. */
  no_code: number;
}

export const TOTAL_CODE = 'total';

/** Counties in code order, then the total (which also counts people whose county is unknown). */
export function countyStats(db: Db, day: Day): CountyStatsRow[] {
  const sums = db
    .prepare('SELECT county_code, color, sum(delta) AS n FROM stat_deltas WHERE day <= ? GROUP BY county_code, color')
    .all(day) as { county_code: string; color: CodeColor; n: number }[];
  const row = (code: string, name: string): CountyStatsRow => ({
    county_code: code,
    county_name: name,
    red: 0,
    yellow: 0,
    green: 0,
    total: 0,
    no_code: 0,
  });
  const rows = new Map(COUNTIES.map((c) => [c.code, row(c.code, c.name)]));
  const total = row(TOTAL_CODE, '全市');
  for (const s of sums) {
    const targets = [total, ...(rows.has(s.county_code) ? [rows.get(s.county_code)!] : [])];
    for (const t of targets) {
      if (s.color === 'none') t.no_code += s.n;
      else t[s.color] += s.n;
    }
  }
  const out = [...rows.values(), total];
  for (const r of out) r.total = r.red + r.yellow + r.green;
  return out;
}

export interface TransitionRow {
  county_code: string;
  from_color: CodeColor;
  to_color: CodeColor;
  n: number;
}

/** Colour changes on a day, by county (from 'none' = new codes). */
export function transitionsOn(db: Db, day: Day): TransitionRow[] {
  return db
    .prepare(
      'SELECT county_code, from_color, to_color, sum(n) AS n FROM transition_counts WHERE day = ? GROUP BY county_code, from_color, to_color HAVING ' +
        'sum(n) <> 0 ORDER BY county_code, from_color, to_color',
    )
    .all(day) as TransitionRow[];
}

export { countyName };
