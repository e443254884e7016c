/**
 * After new data, the figures of the day the Enterprises screen opens on are counted at once, on the
 * thread that synced (the job worker), so the first officer to open the screen after a morning sync
 * reads kept figures instead of waiting for a city's staff and scans to be counted.
 */
import { defaultAsOfDay } from '../clock/database-clock.ts';
import type { Db } from '../db/database.ts';
import { cityCounts } from './enterprise-figures.ts';
import { siteStats } from './site-figures.ts';

export function keepLatestFigures(db: Db): void {
  const day = defaultAsOfDay(db);
  cityCounts(db, day);
  siteStats(db, day, { county: null });
}
