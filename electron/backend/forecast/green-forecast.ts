/**
 * The green forecast per county as of a day (issue 17), kept so that the dashboard reads one row.
 *
 * After every evaluation (pipelines/evaluate-and-detect.ts) the forecast of the day the screens
 * open on is worked out for every red and yellow person (green-outlook.ts) and kept in settings
 * as per-county counts, with a key of what it was computed from: the colours' watermark and
 * generation, the rules version, the key areas and the decisions that make forced reds. A forecast
 * asked for another day, or after anything in the key moved (a late file, a decision not yet
 * evaluated), is worked out on demand, which costs an evaluation of the day's red and yellow people,
 * and remembered for this connection until the key moves.
 */
import type { CountyForecast, ExpectedGreens, GreenForecast } from '../../../shared/contract/forecast.ts';
import { FORECAST_DAYS } from '../../../shared/contract/forecast.ts';
import { COUNTIES, countyName } from '../../../shared/domain/counties.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import { defaultAsOfDay } from '../clock/database-clock.ts';
import type { Db } from '../db/database.ts';
import { newestBatch } from '../import/watermarks.ts';
import { colourGeneration } from '../rules/colour-generation.ts';
import { getSetting, setSetting } from '../rules/settings.ts';
import { type GreenOutlook, greenOutlooks, redYellowOn } from './green-outlook.ts';

/** Per county: [held, on D+1, …, on D+14]. */
export type ForecastCounts = Map<string, number[]>;

interface Kept {
  asOf: Day;
  key: string;
  counties: Record<string, number[]>;
}

const SETTING = 'forecast.green';

/** Everything a forecast as of a day is computed from, besides the records the watermark covers. */
export function forecastKey(db: Db): string {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number | null;
  return JSON.stringify([
    getSetting(db, 'colours.watermark'),
    colourGeneration(db),
    getSetting(db, 'colours.rules_version'),
    getSetting(db, 'colours.full_recompute'),
    count('SELECT count(*) FROM dirty_people'),
    // Any file since (key areas come as files too), evaluated or not.
    newestBatch(db),
    count('SELECT max(id) FROM credit_records'),
    count('SELECT max(id) FROM credit_record_events'),
    count("SELECT count(*) FROM case_history WHERE move = 'close'"),
  ]);
}

/** Counts outlooks per county: those held, and those whose earliest green date is each of the next days. */
export function tallyOutlooks(outlooks: readonly GreenOutlook[], day: Day): ForecastCounts {
  const counts: ForecastCounts = new Map();
  for (const o of outlooks) {
    let c = counts.get(o.county);
    if (!c) counts.set(o.county, (c = new Array<number>(FORECAST_DAYS + 1).fill(0)));
    // evaluate.ts gives at most D+14 (every day it counts is on or before D); clamped all the same.
    const i = o.eligibleOn === null ? 0 : Math.min(Math.max(o.eligibleOn - day, 1), FORECAST_DAYS);
    c[i]!++;
  }
  return counts;
}

function computeCounts(db: Db, day: Day): ForecastCounts {
  return tallyOutlooks(greenOutlooks(db, redYellowOn(db, day), day), day);
}

const remembered = new WeakMap<Db, { asOf: Day; key: string; counts: ForecastCounts }>();

/**
 * The most red and yellow people the dashboard works a forecast out for on demand (about 0.1–0.3 ms
 * each, README "Green forecast"); a larger city's dashboard shows the forecast of the kept day only.
 */
export const ON_DEMAND_PEOPLE = 20_000;

/** The kept or remembered forecast as of `day`, if it is still true; null otherwise. */
function readyCounts(db: Db, day: Day, key: string): ForecastCounts | null {
  const raw = getSetting(db, SETTING);
  if (raw !== null) {
    const kept = JSON.parse(raw) as Kept;
    if (kept.asOf === day && kept.key === key) return new Map(Object.entries(kept.counties));
  }
  const mem = remembered.get(db);
  return mem && mem.asOf === day && mem.key === key ? mem.counts : null;
}

/** The per-county forecast as of `day`: kept, remembered, or worked out now. */
export function forecastCounts(db: Db, day: Day): ForecastCounts {
  const key = forecastKey(db);
  const ready = readyCounts(db, day, key);
  if (ready) return ready;
  const counts = computeCounts(db, day);
  remembered.set(db, { asOf: day, key, counts });
  return counts;
}

/**
 * The dashboard's forecast: kept or remembered, or worked out now when the day has at most
 * ON_DEMAND_PEOPLE red and yellow people; null when it would take longer than a screen may wait.
 */
export function dashboardForecast(db: Db, day: Day, county: string | null, redYellow: number): ExpectedGreens | null {
  const ready = readyCounts(db, day, forecastKey(db));
  if (ready) return expectedGreens(ready, day, county);
  return redYellow <= ON_DEMAND_PEOPLE ? expectedGreens(forecastCounts(db, day), day, county) : null;
}

/** Works out and keeps the forecast of the day the screens open on (after every evaluation). */
export function keepGreenForecast(db: Db): void {
  const day = defaultAsOfDay(db);
  const key = forecastKey(db);
  const counts = computeCounts(db, day);
  setSetting(db, SETTING, JSON.stringify({ asOf: day, key, counties: Object.fromEntries(counts) } satisfies Kept));
}

/** One forecast from per-county counts: a county's, or the city's (null: every county, unknown ones too). */
export function expectedGreens(counts: ForecastCounts, day: Day, county: string | null): ExpectedGreens {
  const sum = new Array<number>(FORECAST_DAYS + 1).fill(0);
  for (const [code, c] of counts) {
    if (county !== null && code !== county) continue;
    c.forEach((n, i) => (sum[i]! += n));
  }
  return {
    asOf: formatDay(day),
    days: sum.slice(1).map((n, i) => ({ day: formatDay(day + i + 1), n })),
    held: sum[0]!,
    redYellow: sum.reduce((a, n) => a + n, 0),
  };
}

/** `hcc forecast`: the city's (or one county's) forecast and each county's, in code order. */
export function greenForecast(db: Db, day: Day, county: string | null): GreenForecast {
  const counts = forecastCounts(db, day);
  const codes = COUNTIES.map((c) => c.code).filter((c) => county === null || c === county);
  const counties: CountyForecast[] = codes.map((code) => ({
    countyCode: code,
    countyName: countyName(code),
    ...expectedGreens(counts, day, code),
  }));
  return { ...expectedGreens(counts, day, county), county, counties };
}
