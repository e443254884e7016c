/** Handlers of the Dashboard screen. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountyMap, DashboardSummary } from '../../../../shared/contract/dashboard.ts';
import { dashboardSummary } from '../../dashboard/dashboard-summary.ts';
import { syncInProgress } from '../../dashboard/sync-in-progress.ts';
import { mapBandThresholds } from '../../settings/console-settings.ts';
import type { CallContext } from '../context.ts';
import { countyScope, scopedCounty } from '../county-scope.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';
import type { ExportResult } from '../../../../shared/contract/data.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { dashboardWorkbook } from '../../dashboard/dashboard-workbook.ts';
import { writeAtomically } from '../../files/write-atomically.ts';
import { sessionOf } from '../context.ts';
import { exportResult, exportTarget } from '../export-target.ts';

export function summary(ctx: CallContext, p: ValidParams<'dashboard.summary'>): DashboardSummary {
  // A county's duty officer sees their county, whatever the page asks for.
  const scope = countyScope(ctx);
  const { asOf } = p;
  const s = dashboardSummary(ctx.services.db, {
    ...(asOf !== undefined ? { asOf } : {}),
    county: scopedCounty(ctx, p.county),
    trendDays: p.trendDays,
  });
  // Every role colours the map on the administrator's scale, and hears of a job writing the sums.
  const extra = { mapBands: mapBandThresholds(ctx.services.db), sync: syncInProgress(ctx.services.db, ctx.services.jobs.current()) };
  // The county table, bars and map of a county-scoped account show its own county only.
  // The city's total is not theirs to see either.
  return scope ? { ...s, ...extra, counties: s.counties.filter((c) => c.countyCode === scope), cityTotal: null } : { ...s, ...extra };
}

let mapCache: CountyMap | null = null;

export function countyMap(ctx: CallContext): CountyMap {
  mapCache ??= {
    geojson: JSON.parse(readFileSync(join(ctx.services.resourcesDir, 'map', 'binzhou-counties.geo.json'), 'utf8')) as unknown,
    // The source of resources/map (see its README); the interface words it in the user's language.
    credit: 'datav',
  };
  return mapCache;
}

/** The county table or the day's transitions as Excel, as the dashboard shows them to this account. */
export async function exportTable(ctx: CallContext, p: ValidParams<'dashboard.export'>): Promise<ExportResult> {
  const s = summary(ctx, { ...p, trendDays: 1 });
  const { wb, rows } = dashboardWorkbook(p.table, s, sessionOf(ctx).user.name);
  const scope = s.county === null ? '全市' : countyName(s.county);
  const fileName = `${p.table === 'counties' ? '分县统计' : '当日转码'}-${scope}-${s.asOf}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  await writeAtomically(target.path, (partial) => wb.xlsx.writeFile(partial));
  return exportResult(ctx, target, fileName, rows);
}
