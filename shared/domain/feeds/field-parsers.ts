/**
 * Parsing and validation of one cell per column type (EXCHANGE.md). Each parser returns the stored
 * value (text, or a number for times, dates, booleans and measurements) or the reason it cannot be
 * stored. These run for every cell of every file, so they avoid regular expressions on hot paths.
 */
import { isCountyCode } from '../counties.ts';
import { isValidCreditCode } from '../credit-code.ts';
import { dayFromParts, dayOfInstant, parseDay } from '../local-date.ts';
import { personIdCheckChar, personIdProblem } from '../person-id.ts';
import { parseTimestamp } from '../timestamps.ts';
import { type Cell, EXCEL_EPOCH_OFFSET_DAYS, cellText } from './cells.ts';
import type { FeedColumn } from './feed-schemas.ts';
import { type PlausibleWindow, dayInWindow, describeWindow, instantInWindow } from './plausible-window.ts';
import { type Problem, problem, reasons } from './reject-reasons.ts';

export type StoredValue = string | number | null;
export type FieldResult = { ok: true; value: StoredValue } | { ok: false; problem: Problem };

/** Longest text we store in any column: department files are not free-text documents. */
export const MAX_TEXT_LENGTH = 500;

const CHINA_OFFSET_MS = 8 * 3_600_000;

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', '否']);

export function columnLabel(column: FeedColumn): string {
  return `${column.zh} (${column.name})`;
}

const ok = (value: StoredValue): FieldResult => ({ ok: true, value });

/**
 * Parses a cell for a column; an empty cell gives `null` (the caller checks `required`). Dates and
 * timestamps must lie in `window` (feeds/plausible-window.ts).
 */
export function parseField(column: FeedColumn, cell: Cell | undefined, window: PlausibleWindow): FieldResult {
  if (cell !== undefined && typeof cell !== 'string') return parseDateCell(column, cell.excelSerial, window);
  const text = cell === undefined ? '' : cell.trim();
  if (text === '') return ok(null);
  const fail = (texts: { en: string; zh: string }, code: Problem['code']): FieldResult => ({
    ok: false,
    problem: problem(column.name, text, code, texts),
  });
  switch (column.type) {
    case 'person_id': {
      if (looksLikeLostDigits(text)) return fail(reasons.numberLostDigits(), 'number_lost_digits');
      const why = personIdProblem(text);
      if (why === null) return ok(text.charCodeAt(17) === 120 ? text.slice(0, 17) + 'X' : text);
      if (why === 'length') return fail(reasons.personIdLength(text.length), 'person_id_length');
      if (why === 'characters') return fail(reasons.personIdCharacters(), 'person_id_characters');
      return fail(reasons.personIdCheck(personIdCheckChar(text.slice(0, 17)) ?? '?'), 'person_id_check');
    }
    case 'phone':
      if (looksLikeLostDigits(text)) return fail(reasons.numberLostDigits(), 'number_lost_digits');
      return isPhone(text) ? ok(text) : fail(reasons.phone(), 'phone_format');
    case 'county_code':
      return isCountyCode(text) ? ok(text) : fail(reasons.county(), 'county_unknown');
    case 'region_code':
      return isRegionCode(text) ? ok(text) : fail(reasons.region(), 'region_format');
    case 'credit_code': {
      const upper = text.toUpperCase();
      return isValidCreditCode(upper) ? ok(upper) : fail(reasons.creditCode(), 'credit_code_invalid');
    }
    case 'text':
      return text.length > MAX_TEXT_LENGTH ? fail(reasons.tooLong(MAX_TEXT_LENGTH), 'too_long') : ok(text);
    case 'timestamp': {
      const ms = parseTimestamp(text);
      if (ms === null)
        return nonexistentDate(text) ? fail(reasons.dateDoesNotExist(), 'date_not_exist') : fail(reasons.timestamp(), 'timestamp_format');
      return instantInWindow(window, ms) ? ok(ms) : fail(reasons.outsideWindow(describeWindow(window)), 'outside_window');
    }
    case 'date': {
      const day = parseDay(text);
      if (day === null)
        return nonexistentDate(text) ? fail(reasons.dateDoesNotExist(), 'date_not_exist') : fail(reasons.date(), 'date_format');
      return dayInWindow(window, day) ? ok(day) : fail(reasons.outsideWindow(describeWindow(window)), 'outside_window');
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return ok(1);
      if (FALSE_WORDS.has(word)) return ok(0);
      return fail(reasons.boolean(), 'boolean_format');
    }
    case 'temperature': {
      const t = parseTemperature(text);
      if (t === null) return fail(reasons.temperatureFormat(), 'temperature_format');
      return t >= 34 && t <= 43 ? ok(t) : fail(reasons.temperatureRange(), 'temperature_range');
    }
    case 'latitude':
    case 'longitude': {
      const v = parseDecimal(text);
      const limit = column.type === 'latitude' ? 90 : 180;
      return v !== null && v >= -limit && v <= limit ? ok(v) : fail(reasons.coordinate(column.type), 'coordinate_range');
    }
    case 'enum': {
      const value = enumValue(column, text);
      if (value !== null) return ok(value);
      const allowed = (column.values ?? []).map((v) => [v.value, ...v.aliases].join('/')).join(', ');
      return fail(reasons.enumUnknown(allowed), 'enum_unknown');
    }
  }
}

/**
 * An XLSX date cell: stored as an instant or a local date, or as text in a text column. Any number
 * can sit in a date-formatted cell (1E+15, 99999999): the window decides, before anything is stored.
 */
function parseDateCell(column: FeedColumn, serial: number, window: PlausibleWindow): FieldResult {
  const localMs = Math.round((serial - EXCEL_EPOCH_OFFSET_DAYS) * 86_400_000);
  if (column.type === 'timestamp' || column.type === 'date') {
    const ms = localMs - CHINA_OFFSET_MS;
    if (!instantInWindow(window, ms)) {
      return {
        ok: false,
        problem: problem(column.name, cellText({ excelSerial: serial }), 'outside_window', reasons.outsideWindow(describeWindow(window))),
      };
    }
    return ok(column.type === 'timestamp' ? ms : dayOfInstant(ms));
  }
  // A date cell in a text-like column (e.g. a code typed into a date-formatted column): validate its text.
  return parseField(column, cellText({ excelSerial: serial }), window);
}

/**
 * Whether text that failed to parse has the shape of a date whose day does not exist (2020-02-30,
 * 2021-02-29, 2020-13-01): said so, rather than "wrong format", so the clerk fixes the date, not
 * the layout. Runs only for rejected cells.
 */
function nonexistentDate(text: string): boolean {
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?=$|[T ])/.exec(text);
  return m !== null && dayFromParts(Number(m[1]), Number(m[3]), Number(m[4])) === null;
}

export function enumValue(column: FeedColumn, text: string): string | null {
  const lower = text.toLowerCase();
  for (const v of column.values ?? []) {
    if (v.value === lower || v.aliases.includes(text)) return v.value;
  }
  return null;
}

/** 11 digits starting with 1. */
export function isPhone(text: string): boolean {
  if (text.length !== 11 || text.charCodeAt(0) !== 49) return false;
  return allDigits(text);
}

/** A 2-, 4- or 6-digit administrative code. */
export function isRegionCode(text: string): boolean {
  return (text.length === 2 || text.length === 4 || text.length === 6) && allDigits(text);
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Excel turns long digit strings into 3.71602E+17: the digits are gone and cannot be recovered. */
function looksLikeLostDigits(text: string): boolean {
  return /^\d(\.\d+)?[eE]\+?\d+$/.test(text);
}

/** A temperature like `36.5`, `36.5℃` or `36.5 °C`; a hand-written fast path for the common form. */
function parseTemperature(text: string): number | null {
  // Fast path: dd or dd.d (every check-in row has one).
  const n = text.length;
  const c0 = text.charCodeAt(0) - 48;
  const c1 = text.charCodeAt(1) - 48;
  if (n >= 2 && c0 >= 0 && c0 <= 9 && c1 >= 0 && c1 <= 9) {
    if (n === 2) return c0 * 10 + c1;
    const c3 = text.charCodeAt(3) - 48;
    if (n === 4 && text.charCodeAt(2) === 46 && c3 >= 0 && c3 <= 9) return (c0 * 100 + c1 * 10 + c3) / 10;
  }
  return parseDecimal(text.replace(/\s*(℃|°C|°c|°)$/, ''));
}

/** A plain decimal number (no exponents, no thousands separators). */
function parseDecimal(text: string): number | null {
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
