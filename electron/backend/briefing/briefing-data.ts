/**
 * Everything the daily briefing says, read with the same queries as the dashboard and `hcc stats`
 * (countyStats, transitions, noticeList, openCases), so the numbers cannot differ. Identities are
 * masked here, before anything reaches a workbook: a briefing never holds an unmasked ID or phone.
 *
 * The briefing of one county (a county-scoped writer's, `hcc briefing --county`) is the same read
 * with the county passed to every query that has people, cases or enterprises in it: nothing of
 * another county is read into it, so no sheet can show it. What is not a county's (the feeds'
 * freshness and the day's files in 数据质量, the audit chain's head) is the city's exchange, as the
 * county account's dashboard shows it.
 */
import type { DashboardFigures } from '../dashboard/dashboard-summary.ts';
import { behaviorName } from '../../../shared/domain/cases.ts';
import { type Day, dayStartInstant } from '../../../shared/domain/local-date.ts';
import { maskName, maskPersonId } from '../../../shared/domain/masking.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import { FIRST_CODES_AS_CHANGES } from '../../../shared/domain/rules/interpretations.ts';
import { changeReason } from '../../../shared/domain/rules/reason-words.ts';
import { type AuditHead, auditHead } from '../audit/audit-verify.ts';
import { dashboardSummary } from '../dashboard/dashboard-summary.ts';
import type { Db } from '../db/database.ts';
import { noticeList } from '../enforcement/notices.ts';
import { expectedGreens, forecastCounts } from '../forecast/green-forecast.ts';
import { type CountyStatsRow, countyStats } from '../rules/county-stats.ts';
import { type QualityRow, dataQuality } from './data-quality.ts';
import { type EnterpriseCountyRow, enterpriseStaff } from './enterprise-staff.ts';

export interface EnforcementFigures {
  newSuspicions: number;
  decisions: number;
  revocations: number;
  openCases: number;
}

export interface ChangeLine {
  idMasked: string;
  nameMasked: string;
  county: string;
  from: CodeColor;
  to: CodeColor;
  reason: string;
}

export interface NoticeLine {
  kind: 'decision' | 'revocation';
  number: string;
  idMasked: string;
  nameMasked: string;
  county: string | null;
  behavior: string;
  decidedAt: number;
  revokedAt: number | null;
}

/** The summary's figures: cheap enough for the console's preview. */
export interface BriefingFigures {
  day: Day;
  trendFrom: Day;
  /** The county the briefing covers, or null: the whole city. */
  county: string | null;
  summary: DashboardFigures;
  enforcement: EnforcementFigures;
  changes: number;
  notices: number;
}

export interface BriefingData extends BriefingFigures {
  /** Counties in code order then the city total, for the day and the day before (a county's briefing: that county's row alone). */
  counties: CountyStatsRow[];
  countiesBefore: CountyStatsRow[];
  changeLines: ChangeLine[];
  noticeLines: NoticeLine[];
  enterprises: EnterpriseCountyRow[];
  quality: QualityRow[];
  audit: AuditHead;
}

/** The day's changes as the briefing lists them: between colours, or a first red or yellow code (interpretations.ts). */
const BETWEEN_COLOURS = `c.to_color <> 'none' AND (c.from_color <> 'none' OR c.to_color IN (${FIRST_CODES_AS_CHANGES.map((c) => `'${c}'`).join(', ')}))`;

/** `AND <column> = ?` and its parameter when the briefing is one county's; nothing for the city. */
function inCounty(column: string, county: string | null): [string, unknown[]] {
  return county === null ? ['', []] : [` AND ${column} = ?`, [county]];
}

function enforcementOn(db: Db, day: Day, county: string | null, openNow: number): EnforcementFigures {
  const [start, end] = [dayStartInstant(day), dayStartInstant(day + 1)];
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  const [cases, caseCounty] = inCounty('county_code', county);
  const [records, recordCounty] = inCounty('r.county_code', county);
  return {
    newSuspicions: count(`SELECT count(*) AS n FROM cases WHERE opened_at >= ? AND opened_at < ?${cases}`, start, end, ...caseCounty),
    decisions: count(`SELECT count(*) AS n FROM credit_records r WHERE r.decided_day = ?${records}`, day, ...recordCounty),
    revocations: count(
      `SELECT count(*) AS n FROM credit_record_events e JOIN credit_records r ON r.id = e.record_id WHERE e.kind = 'revoked' AND e.day = ?${records}`,
      day,
      ...recordCounty,
    ),
    // As the dashboard counts them for the same date.
    openCases: openNow,
  };
}

/** `county`: one county's briefing (a county account's own), or null for the whole city. */
export function briefingFigures(db: Db, day: Day, trendFrom: Day, county: string | null = null): BriefingFigures {
  const summary = dashboardSummary(db, { asOf: day, county, trendDays: day - trendFrom + 1 });
  const [scope, params] = inCounty('c.county_code', county);
  const changes = (
    db.prepare(`SELECT count(*) AS n FROM code_changes c WHERE c.day = ? AND ${BETWEEN_COLOURS}${scope}`).get(day, ...params) as {
      n: number;
    }
  ).n;
  return {
    day,
    trendFrom,
    county,
    // The bars of a county's briefing show its county only, as the county account's dashboard does.
    summary: county === null ? summary : { ...summary, counties: summary.counties.filter((c) => c.countyCode === county) },
    enforcement: enforcementOn(db, day, county, summary.kpis.openCases ?? 0),
    changes,
    notices: noticeList(db, day, county).length,
  };
}

function changeLines(db: Db, day: Day, county: string | null): ChangeLine[] {
  const [scope, params] = inCounty('c.county_code', county);
  const rows = db
    .prepare(
      `SELECT c.person_id, r.name, c.county_code, c.from_color, c.to_color, c.cause, c.reason_source, c.reason_condition
       FROM code_changes c LEFT JOIN residents r ON r.person_id = c.person_id
       WHERE c.day = ? AND ${BETWEEN_COLOURS}${scope}
       ORDER BY c.county_code, CASE c.to_color WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, c.from_color, c.person_id`,
    )
    .raw()
    .all(day, ...params) as [string, string | null, string, CodeColor, CodeColor, string, string | null, string | null][];
  return rows.map(([id, name, county, from, to, cause, source, condition]) => ({
    idMasked: maskPersonId(id),
    nameMasked: name ? maskName(name) : '',
    county,
    from,
    to,
    reason: changeReason('zh', cause, source, condition),
  }));
}

function noticeLines(db: Db, day: Day, county: string | null): NoticeLine[] {
  return noticeList(db, day, county).map((n) => ({
    kind: n.kind,
    number: n.number,
    idMasked: maskPersonId(n.person_id),
    nameMasked: n.name ? maskName(n.name) : '',
    county: n.county_code,
    behavior: behaviorName(n.behavior),
    decidedAt: n.decided_at,
    revokedAt: n.revoked_at,
  }));
}

/** The counties' rows of a day: all of them and the city total, or the one county's row alone. */
function countyRowsOf(db: Db, day: Day, county: string | null): CountyStatsRow[] {
  const rows = countyStats(db, day);
  return county === null ? rows : rows.filter((r) => r.county_code === county);
}

/**
 * `county`: one county's briefing, or null for the city. `onFigures` runs as soon as the summary is
 * known (the chart images start from it).
 */
export function briefingData(
  db: Db,
  day: Day,
  trendFrom: Day,
  county: string | null,
  onFigures?: (f: BriefingFigures) => void,
): BriefingData {
  // One read transaction: a sync committing meanwhile cannot make the sheets disagree.
  return db.transaction(() => {
    const figures = briefingFigures(db, day, trendFrom, county);
    // The workbook always carries the green forecast: worked out here when the day's is not kept.
    figures.summary.forecast ??= expectedGreens(forecastCounts(db, day), day, county);
    onFigures?.(figures);
    return {
      ...figures,
      counties: countyRowsOf(db, day, county),
      countiesBefore: countyRowsOf(db, day - 1, county),
      changeLines: changeLines(db, day, county),
      noticeLines: noticeLines(db, day, county),
      enterprises: enterpriseStaff(db, day, county),
      quality: dataQuality(db, day),
      audit: auditHead(db),
    };
  })();
}
