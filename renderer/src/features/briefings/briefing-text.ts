/**
 * The Briefings screen's logic without React: the default trend start, validation of the two dates,
 * the parameters of the preview and the export, and how a change against the day before reads.
 * Pure: no DOM, no API, so unit tests call it directly.
 */
import { countyName } from '../../../../shared/domain/counties.ts';
import { formatDay, parseDay } from '../../../../shared/domain/local-date.ts';
import type { Problem, Validated } from '../../components/form-errors.ts';

/** The workbook's sheets, in order (BRIEFING.md): the names are the same in both languages. */
export const BRIEFING_SHEETS = ['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量'] as const;

/** The trend's default length: the briefing date and the 13 days before it. */
export const TREND_DEFAULT_DAYS = 14;
/** The longest trend the screen asks for (a year, one row per day). */
export const TREND_MAX_DAYS = 366;
/** Rows of the "recent exports" list. */
export const RECENT_LIMIT = 10;

/**
 * `滨州健康码每日简报_YYYY-MM-DD.xlsx`, the name the save dialog suggests before the preview says; a
 * county's briefing names the county before the date (`滨州健康码每日简报_邹平市_YYYY-MM-DD.xlsx`).
 */
export function briefingFileName(day: string, county: string | null = null): string {
  return `滨州健康码每日简报_${county === null ? '' : `${countyName(county)}_`}${day}.xlsx`;
}

/** A `YYYY-MM-DD` date moved by `n` days, or null when the text is not a date. */
export function shiftDay(day: string, n: number): string | null {
  const d = parseDay(day);
  return d === null || !/^\d{4}-\d{2}-\d{2}$/.test(day) ? null : formatDay(d + n);
}

/** The default trend start: 13 days before the briefing date (a trend of 14 days). */
export function defaultTrendFrom(day: string): string | null {
  return shiftDay(day, -(TREND_DEFAULT_DAYS - 1));
}

/** Days from `from` to `to`, both included (0 when either is not a date or `to` is earlier). */
export function daysInRange(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null || b === null || b < a) return 0;
  return b - a + 1;
}

export interface BriefingForm {
  /** The briefing date as shown ('' when the field was cleared). */
  day: string;
  /** The trend start as typed; '' means the default (13 days before). */
  trendFrom: string;
  /** The latest date the data reaches (null: no data, or not known yet). */
  latest: string | null;
}

export interface BriefingChoice {
  day: string;
  trendFrom: string;
}

export type BriefingField = 'day' | 'trendFrom';

function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDay(text) !== null;
}

/**
 * Checks the two dates: a briefing date that exists and is not after the latest data, and a trend
 * start that is not after it nor more than TREND_MAX_DAYS before it. An empty trend start is the
 * default. Dates compare as text: `YYYY-MM-DD` sorts as the calendar does.
 */
export function validateBriefing(form: BriefingForm): Validated<BriefingChoice, BriefingField> {
  const errors: Partial<Record<BriefingField, Problem>> = {};
  const day = form.day.trim();
  const from = form.trendFrom.trim();
  if (day === '') errors.day = { key: 'briefings.error.dayRequired' };
  else if (!isDay(day)) errors.day = { key: 'briefings.error.dayInvalid' };
  else if (form.latest !== null && day > form.latest)
    errors.day = { key: 'briefings.error.dayAfterLatest', params: { latest: form.latest } };
  if (from !== '') {
    if (!isDay(from)) errors.trendFrom = { key: 'briefings.error.trendInvalid' };
    else if (errors.day === undefined && from > day) errors.trendFrom = { key: 'briefings.error.trendAfterDay', params: { day } };
    else if (errors.day === undefined && daysInRange(from, day) > TREND_MAX_DAYS) {
      errors.trendFrom = {
        key: 'briefings.error.trendTooLong',
        params: { max: TREND_MAX_DAYS, earliest: shiftDay(day, -(TREND_MAX_DAYS - 1)) ?? '' },
      };
    }
  }
  if (errors.day || errors.trendFrom) return { ok: false, errors };
  return { ok: true, value: { day, trendFrom: from === '' ? (defaultTrendFrom(day) ?? day) : from } };
}

/**
 * The preview's parameters: the server's default (the latest date) until the user picks a date;
 * null while the picked date is not one to ask about (cleared, malformed, after the latest data).
 * The figures do not depend on the trend, so the trend start is not sent.
 */
export function previewParams(pickedDay: string | null, latest: string | null): { day?: string } | null {
  if (pickedDay === null) return {};
  const day = pickedDay.trim();
  if (!isDay(day)) return null;
  if (latest !== null && day > latest) return null;
  return { day };
}

export type ChangeTone = 'worse' | 'better' | 'flat';

/**
 * A change against the day before as the dashboard shows it: arrow and sign (`▲ +12`, `▼ −3`, a real
 * minus sign), and whether it is worse (more red or yellow, fewer green or holders) or better.
 */
export function changeView(
  value: number,
  worseWhenUp: boolean,
  formatNumber: (n: number) => string,
): { text: string | null; tone: ChangeTone } {
  if (value === 0 || !Number.isFinite(value)) return { text: null, tone: 'flat' };
  const up = value > 0;
  return { text: `${up ? '▲ +' : '▼ −'}${formatNumber(Math.abs(value))}`, tone: up === worseWhenUp ? 'worse' : 'better' };
}

/** The sheet names as one line: `概况、分县统计…` in Chinese, `概况, 分县统计…` in English. */
export function sheetList(lang: 'zh' | 'en'): string {
  return BRIEFING_SHEETS.join(lang === 'zh' ? '、' : ', ');
}
