/**
 * Local dates in China. The rules work on local dates in Asia/Shanghai, which has been a fixed
 * UTC+8 since 1991 (no daylight saving), so a local date is computed by arithmetic rather than a
 * time-zone database; that keeps it identical in Node, Electron and the browser.
 *
 * A `Day` is the number of days since 1970-01-01 (local calendar), so day arithmetic is integer
 * arithmetic and days sort and compare as numbers.
 */
export type Day = number;

export const CHINA_OFFSET_MINUTES = 480;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;

/** The local date (Asia/Shanghai) of an instant given in epoch milliseconds. */
export function dayOfInstant(epochMs: number): Day {
  return Math.floor((epochMs + OFFSET_MS) / MS_PER_DAY);
}

/** Day number of a calendar date, or null if the date does not exist (2020-02-30). */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  if (day > daysInMonth(year, month)) return null;
  // Days from civil (H. Hinnant): pure integer arithmetic, no Date objects on the import hot path.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dayParts(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  const p = dayParts(day);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** Parses `YYYY-MM-DD` or `YYYY/M/D` (the exchange formats); null if malformed or impossible. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Epoch milliseconds of local midnight starting the day. */
export function dayStartInstant(day: Day): number {
  return day * MS_PER_DAY - OFFSET_MS;
}

/** An instant as local ISO 8601 with the +08:00 offset: `2020-02-20T08:30:00+08:00`. */
export function formatInstant(epochMs: number): string {
  const local = new Date(epochMs + OFFSET_MS);
  const date = `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}`;
  const ms = local.getUTCMilliseconds();
  return `${date}T${time}${ms ? '.' + String(ms).padStart(3, '0') : ''}+08:00`;
}

/** Today's local date in Asia/Shanghai for a given clock reading (the clock is injected). */
export function todayInChina(nowMs: number): Day {
  return dayOfInstant(nowMs);
}

export function addDays(day: Day, n: number): Day {
  return day + n;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
