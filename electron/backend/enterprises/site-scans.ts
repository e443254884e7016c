/**
 * Scans at sites, each with what the site figures need (ENTERPRISES.md): the person's colour at the
 * scan (RULES.md colours of the scan's day, from person_codes), whether the code was stale (the
 * screenshot rule's validity, ENFORCEMENT.md) and whether the pass was a violation (ViolationKind).
 * A violation is the site's failure: nothing here opens a case.
 */
import type { SiteKind, ViolationKind } from '../../../shared/contract/enterprises.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import type { Db } from '../db/database.ts';
import { detectorSettings } from '../enforcement/detectors/detector-settings.ts';
import { codeColourOn } from './colour-letter.ts';

export interface SiteScan {
  scanId: string;
  at: number;
  day: Day;
  personId: string;
  siteId: string;
  siteName: string | null;
  kind: SiteKind | null;
  countyCode: string | null;
  /** The enterprise a site of kind enterprise belongs to. */
  creditCode: string | null;
  shown: CodeColor | null;
  action: 'pass' | 'deny' | null;
  colour: CodeColor | null;
  stale: boolean;
  violation: ViolationKind | null;
}

/** Which scans: a whole day, the enterprise sites of a day, one site's day, or one enterprise's days. */
export type ScanSource =
  | { of: 'day'; day: Day }
  | { of: 'enterprise-sites'; day: Day }
  | { of: 'site'; siteId: string; day: Day }
  | { of: 'enterprise'; creditCode: string; days: readonly Day[] };

/** Whether the enterprise was approved to resume as the register stood at the end of a day. */
export type ApprovalOn = (creditCode: string, day: Day) => boolean;

/** The columns every scan query reads (scans s, sites st, person_codes pc), in Row's order. */
export const SCAN_SELECT = `SELECT s.scan_id, s.scanned_at, s.day, s.person_id, s.site_id, st.name, st.kind, st.county_code,
  CASE WHEN st.kind = 'enterprise' THEN st.credit_code END, s.shown_color, s.action, s.code_issued_at, pc.timeline
  FROM scans s`;
const SELECT = SCAN_SELECT;
export const SCAN_COLOURS = 'LEFT JOIN person_codes pc ON pc.person_id = s.person_id';
const JOINS = SCAN_COLOURS;

/**
 * The index is named, and CROSS JOIN keeps sites the outer loop: without statistics (no ANALYZE on a
 * new database) SQLite prefers the
 * (day, scanned_at) index for its order and then reads a whole day of the city's scans for one site.
 */
function statement(source: ScanSource): { sql: string; params: unknown[] } {
  switch (source.of) {
    case 'day':
      return {
        sql: `${SELECT} INDEXED BY scans_day LEFT JOIN sites st ON st.site_id = s.site_id ${JOINS} WHERE s.day = ?`,
        params: [source.day],
      };
    case 'enterprise-sites':
      // From the (few) enterprise sites to their scans of the day by (site_id, day).
      return {
        sql: `${SELECT.replace('FROM scans s', 'FROM sites st CROSS JOIN scans s INDEXED BY scans_day_site ON s.site_id = st.site_id AND s.day = ?')} ${JOINS}
              WHERE st.kind = 'enterprise' AND st.credit_code IS NOT NULL`,
        params: [source.day],
      };
    case 'site':
      return {
        sql: `${SELECT} INDEXED BY scans_day_site LEFT JOIN sites st ON st.site_id = s.site_id ${JOINS}
              WHERE s.site_id = ? AND s.day = ? ORDER BY s.scanned_at, s.scan_id`,
        params: [source.siteId, source.day],
      };
    case 'enterprise': {
      const days = source.days.map(() => '?').join(', ');
      const from = `FROM sites st CROSS JOIN scans s INDEXED BY scans_day_site ON s.site_id = st.site_id AND s.day IN (${days})`;
      return {
        sql: `${SELECT.replace('FROM scans s', from)} ${JOINS} WHERE st.kind = 'enterprise' AND st.credit_code = ? ORDER BY s.scanned_at, s.scan_id`,
        params: [...source.days, source.creditCode],
      };
    }
  }
}

type Row = [
  string,
  number,
  number,
  string,
  string,
  string | null,
  SiteKind | null,
  string | null,
  string | null,
  CodeColor | null,
  'pass' | 'deny' | null,
  number | null,
  string | null,
];

/** The validity of a shown code in ms (the detectors' setting, so "stale" means what 套取截图 means). */
export function codeValidityMs(db: Db): number {
  return detectorSettings(db).codeValidityMinutes * 60_000;
}

export function* siteScans(db: Db, source: ScanSource, approvedOn: ApprovalOn, validityMs = codeValidityMs(db)): Generator<SiteScan> {
  const { sql, params } = statement(source);
  yield* scansOf(db, sql, params, approvedOn, validityMs);
}

/** The scans a statement reads (its columns SCAN_SELECT's, with SCAN_COLOURS joined), with what the figures need. */
export function* scansOf(db: Db, sql: string, params: readonly unknown[], approvedOn: ApprovalOn, validityMs: number): Generator<SiteScan> {
  for (const row of db
    .prepare(sql)
    .raw()
    .iterate(...params) as Iterable<Row>) {
    const [scanId, at, day, personId, siteId, siteName, kind, countyCode, creditCode, shown, action, issuedAt, timeline] = row;
    const colour = codeColourOn(timeline, day);
    yield {
      scanId,
      at,
      day,
      personId,
      siteId,
      siteName,
      kind,
      countyCode,
      creditCode,
      shown,
      action,
      colour,
      // A code issued after the scan is a clock difference, not an old code (as the screenshot rule).
      stale: issuedAt !== null && at - issuedAt > validityMs,
      violation: action === 'pass' ? violationOf(colour, creditCode, day, approvedOn) : null,
    };
  }
}

function violationOf(colour: CodeColor | null, creditCode: string | null, day: Day, approvedOn: ApprovalOn): ViolationKind | null {
  if (colour === 'red') return 'red_passed';
  if (colour === 'yellow') return 'yellow_passed';
  // An enterprise site whose enterprise the register does not know is not approved either.
  if (creditCode !== null && !approvedOn(creditCode, day)) return 'not_approved';
  return null;
}
