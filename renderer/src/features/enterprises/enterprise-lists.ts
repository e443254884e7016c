/**
 * The pure parts of the Enterprises screen: the ISO week of a day (the weekly report's default), which
 * list a figure of the tables stands for (the staff or scans behind it), the export parameters of a
 * list and the file names. No React here, so the unit tests read it directly.
 */
import type {
  EnterpriseExportList,
  EnterpriseListQuery,
  ScanFilter,
  ScanQuery,
  SiteKind,
  StaffQuery,
  StaffStatus,
} from '../../../../shared/contract/enterprises.ts';
import { dayParts, formatDay, parseDay } from '../../../../shared/domain/local-date.ts';

/** Rows per page of the server-paged lists. */
export const PAGE_SIZE = 50;

/**
 * The ISO 8601 week of a `YYYY-MM-DD` day, like `2020-W08` (weeks start on Monday; week 1 holds the
 * year's first Thursday, so early January may belong to the previous year's last week); null when
 * the day is not valid.
 */
export function isoWeekOf(day: string): string | null {
  const d = parseDay(day);
  if (d === null) return null;
  // Day 0 (1970-01-01) was a Thursday: weekday 1 = Monday … 7 = Sunday.
  const weekday = ((((d + 3) % 7) + 7) % 7) + 1;
  const thursday = d - weekday + 4;
  const year = dayParts(thursday).year;
  const jan1 = parseDay(`${year}-01-01`)!;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday and Sunday of an ISO week (`2020-W08` → 2020-02-17 … 2020-02-23); null when malformed. */
export function weekDays(week: string): { from: string; to: string } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const n = Number(m[2]);
  const jan4 = parseDay(`${m[1]}-01-04`)!;
  const jan4Weekday = ((((jan4 + 3) % 7) + 7) % 7) + 1;
  const monday = jan4 - jan4Weekday + 1 + (n - 1) * 7;
  if (n < 1 || isoWeekOf(formatDay(monday)) !== week) return null;
  return { from: formatDay(monday), to: formatDay(monday + 6) };
}

/** The county table's figures a person can open (compliance is a share, not a list). */
export type StaffFigure = 'staff' | 'noCode' | 'mayReturn' | 'homeQuarantine' | 'centralQuarantine';
export type ScanFigure = 'passes' | 'denials' | 'violations';

const STAFF_STATUS_OF: Record<StaffFigure, StaffStatus | undefined> = {
  staff: undefined,
  noCode: 'no_code',
  mayReturn: 'green',
  homeQuarantine: 'yellow',
  centralQuarantine: 'red',
};

const SCAN_FILTER_OF: Record<ScanFigure, ScanFilter> = { passes: 'pass', denials: 'deny', violations: 'violation' };

/** What a list shows: the staff or the scans behind a figure, with the filters of the figure. */
export type FigureList = { list: 'staff'; query: StaffQuery } | { list: 'scans'; query: ScanQuery };

/**
 * The list behind a figure of the county table, for a county (null: the city row). Passes, denials
 * and violations are the entry scans at enterprise sites, so the scans list is of kind `enterprise`.
 */
export function countyFigureList(figure: StaffFigure | ScanFigure, county: string | null, asOf: string | undefined): FigureList {
  const day = asOf ? { asOf } : {};
  if (figure in STAFF_STATUS_OF) {
    const status = STAFF_STATUS_OF[figure as StaffFigure];
    return { list: 'staff', query: { ...day, county, ...(status ? { status } : {}) } };
  }
  return { list: 'scans', query: { ...day, county, kind: 'enterprise', filter: SCAN_FILTER_OF[figure as ScanFigure] } };
}

/** The site table's figures and the scans filter behind each. */
export const SITE_FIGURES = [
  ['scans', 'all'],
  ['passes', 'pass'],
  ['denials', 'deny'],
  ['shownRed', 'shown_red'],
  ['shownYellow', 'shown_yellow'],
  ['stale', 'stale'],
  ['violations', 'violation'],
] as const satisfies readonly (readonly [string, ScanFilter])[];

export type SiteFigure = (typeof SITE_FIGURES)[number][0];

/** The scans behind a figure of the sites table (a county × kind cell, a site, or the total). */
export function siteFigureList(
  figure: SiteFigure,
  scope: { county?: string | null; kind?: SiteKind; siteId?: string },
  asOf: string | undefined,
): ScanQuery {
  const filter = SITE_FIGURES.find(([f]) => f === figure)![1];
  return {
    ...(asOf ? { asOf } : {}),
    ...(scope.county !== undefined ? { county: scope.county } : {}),
    ...(scope.kind ? { kind: scope.kind } : {}),
    ...(scope.siteId ? { siteId: scope.siteId } : {}),
    filter,
  };
}

/** The export of a list shown: its own query without paging, and the list's name. */
export function exportParams(
  list: EnterpriseExportList,
  query: EnterpriseListQuery | StaffQuery | ScanQuery | { asOf?: string; county?: string | null; kind?: SiteKind },
): Record<string, unknown> & { list: EnterpriseExportList } {
  const rest: Record<string, unknown> = { ...query };
  delete rest.offset;
  delete rest.limit;
  for (const k of Object.keys(rest)) if (rest[k] === undefined) delete rest[k];
  return { ...rest, list };
}

/** The file name suggested in the save dialog: `企业复工_员工_2020-02-20.xlsx`. */
export function exportFileName(what: string, day: string | undefined): string {
  return `企业复工_${what}${day ? `_${day}` : ''}.xlsx`;
}

/** The weekly report's file name: `复工复产企业管理员周报_2020-W08.xlsx`. */
export function weeklyReportFileName(week: string): string {
  return `复工复产企业管理员周报_${week}.xlsx`;
}

/** Compliance as a share for the table ('—' when no one has a code). */
export function complianceText(rate: number | null, formatPercent: (r: number) => string): string {
  return rate === null ? '—' : formatPercent(rate);
}

/** The search box's text as the list's query: trimmed, empty as none. */
export function searchQuery(text: string): string | undefined {
  const s = text.trim();
  return s === '' ? undefined : s;
}
