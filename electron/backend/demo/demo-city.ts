/**
 * A synthetic Binzhou exchange directory (EXCHANGE.md) for demonstrations, tests and load tests: all
 * twelve feeds as `<out>/<feed>/<file>`, with honest people who never look like fraud, planted fraud
 * and planted bad rows, and the ground truth in `<out>/demo-truth.json`. The same options always give
 * byte-identical files, however many threads write them.
 */
import { readdir, stat } from 'node:fs/promises';
import { makeOwnPrivateDir, writePrivateFile } from '../files/private-files.ts';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDay } from '../../../shared/domain/local-date.ts';
import { type FileReport, writeDaysHere, writeDaysInWorkers } from './demo-days.ts';
import { Tally } from './demo-files.ts';
import { MAX_PEOPLE } from './demo-identities.ts';
import { type CityOptions, planCity } from './demo-plan.ts';
import { writeResidents, writeSites, writeStaff } from './demo-registers.ts';
import { writeEnterprises, writeKeyAreas } from './demo-workbooks.ts';

export interface DemoOptions {
  out: string;
  people: number;
  days: number;
  /** Default 1. */
  seed?: number;
  /** `YYYY-MM-DD`, default 2020-02-10. */
  start?: string;
  /**
   * Worker threads for the daily files; 0 writes everything in this thread. Default: 0 for cities
   * under 50,000 people, else one per CPU (at most 3 and at most one per day). The files are the
   * same either way.
   */
  workers?: number;
}

export interface DemoResult {
  /** The output directory, absolute. */
  dir: string;
  /** Feed files, relative to `dir`, sorted. */
  files: string[];
  /** Data rows written per feed, planted bad rows included. */
  rows: Record<string, number>;
  /** Absolute path of the ground truth (`<dir>/demo-truth.json`). */
  truthFile: string;
}

export interface DemoProgress {
  feed: string;
  /** 0-based day of the period (0 for the one-off registers). */
  day: number;
  /** Data rows of the file just written. */
  rows: number;
}

export const TRUTH_FILE = 'demo-truth.json';
const MAX_DAYS = 366;
const MIN_PEOPLE_FOR_WORKERS = 50_000;

export async function writeDemoCity(options: DemoOptions, onProgress?: (p: DemoProgress) => void): Promise<DemoResult> {
  const city: CityOptions = {
    people: options.people,
    days: options.days,
    seed: options.seed ?? 1,
    start: options.start ?? '2020-02-10',
  };
  checkOptions(city);
  const workers = options.workers ?? defaultWorkers(city);
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`workers must be a whole number, 0 or more, not ${workers}`);
  const dir = resolve(options.out);
  await prepareEmptyDir(dir);

  const plan = planCity(city);
  const tally = new Tally();
  const report = (r: FileReport) => onProgress?.(r);
  const allDays = Array.from({ length: city.days }, (_, d) => d);
  // Workers write the days while this thread writes the one-off registers.
  const stop = new AbortController();
  const dayPlan = { p: plan.p, clock: plan.clock, sites: plan.sites, gates: plan.gates, seed: city.seed };
  const daily = workers > 0 ? writeDaysInWorkers(dir, dayPlan, workers, tally, report, stop.signal) : null;
  try {
    const registers = { root: dir, p: plan.p, clock: plan.clock, seed: city.seed, tally };
    report({ feed: 'sites', day: 0, rows: (await writeSites(registers, plan.sites, plan.enterpriseSites)).rows });
    report({ feed: 'residents', day: 0, rows: (await writeResidents(registers)).rows });
    report({ feed: 'staff', day: 0, rows: (await writeStaff(registers, plan.enterprises, plan.gates.employer)).rows });
    if (daily) await daily;
    else await writeDaysHere(dir, dayPlan, allDays, tally, report);
    // The workbooks last: ExcelJS needs a lot of short-lived memory, best not while workers run.
    report({ feed: 'key_areas', day: 0, rows: await writeKeyAreas(dir, city.start, tally) });
    report({ feed: 'enterprises', day: 0, rows: await writeEnterprises(dir, city.start, plan.enterprises, tally) });
  } catch (err) {
    stop.abort();
    await daily?.catch(() => undefined);
    throw err;
  }

  const ids = (list: number[]) => list.map((i) => plan.p.ids.of(i));
  const truth = {
    seed: city.seed,
    people: city.people,
    days: city.days,
    start: city.start,
    planted: {
      false_declaration: ids(plan.planted.false_declaration),
      screenshot: ids(plan.planted.screenshot),
      impersonation: ids(plan.planted.impersonation),
    },
    bad_rows: tally.bad,
    rows: tally.rows,
  };
  const truthFile = join(dir, TRUTH_FILE);
  writePrivateFile(truthFile, JSON.stringify(truth, null, 2) + '\n');
  return { dir, files: [...tally.files].sort(), rows: { ...tally.rows }, truthFile };
}

function defaultWorkers(o: CityOptions): number {
  if (o.people < MIN_PEOPLE_FOR_WORKERS || o.days < 2) return 0;
  return Math.min(availableParallelism(), 3, o.days);
}

function checkOptions(o: CityOptions): void {
  if (!Number.isInteger(o.people) || o.people < 1 || o.people > MAX_PEOPLE) {
    throw new Error(`people must be a whole number from 1 to ${MAX_PEOPLE}, not ${o.people}`);
  }
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > MAX_DAYS)
    throw new Error(`days must be a whole number from 1 to ${MAX_DAYS}, not ${o.days}`);
  if (!Number.isSafeInteger(o.seed)) throw new Error(`seed must be a whole number, not ${o.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.start) || parseDay(o.start) === null)
    throw new Error(`start must be a date like 2020-02-10, not ${o.start}`);
}

/** Never writes into an officer's folder that already holds files. */
async function prepareEmptyDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing) {
    if (!existing.isDirectory()) throw new Error(`${dir} exists and is not a folder; choose a new or empty folder for the demo city`);
    if ((await readdir(dir)).length > 0) {
      throw new Error(`${dir} is not empty; the demo city is written only to a new or empty folder, so nothing there is overwritten`);
    }
  }
  // An empty folder only: it becomes the demo city's own, the owner's alone like every exchange file.
  makeOwnPrivateDir(dir);
}
