/**
 * A figure's value from the per-day sums, the very numbers the dashboard, `hcc stats` and the
 * briefing show: the list behind a figure says this as its total, and the tests page through the
 * list to check that it holds exactly this many people.
 */
import { countyStats, TOTAL_CODE, transitionsOn } from '../rules/county-stats.ts';
import type { Db } from '../db/database.ts';
import { changeCounts, type FigureSpec, isStock } from './figure-match.ts';

export function figureCount(db: Db, spec: FigureSpec): number {
  if (isStock(spec.figure)) {
    const row = countyStats(db, spec.day).find((r) => r.county_code === (spec.county ?? TOTAL_CODE));
    if (!row) return 0;
    const byFigure: Record<string, number> = {
      red: row.red,
      yellow: row.yellow,
      green: row.green,
      holders: row.total,
      noCode: row.no_code,
    };
    return byFigure[spec.figure] ?? 0;
  }
  return transitionsOn(db, spec.day)
    .filter((t) => (spec.county === null || t.county_code === spec.county) && changeCounts(spec, t.from_color, t.to_color))
    .reduce((a, t) => a + t.n, 0);
}
