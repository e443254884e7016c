/**
 * Handlers of the Enterprises screen (ENTERPRISES.md): the county table, the enterprise list and
 * page, staff, checkpoints and sites, and their Excel exports. A county-scoped account gets its
 * county whatever it asks (scopedCounty); an enterprise or site of another county answers as one
 * that does not exist. People leave as masked rows with a reference bound to the session.
 */
import ExcelJS from 'exceljs';
import type { ValidParams } from '../../../../shared/contract/api.ts';
import type { ExportResult } from '../../../../shared/contract/data.ts';
import type {
  EnterpriseCountyTable,
  EnterpriseDetail,
  EnterprisePage,
  ScanPage,
  SiteDetail,
  SiteStats,
  StaffPage,
} from '../../../../shared/contract/enterprises.ts';
import { type Day, formatDay } from '../../../../shared/domain/local-date.ts';
import { audit } from '../../audit/audit-log.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import type { Db } from '../../db/database.ts';
import { countyTableOf, enterpriseCountyTable } from '../../enterprises/county-table.ts';
import { enterpriseDetail } from '../../enterprises/enterprise-detail.ts';
import { enterpriseFiguresOn } from '../../enterprises/enterprise-figures.ts';
import { type EnterpriseFilter, enterprisePage, enterpriseRows } from '../../enterprises/enterprise-list.ts';
import { enterpriseVersions, versionOn } from '../../enterprises/enterprise-register.ts';
import {
  countyTableSheet,
  enterpriseListSheet,
  scanSheet,
  siteStatsSheet,
  staffSheet,
  writeBook,
} from '../../enterprises/enterprise-workbooks.ts';
import { isoWeekDays } from '../../enterprises/iso-week.ts';
import { type ScanListFilter, scanList } from '../../enterprises/scan-list.ts';
import { siteDetail, siteOf, siteStats } from '../../enterprises/site-figures.ts';
import { type StaffFilter, staffList } from '../../enterprises/staff-list.ts';
import { writeWeeklyReport } from '../../enterprises/weekly-report.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { countyScope, refOf, scopedCounty } from '../county-scope.ts';
import { exportResult, exportTarget } from '../export-target.ts';

/** Every export's list is capped like the screen's biggest page times a hundred: a county's staff fit. */
const EXPORT_ROWS = 1_000_000;

const dayOf = (ctx: CallContext, asOf: Day | undefined): Day => asOf ?? defaultAsOfDay(ctx.services.db, ctx.services.now);

const noSuchEnterprise = (creditCode: string) =>
  ApiFailure.because('not_found', { code: 'enterprises.noSuchEnterprise', params: { creditCode } });
const noSuchSite = (siteId: string) => ApiFailure.because('not_found', { code: 'sites.noSuchSite', params: { siteId } });

/** An enterprise named by a parameter must be on the register by D and in the caller's county. */
function enterpriseInScope(ctx: CallContext, creditCode: string | undefined, day: Day): void {
  if (!creditCode) return;
  const v = versionOn(enterpriseVersions(ctx.services.db, creditCode), day);
  const county = countyScope(ctx);
  if (!v || (county !== null && v.countyCode !== county)) throw noSuchEnterprise(creditCode);
}

function siteInScope(ctx: CallContext, siteId: string | undefined): void {
  if (siteId && !siteOf(ctx.services.db, siteId, countyScope(ctx))) throw noSuchSite(siteId);
}

export function counties(ctx: CallContext, p: ValidParams<'enterprises.counties'>): EnterpriseCountyTable {
  return enterpriseCountyTable(ctx.services.db, dayOf(ctx, p.asOf), scopedCounty(ctx, p.county));
}

function enterpriseFilter(ctx: CallContext, p: ValidParams<'enterprises.list'> | ValidParams<'enterprises.exportList'>): EnterpriseFilter {
  return { county: scopedCounty(ctx, p.county), industry: p.industry, approval: p.approval, search: p.search, sort: p.sort };
}

export function list(ctx: CallContext, p: ValidParams<'enterprises.list'>): EnterprisePage {
  return enterprisePage(ctx.services.db, dayOf(ctx, p.asOf), enterpriseFilter(ctx, p), p.offset, p.limit);
}

export function get(ctx: CallContext, p: ValidParams<'enterprises.get'>): EnterpriseDetail {
  const detail = enterpriseDetail(ctx.services.db, p.creditCode, dayOf(ctx, p.asOf), countyScope(ctx));
  if (!detail) throw noSuchEnterprise(p.creditCode);
  return detail;
}

function staffFilter(ctx: CallContext, p: ValidParams<'enterprises.staff'> | ValidParams<'enterprises.exportList'>, day: Day): StaffFilter {
  enterpriseInScope(ctx, p.creditCode, day);
  return { creditCode: p.creditCode, county: scopedCounty(ctx, p.county), status: p.status, nonCompliant: p.nonCompliant };
}

export function staff(ctx: CallContext, p: ValidParams<'enterprises.staff'>): StaffPage {
  const day = dayOf(ctx, p.asOf);
  const { rows, total } = staffList(ctx.services.db, day, staffFilter(ctx, p, day), p.offset, p.limit);
  return { day: formatDay(day), total, rows: rows.map(({ personId, ...r }) => ({ ref: refOf(ctx, personId), ...r })) };
}

export function stats(ctx: CallContext, p: ValidParams<'sites.stats'>): SiteStats {
  return siteStats(ctx.services.db, dayOf(ctx, p.asOf), { county: scopedCounty(ctx, p.county), kind: p.kind });
}

export function site(ctx: CallContext, p: ValidParams<'sites.get'>): SiteDetail {
  const detail = siteDetail(ctx.services.db, p.siteId, dayOf(ctx, p.asOf), countyScope(ctx));
  if (!detail) throw noSuchSite(p.siteId);
  return detail;
}

function scanFilter(ctx: CallContext, p: ValidParams<'sites.scans'> | ValidParams<'enterprises.exportList'>, day: Day): ScanListFilter {
  enterpriseInScope(ctx, p.creditCode, day);
  siteInScope(ctx, p.siteId);
  return { county: scopedCounty(ctx, p.county), kind: p.kind, siteId: p.siteId, creditCode: p.creditCode, filter: p.filter };
}

export function scans(ctx: CallContext, p: ValidParams<'sites.scans'>): ScanPage {
  const day = dayOf(ctx, p.asOf);
  const { rows, total } = scanList(ctx.services.db, day, scanFilter(ctx, p, day), p.offset, p.limit);
  return { day: formatDay(day), total, rows: rows.map(({ personId, ...r }) => ({ ref: refOf(ctx, personId), ...r })) };
}

/** Writes a workbook to the export target and audits it: which list, its filters, its rows (never a person). */
async function exported(
  ctx: CallContext,
  p: { target?: string | undefined },
  fileName: string,
  book: (wb: ExcelJS.Workbook) => number,
  details: Record<string, string | number | boolean | null>,
): Promise<ExportResult> {
  const wb = new ExcelJS.Workbook();
  wb.creator = sessionOf(ctx).user.name;
  const rows = book(wb);
  const target = exportTarget(ctx, p, fileName);
  await writeBook(wb, target.path);
  audit(ctx.services.db, {
    user: sessionOf(ctx).user.name,
    action: 'enterprises.export',
    details: { ...details, county: countyScope(ctx), rows },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, rows);
}

export function exportCounties(ctx: CallContext, p: ValidParams<'enterprises.exportCounties'>): Promise<ExportResult> {
  const day = dayOf(ctx, p.asOf);
  const table = enterpriseCountyTable(ctx.services.db, day, scopedCounty(ctx, p.county));
  return exported(ctx, p, `企业复工分县统计-${formatDay(day)}.xlsx`, (wb) => countyTableSheet(wb, table), {
    list: 'counties',
    day: formatDay(day),
  });
}

/** The filters as the sheet's subtitle says them (codes and words only: no person). */
function filterText(f: Record<string, unknown>): string {
  return Object.entries(f)
    .filter(([k, v]) => v !== undefined && v !== null && v !== '' && v !== false && k !== 'sort')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('，');
}

export function exportList(ctx: CallContext, p: ValidParams<'enterprises.exportList'>): Promise<ExportResult> {
  const db: Db = ctx.services.db;
  const day = dayOf(ctx, p.asOf);
  const iso = formatDay(day);
  const base = { list: p.list, day: iso };
  switch (p.list) {
    case 'enterprises': {
      const f = enterpriseFilter(ctx, p);
      const figures = [...enterpriseFiguresOn(db, day, f.county).values()];
      const rows = enterpriseRows(figures, f);
      const filters = filterText({ county: f.county, industry: f.industry, approval: f.approval, search: f.search });
      return exported(
        ctx,
        p,
        `企业名单-${iso}.xlsx`,
        (wb) => {
          countyTableSheet(wb, countyTableOf(day, f.county, figures), '分县统计');
          return enterpriseListSheet(wb, iso, filters, rows);
        },
        { ...base, filters, sort: p.sort },
      );
    }
    case 'staff': {
      const f = staffFilter(ctx, p, day);
      const { rows } = staffList(db, day, f, 0, EXPORT_ROWS);
      const filters = filterText({ ...f });
      return exported(ctx, p, `员工名单-${iso}.xlsx`, (wb) => staffSheet(wb, iso, filters, rows), { ...base, filters });
    }
    case 'scans': {
      const f = scanFilter(ctx, p, day);
      const { rows } = scanList(db, day, f, 0, EXPORT_ROWS);
      const filters = filterText({ ...f, filter: f.filter === 'all' ? undefined : f.filter });
      return exported(ctx, p, `核验记录-${iso}.xlsx`, (wb) => scanSheet(wb, iso, filters, rows), { ...base, filters });
    }
    case 'sites': {
      const f = { county: scopedCounty(ctx, p.county), kind: p.kind };
      const filters = filterText(f);
      return exported(ctx, p, `场所核验-${iso}.xlsx`, (wb) => siteStatsSheet(wb, filters, siteStats(db, day, f)), { ...base, filters });
    }
  }
}

export async function weeklyReport(ctx: CallContext, p: ValidParams<'enterprises.weeklyReport'>): Promise<ExportResult> {
  const week = isoWeekDays(p.week);
  if (!week) throw ApiFailure.because('bad_request', { code: 'enterprises.noSuchWeek', params: { week: p.week } });
  const fileName = `复工复产企业管理员周报-${p.week}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  const s = sessionOf(ctx);
  const written = await writeWeeklyReport(ctx.services.db, target.path, {
    week: p.week,
    ...week,
    county: countyScope(ctx),
    generatedBy: s.user.name,
  });
  audit(ctx.services.db, {
    user: s.user.name,
    action: 'enterprises.weekly_report',
    details: { week: p.week, county: countyScope(ctx), rows: written.rows, sheets: written.sheets },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, written.rows);
}
