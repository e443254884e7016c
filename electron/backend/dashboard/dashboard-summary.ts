/**
 * The dashboard's numbers for a date (and optionally one county), from the same per-day sums as
 * `hcc stats` and the briefing: KPI cards with the change against the day before, all counties,
 * the trend, the day's transitions, and how fresh each feed is.
 */
import { countsAsTurning } from '../../../shared/domain/rules/interpretations.ts';
import type {
  ColorCounts,
  CountyRow,
  DashboardSummary,
  FeedFreshness,
  Kpis,
  TransitionCount,
  TrendPoint,
} from '../../../shared/contract/dashboard.ts';
import { FEED_NAMES } from '../../../shared/domain/feeds/feed-schemas.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { lastImportTimes } from '../import/batches.ts';
import { type CountyStatsRow, TOTAL_CODE, countyStats, transitionsOn } from '../rules/county-stats.ts';
import { openCases } from '../rules/forced-reds.ts';
import { freshnessDays, latestDataDay } from '../clock/data-days.ts';
import { defaultAsOfDay } from '../clock/database-clock.ts';
import { dashboardForecast } from '../forecast/green-forecast.ts';

const counts = (r: CountyStatsRow | undefined): ColorCounts => ({
  red: r?.red ?? 0,
  yellow: r?.yellow ?? 0,
  green: r?.green ?? 0,
  total: r?.total ?? 0,
  noCode: r?.no_code ?? 0,
});

function pick(rows: CountyStatsRow[], county: string | null): CountyStatsRow | undefined {
  return rows.find((r) => r.county_code === (county ?? 'total'));
}

export function feedFreshness(db: Db): FeedFreshness[] {
  const days = freshnessDays(db);
  const lastImports = lastImportTimes(db);
  return FEED_NAMES.map((feed) => ({
    feed,
    lastImportAt: lastImports.get(feed) ?? null,
    latestRecordDay: days[feed] === undefined || days[feed] === null ? null : formatDay(days[feed]),
  }));
}

function transitionCounts(db: Db, day: Day, county: string | null): TransitionCount[] {
  const sums = new Map<string, TransitionCount>();
  for (const t of transitionsOn(db, day)) {
    if (county && t.county_code !== county) continue;
    const k = `${t.from_color}>${t.to_color}`;
    const s = sums.get(k) ?? { from: t.from_color, to: t.to_color, n: 0 };
    s.n += t.n;
    sums.set(k, s);
  }
  return [...sums.values()].filter((t) => t.n !== 0);
}

/** Turned red/yellow/green: from another colour, or a first code that is red or yellow (interpretations.ts). */
function turned(ts: TransitionCount[]): Pick<TrendPoint, 'turnedRed' | 'turnedYellow' | 'turnedGreen' | 'newCodes'> {
  const into = (c: string) => ts.filter((t) => t.to === c && countsAsTurning(t.from, t.to)).reduce((a, t) => a + t.n, 0);
  return {
    turnedRed: into('red'),
    turnedYellow: into('yellow'),
    turnedGreen: into('green'),
    newCodes: ts.filter((t) => t.from === 'none' && t.to !== 'none').reduce((a, t) => a + t.n, 0),
  };
}

const countyRow = (r: CountyStatsRow): CountyRow => ({
  countyCode: r.county_code,
  countyName: r.county_name,
  ...counts(r),
  redYellowRate: r.total ? (r.red + r.yellow) / r.total : 0,
});

/** The city's red and yellow on a day (what working out a forecast on demand costs, green-forecast.ts). */
const cityRedYellow = (rows: CountyStatsRow[]): number => {
  const city = pick(rows, null);
  return (city?.red ?? 0) + (city?.yellow ?? 0);
};

export function countyRows(rows: CountyStatsRow[]): CountyRow[] {
  return rows.filter((r) => r.county_code !== TOTAL_CODE).map(countyRow);
}

/** The figures of a summary; the handler adds the map's scale and the running job (api/handlers/dashboard.ts). */
export type DashboardFigures = Omit<DashboardSummary, 'mapBands' | 'sync'>;

export function dashboardSummary(db: Db, q: { asOf?: Day; county: string | null; trendDays: number }): DashboardFigures {
  const latest = latestDataDay(db);
  const asOf = q.asOf ?? defaultAsOfDay(db);
  const today = countyStats(db, asOf);
  const before = countyStats(db, asOf - 1);
  const now = counts(pick(today, q.county));
  const prev = counts(pick(before, q.county));
  const kpis: Kpis = {
    ...now,
    coverage: now.total + now.noCode ? now.total / (now.total + now.noCode) : 0,
    change: {
      total: now.total - prev.total,
      red: now.red - prev.red,
      yellow: now.yellow - prev.yellow,
      green: now.green - prev.green,
      noCode: now.noCode - prev.noCode,
    },
    openCases: openCases(db, asOf, q.county),
  };
  const trend: TrendPoint[] = [];
  for (let d = asOf - q.trendDays + 1; d <= asOf; d++) {
    trend.push({ day: formatDay(d), ...counts(pick(countyStats(db, d), q.county)), ...turned(transitionCounts(db, d, q.county)) });
  }
  return {
    asOf: formatDay(asOf),
    latestDataDay: latest === null ? null : formatDay(latest),
    county: q.county,
    kpis,
    counties: countyRows(today),
    cityTotal: countyRow(pick(today, null) ?? today[today.length - 1]!),
    trend,
    forecast: dashboardForecast(db, asOf, q.county, cityRedYellow(today)),
    transitions: transitionCounts(db, asOf, q.county),
    freshness: feedFreshness(db),
  };
}
