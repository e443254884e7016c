/**
 * The plausible window of dates and timestamps (EXCHANGE.md, *interpretation: the window*), kept
 * here and nowhere else. A record dated outside it is a typing or spreadsheet error (a date cell
 * holding 1E+15, a year typed as 2202), not an event: it is rejected with a reason, so that no
 * date from a file can stretch an evaluation, a detector or a statistic over centuries.
 *
 * The choices:
 * - the first day is 2019-01-01 (no health-code record can be older);
 * - the last day is 366 days after the later of the console's clock (clock/database-clock.ts: the
 *   demo city's own days on a demo database) and the newest data already stored; 366 rather than a
 *   calendar year so that the bound is the same arithmetic on every day;
 * - both ends are whole local dates (Asia/Shanghai) and included.
 *
 * EVALUATED_DAYS bounds the loops themselves (evaluation, detectors, statistics), for values that
 * reached the database some other way: nothing before the window's first day (less the rules' 14-day
 * look-back) and nothing after the engine's horizon is ever walked.
 */
import { type Day, dayFromParts, dayOfInstant, formatDay } from '../local-date.ts';
import { LOOKBACK_DAYS } from '../rules/thresholds.ts';

export const PLAUSIBLE_FIRST_DAY: Day = dayFromParts(2019, 1, 1)!;
export const PLAUSIBLE_DAYS_AHEAD = 366;

/** Inclusive local dates; a plain object, so it crosses to the parse worker as it is. */
export interface PlausibleWindow {
  firstDay: Day;
  lastDay: Day;
}

/** The window for a file imported now: `clockMs` is the database's clock. */
export function plausibleWindow(clockMs: number, newestDataDay: Day | null): PlausibleWindow {
  const today = dayOfInstant(clockMs);
  // The newest data counts only when it is itself plausible: a value poisoned by other means must
  // not widen the window for the next file.
  const newest = newestDataDay !== null && newestDataDay <= today + PLAUSIBLE_DAYS_AHEAD ? newestDataDay : today;
  return { firstDay: PLAUSIBLE_FIRST_DAY, lastDay: Math.max(today, newest) + PLAUSIBLE_DAYS_AHEAD };
}

export function dayInWindow(w: PlausibleWindow, day: Day): boolean {
  return day >= w.firstDay && day <= w.lastDay;
}

export function instantInWindow(w: PlausibleWindow, epochMs: number): boolean {
  return Number.isFinite(epochMs) && dayInWindow(w, dayOfInstant(epochMs));
}

export function describeWindow(w: PlausibleWindow): { from: string; to: string } {
  return { from: formatDay(w.firstDay), to: formatDay(w.lastDay) };
}

/** The engine evaluates through this date and stops where the records stop. */
export const HORIZON_DAY: Day = dayFromParts(2099, 12, 31)!;

/** Records earlier than this never count: the rules look back at most 14 days before a code. */
export const EVALUATED_DAYS = { first: PLAUSIBLE_FIRST_DAY - LOOKBACK_DAYS, last: HORIZON_DAY } as const;
