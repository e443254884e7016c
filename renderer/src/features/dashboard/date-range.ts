/**
 * The range of the as-of date picker and the "no data for this date" notice. The console reports
 * the latest day the data reaches, not its first; the first shows in a trend that reaches back
 * before it (days without a single code holder, then days with some), and stays unknown otherwise.
 */
import type { DashboardSummary, TrendPoint } from '../../../../shared/contract/api.ts';

/** The first day with code holders, when the trend shows days without any before it. */
export function firstDataDay(trend: readonly TrendPoint[]): string | null {
  const i = trend.findIndex((p) => p.total > 0);
  return i > 0 ? trend[i]!.day : null;
}

/** The earlier of two known first days (scopes and as-of dates show different parts of the data). */
export function earlierDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function asOfRange(summary: DashboardSummary | null, firstDay: string | null): { min?: string; max?: string } {
  const max = summary?.latestDataDay ?? undefined;
  return { ...(firstDay && (!max || firstDay <= max) ? { min: firstDay } : {}), ...(max ? { max } : {}) };
}

/** A day before the data starts: nobody holds a code yet (people known from the residents feed may). */
export function beforeData(summary: DashboardSummary): boolean {
  return summary.latestDataDay !== null && summary.asOf < summary.latestDataDay && summary.kpis.total === 0;
}
