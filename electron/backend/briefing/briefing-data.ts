/**
 * Everything the daily briefing says, read with the same queries as the dashboard and `hcc stats`
 * (countyStats, transitions, noticeList, openCases), so the numbers cannot differ. Identities are
 * masked here, before anything reaches a workbook: a briefing never holds an unmasked ID or phone.
 */
import type { DashboardSummary } from '../../../shared/contract/dashboard.ts';
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
  summary: DashboardSummary;
  enforcement: EnforcementFigures;
  changes: number;
  notices: number;
}

export interface BriefingData extends BriefingFigures {
  /** Counties in code order then the city total, for the day and the day before. */
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

function enforcementOn(db: Db, day: Day, openNow: number): EnforcementFigures {
  const [start, end] = [dayStartInstant(day), dayStartInstant(day + 1)];
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  return {
    newSuspicions: count('SELECT count(*) AS n FROM cases WHERE opened_at >= ? AND opened_at < ?', start, end),
    decisions: count('SELECT count(*) AS n FROM credit_records WHERE decided_day = ?', day),
    revocations: count("SELECT count(*) AS n FROM credit_record_events WHERE kind = 'revoked' AND day = ?", day),
    // As the dashboard counts them for the same date.
    openCases: openNow,
  };
}

export function briefingFigures(db: Db, day: Day, trendFrom: Day): BriefingFigures {
  const summary = dashboardSummary(db, { asOf: day, county: null, trendDays: day - trendFrom + 1 });
  const changes = (db.prepare(`SELECT count(*) AS n FROM code_changes c WHERE c.day = ? AND ${BETWEEN_COLOURS}`).get(day) as { n: number })
    .n;
  return {
    day,
    trendFrom,
    summary,
    enforcement: enforcementOn(db, day, summary.kpis.openCases ?? 0),
    changes,
    notices: noticeList(db, day).length,
  };
}

function changeLines(db: Db, day: Day): ChangeLine[] {
  const rows = db
    .prepare(
      `SELECT c.person_id, r.name, c.county_code, c.from_color, c.to_color, c.cause, c.reason_source, c.reason_condition
       FROM code_changes c LEFT JOIN residents r ON r.person_id = c.person_id
       WHERE c.day = ? AND ${BETWEEN_COLOURS}
       ORDER BY c.county_code, CASE c.to_color WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, c.from_color, c.person_id`,
    )
    .raw()
    .all(day) as [string, string | null, string, CodeColor, CodeColor, string, string | null, string | null][];
  return rows.map(([id, name, county, from, to, cause, source, condition]) => ({
    idMasked: maskPersonId(id),
    nameMasked: name ? maskName(name) : '',
    county,
    from,
    to,
    reason: changeReason('zh', cause, source, condition),
  }));
}

function noticeLines(db: Db, day: Day): NoticeLine[] {
  return noticeList(db, day).map((n) => ({
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

/** `onFigures` runs as soon as the summary is known (the chart images start from it). */
export function briefingData(db: Db, day: Day, trendFrom: Day, onFigures?: (f: BriefingFigures) => void): BriefingData {
  // One read transaction: a sync committing meanwhile cannot make the sheets disagree.
  return db.transaction(() => {
    const figures = briefingFigures(db, day, trendFrom);
    onFigures?.(figures);
    return {
      ...figures,
      counties: countyStats(db, day),
      countiesBefore: countyStats(db, day - 1),
      changeLines: changeLines(db, day),
      noticeLines: noticeLines(db, day),
      enterprises: enterpriseStaff(db, day),
      quality: dataQuality(db, day),
      audit: auditHead(db),
    };
  })();
}
