/** Handlers of the Dashboard screen. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountyMap, DashboardSummary } from '../../../../shared/contract/dashboard.ts';
import { dashboardSummary } from '../../dashboard/dashboard-summary.ts';
import type { CallContext } from '../context.ts';
import { countyScope, scopedCounty } from '../county-scope.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

export function summary(ctx: CallContext, p: ValidParams<'dashboard.summary'>): DashboardSummary {
  // A county's duty officer sees their county, whatever the page asks for.
  const scope = countyScope(ctx);
  const { asOf } = p;
  const s = dashboardSummary(ctx.services.db, {
    ...(asOf !== undefined ? { asOf } : {}),
    county: scopedCounty(ctx, p.county),
    trendDays: p.trendDays,
  });
  // The county table, bars and map of a county-scoped account show its own county only.
  return scope ? { ...s, counties: s.counties.filter((c) => c.countyCode === scope) } : s;
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
