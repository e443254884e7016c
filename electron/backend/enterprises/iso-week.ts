/** ISO weeks (Monday to Sunday, local dates) as the weekly report names them: `2020-W08`. */
import { type Day, dayFromParts } from '../../../shared/domain/local-date.ts';

/** Monday = 0 … Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
const weekday = (d: Day) => (((d + 3) % 7) + 7) % 7;

/** The Monday and Sunday of an ISO week, or null when the year has no such week (W53 of most years). */
export function isoWeekDays(week: string): { monday: Day; sunday: Day } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = dayFromParts(year, 1, 4);
  const nextJan4 = dayFromParts(year + 1, 1, 4);
  if (jan4 === null || nextJan4 === null || n < 1) return null;
  const monday = jan4 - weekday(jan4) + (n - 1) * 7;
  // The week belongs to the year only if it starts before the next year's week 1.
  if (monday >= nextJan4 - weekday(nextJan4)) return null;
  return { monday, sunday: monday + 6 };
}
