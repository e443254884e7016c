/**
 * The briefing's dates, and the choices BRIEFING.md leaves open, kept here in one place.
 */
import { countyName } from '../../../shared/domain/counties.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';

/** The trend sheet's default length: the last 14 days, the briefing date included. */
export const TREND_DAYS = 14;
/** A chosen trend range may not be longer than a year (one row per day). */
export const TREND_MAX_DAYS = 366;

export function defaultTrendFrom(day: Day): Day {
  return day - (TREND_DAYS - 1);
}

/**
 * `滨州健康码每日简报_YYYY-MM-DD.xlsx` (BRIEFING.md); a county's briefing names the county before the
 * date (`滨州健康码每日简报_邹平市_2020-02-17.xlsx`), so the seven that reach the command office on a day
 * do not overwrite one another or the city's.
 */
export function briefingFileName(day: Day, county: string | null = null): string {
  return `滨州健康码每日简报_${county === null ? '' : `${countyName(county)}_`}${formatDay(day)}.xlsx`;
}

/**
 * Interpretation (数据质量 "rows … that day"): a department file counts for the day of its version
 * time, the date in its name (`checkins-2020-02-20.csv`) or else its modification time — the day
 * its data is about, not the day it happened to be imported.
 */
export const QUALITY_DAY_BY = 'file version time' as const;

/** Excel's last row is 1,048,576; a longer list is cut with a note saying so (never silently). */
export const SHEET_ROW_LIMIT = 1_048_000;
