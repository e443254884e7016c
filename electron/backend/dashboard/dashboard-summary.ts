/**
 * The dashboard's numbers for a date (and optionally one county), from the same per-day sums as
 * `hcc stats` and the briefing: KPI cards with the change against the day before, all counties,
 * the trend, the day's transitions, and how fresh each feed is.
 */
import { countsAsTurning } from '../../../shared/domain/rules/interpretations.ts';
import type { ColorCounts, CountyRow, DashboardSummary, FeedFreshness, Kpis, TransitionCount, TrendPoint } from '../../../shared/contract/dashboard.ts';
import { FEED_NAMES, type FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import { type Day, dayOfInstant, formatDay } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { lastImportTimes } from '../import/batches.ts';
import { type CountyStatsRow, countyStats, transitionsOn } from '../rules/county-stats.ts';
import { openCases } from '../enforcement/forced-reds.ts';


const counts = (r: CountyStatsRow | undefined): ColorCounts => ({ red: r?.red ?? 0, yellow: r?.yellow ?? 0, green: r?.green ?? 0, total: r?.total ?? 0, noCode: r?.no_code ?? 0 });

function pick(rows: CountyStatsRow[], county: string | null): CountyStatsRow | undefined {
  return rows.find((r) => r.county_code === (county ?? 'total'));
}

/**
 * The latest date the data reaches: the feeds' latest records and the enforcement decisions (a
 * decision made today is data too: it turns a code red today, and the dashboard must show it).
 */
export function latestDataDay(db: Db): Day | null {
  const days = freshnessDays(db);
  const latest = Object.values(days).filter((d): d is Day => d !== null && d !== undefined);
  const caseTimes = ['decided_at', 'revoked_at', 'closed_at'].map(
    (c) => (db.prepare(`SELECT max(${c}) AS t FROM cases`).get() as { t: number | null }).t,
  );
  for (const t of caseTimes) if (t !== null) latest.push(dayOfInstant(t));
  return latest.length ? Math.max(...latest) : null;
}

/**
 * The latest date each dated feed reaches. Reading it costs 20 ms at 4 million residents (roaming has
 * no index on its dates), so it is remembered until the data may have changed: another connection
 * (a sync's worker) committed, or this one changed rows.
 */
const freshnessCache = new WeakMap<Db, { version: number; days: Partial<Record<FeedName, Day | null>> }>();

function freshnessDays(db: Db): Partial<Record<FeedName, Day | null>> {
  const version = (db.pragma('data_version', { simple: true }) as number) * 1e9 + (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const cached = freshnessCache.get(db);
  if (cached && cached.version === version) return cached.days;
  const days = readFreshnessDays(db);
  freshnessCache.set(db, { version, days });
  return days;
}

function readFreshnessDays(db: Db): Partial<Record<FeedName, Day | null>> {
  const max = (sql: string) => (db.prepare(sql).get() as { d: number | null }).d;
  const roaming = max('SELECT max(coalesce(last_seen, first_seen)) AS d FROM roaming');
  return {
    declarations: max('SELECT max(day) AS d FROM declarations'),
    checkins: max('SELECT max(day) AS d FROM checkins'),
    health_records: max('SELECT max(day) AS d FROM health_records'),
    roaming: roaming === null ? null : dayOfInstant(roaming),
    travel: max('SELECT max(day) AS d FROM travel'),
    medical: max('SELECT max(day) AS d FROM medical'),
    scans: max('SELECT max(day) AS d FROM scans'),
  };
}

export function feedFreshness(db: Db): FeedFreshness[] {
  const days = freshnessDays(db);
  const lastImports = lastImportTimes(db);
  return FEED_NAMES.map((feed) => ({ feed, lastImportAt: lastImports.get(feed) ?? null, latestRecordDay: days[feed] === undefined || days[feed] === null ? null : formatDay(days[feed]) }));
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
  return { turnedRed: into('red'), turnedYellow: into('yellow'), turnedGreen: into('green'), newCodes: ts.filter((t) => t.from === 'none' && t.to !== 'none').reduce((a, t) => a + t.n, 0) };
}

export function countyRows(rows: CountyStatsRow[]): CountyRow[] {
  return rows
    .filter((r) => r.county_code !== 'total')
    .map((r) => ({ countyCode: r.county_code, countyName: r.county_name, ...counts(r), redYellowRate: r.total ? (r.red + r.yellow) / r.total : 0 }));
}

export function dashboardSummary(db: Db, q: { asOf?: Day; county: string | null; trendDays: number }): DashboardSummary {
  const latest = latestDataDay(db);
  const asOf = q.asOf ?? latest ?? dayOfInstant(Date.now());
  const today = countyStats(db, asOf);
  const before = countyStats(db, asOf - 1);
  const now = counts(pick(today, q.county));
  const prev = counts(pick(before, q.county));
  const kpis: Kpis = {
    ...now,
    coverage: now.total + now.noCode ? now.total / (now.total + now.noCode) : 0,
    change: { total: now.total - prev.total, red: now.red - prev.red, yellow: now.yellow - prev.yellow, green: now.green - prev.green, noCode: now.noCode - prev.noCode },
    openCases: openCases(db, asOf, q.county, latest === null || asOf >= latest),
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
    trend,
    transitions: transitionCounts(db, asOf, q.county),
    freshness: feedFreshness(db),
  };
}
