/**
 * The green forecast (issue 17) on the colours section's city (.bench/work-<N>.db), or else on a
 * demo city of N people synced here (.bench/forecast-<N>.db): what keeping the forecast costs each
 * evaluation (every red and yellow person evaluated as of the day), what a day that is not kept costs
 * on demand, and the dashboard summary with the kept forecast in it (median of five, the handler's
 * own work, no HTTP), against the summary's budget (README "Performance").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAsOfDay } from '../../electron/backend/clock/database-clock.ts';
import { dashboardSummary } from '../../electron/backend/dashboard/dashboard-summary.ts';
import { type Db, openDatabase } from '../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../electron/backend/demo/demo-city.ts';
import { expectedGreens, forecastCounts, keepGreenForecast } from '../../electron/backend/forecast/green-forecast.ts';
import { redYellowOn } from '../../electron/backend/forecast/green-outlook.ts';
import { evaluateAndDetect } from '../../electron/backend/pipelines/evaluate-and-detect.ts';
import { syncDirectory } from '../../electron/backend/sync/sync-directory.ts';
import { BENCH_DIR, fmt } from './bench-util.ts';

export interface ForecastBench {
  city: number;
  file: string;
  redYellow: number;
  /** keepGreenForecast: after every evaluation. */
  keepMs: number;
  /** The forecast of a day that is not kept (the day before), worked out on demand. */
  onDemandMs: number;
  /** The kept forecast read for the dashboard, median of five. */
  keptReadMs: number;
  /** dashboardSummary (30 days of trend) with the forecast in it, median of five. */
  summaryMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

async function benchDb(city: number, log: (line: string) => void): Promise<Db> {
  const work = join(BENCH_DIR, `work-${city}.db`);
  if (existsSync(work)) return openDatabase(work);
  const file = join(BENCH_DIR, `forecast-${city}.db`);
  if (existsSync(file)) return openDatabase(file);
  log(`forecast: no ${work}; a demo city of ${fmt(city)} people, 14 days, into ${file}`);
  const demo = await writeDemoCity({ out: join(BENCH_DIR, `forecast-city-${city}`), people: city, days: 14 });
  const db = openDatabase(file);
  await syncDirectory(db, { source: demo.dir });
  await evaluateAndDetect(db);
  return db;
}

export async function runForecastBench(city: number, log: (line: string) => void): Promise<ForecastBench> {
  const db = await benchDb(city, log);
  try {
    const day = defaultAsOfDay(db);
    const redYellow = redYellowOn(db, day).length;
    const keepMs = timed(() => keepGreenForecast(db));
    const onDemandMs = timed(() => forecastCounts(db, day - 1));
    const keptReadMs = median(Array.from({ length: 5 }, () => timed(() => expectedGreens(forecastCounts(db, day), day, null))));
    const summaryMs = median(
      Array.from({ length: 5 }, () => timed(() => dashboardSummary(db, { asOf: day, county: null, trendDays: 30 }))),
    );
    const r = { city, file: db.name, redYellow, keepMs, onDemandMs, keptReadMs, summaryMs };
    log(
      `forecast: ${fmt(city)} people, ${fmt(redYellow)} red or yellow; kept after an evaluation ${keepMs.toFixed(0)} ms; ` +
        `a day not kept ${onDemandMs.toFixed(0)} ms; kept read ${keptReadMs.toFixed(2)} ms; dashboard summary with it ${summaryMs.toFixed(1)} ms`,
    );
    return r;
  } finally {
    db.close();
  }
}
