/**
 * Writing the daily files, in this thread or spread over worker threads. Formatting CSV is CPU-bound
 * (most of the time goes into the CSV writer) and each day's files depend only on the plan, so days
 * are independent: worker k writes days k, k + workers, ..., and the bytes are the same whichever
 * thread writes a day. Workers get the plan's per-person arrays on shared memory (no copy) and only
 * their own days' department rows.
 */
import { Worker } from 'node:worker_threads';
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { DemoClock } from './demo-clock.ts';
import { writeCodeDay } from './demo-code-day.ts';
import { writeDepartmentDay } from './demo-department-day.ts';
import { DayBuckets } from './demo-events.ts';
import type { Tally } from './demo-files.ts';
import { PersonIds } from './demo-identities.ts';
import type { Population } from './demo-population.ts';
import type { SiteRegister } from './demo-sites.ts';
import type { WorkGates } from './demo-work-gates.ts';
import { workerUrl } from '../workers/worker-url.ts';

export interface FileReport {
  feed: FeedName;
  day: number;
  rows: number;
}

export interface DayPlan {
  p: Population;
  clock: DemoClock;
  sites: SiteRegister;
  gates: WorkGates;
  seed: number;
}

/** A population as it crosses to a worker: plain data, class instances rebuilt on the other side. */
type PopulationData = Omit<Population, 'ids' | 'roaming' | 'travel' | 'medical' | 'health'> & {
  roaming: Population['roaming']['byDay'];
  travel: Population['travel']['byDay'];
  medical: Population['medical']['byDay'];
  health: Population['health']['byDay'];
};

export interface WorkerJob {
  root: string;
  seed: number;
  startDay: number;
  days: number[];
  population: PopulationData;
  sites: SiteRegister;
  gates: WorkGates;
}

/** What a worker sends: a file done, or its totals at the end. */
export type WorkerMessage =
  ({ type: 'file' } & FileReport) | { type: 'done'; rows: Record<FeedName, number>; bad: Record<FeedName, number>; files: string[] };

export async function writeDaysHere(
  root: string,
  plan: DayPlan,
  days: readonly number[],
  tally: Tally,
  onFile: (r: FileReport) => void,
): Promise<void> {
  const ctx = { root, ...plan, tally };
  for (const day of days) {
    for (const file of await writeCodeDay(ctx, day)) onFile({ feed: file.feed, day, rows: file.rows });
    for (const file of await writeDepartmentDay(ctx, day)) onFile({ feed: file.feed, day, rows: file.rows });
  }
}

/** Runs `workers` threads over the days; their counts are added to `tally`. */
export async function writeDaysInWorkers(
  root: string,
  plan: DayPlan,
  workers: number,
  tally: Tally,
  onFile: (r: FileReport) => void,
  signal?: AbortSignal,
): Promise<void> {
  const threads: Worker[] = [];
  signal?.addEventListener('abort', () => void Promise.all(threads.map((t) => t.terminate())));
  const runs: Promise<void>[] = [];
  for (let k = 0; k < Math.min(workers, plan.p.days); k++) {
    const days: number[] = [];
    for (let day = k; day < plan.p.days; day += workers) days.push(day);
    const job: WorkerJob = {
      root,
      seed: plan.seed,
      startDay: plan.clock.startDay,
      days,
      population: populationData(plan.p, days),
      sites: plan.sites,
      gates: plan.gates,
    };
    const worker = new Worker(workerUrl(import.meta.url, 'demo-day-worker'), {
      workerData: job,
      // A worker holds little (its days' department rows, one day's timestamp tables): a modest
      // heap limit makes it collect garbage early instead of growing, which keeps a 4-million-person
      // city well under 1 GB with several workers.
      resourceLimits: { maxOldGenerationSizeMb: 96 + Math.ceil(plan.p.n / 40_000) },
    });
    threads.push(worker);
    runs.push(
      new Promise<void>((resolve, reject) => {
        let done = false;
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'file') return onFile({ feed: m.feed, day: m.day, rows: m.rows });
          done = true;
          for (const f of Object.keys(m.rows) as FeedName[]) {
            tally.rows[f] += m.rows[f];
            tally.bad[f] += m.bad[f];
          }
          tally.files.push(...m.files);
        });
        worker.on('error', reject);
        worker.on('exit', (code) =>
          done ? resolve() : reject(new Error(`a demo-city worker stopped (exit code ${code}) before finishing its days`)),
        );
      }),
    );
  }
  try {
    await Promise.all(runs);
  } catch (err) {
    await Promise.all(threads.map((t) => t.terminate()));
    throw err;
  }
}

/** The plan for some days: the shared arrays as they are, the department rows of those days only. */
function populationData(p: Population, days: readonly number[]): PopulationData {
  const only = <T>(b: DayBuckets<T>): T[][] => b.byDay.map((rows, d) => (days.includes(d) ? rows : []));
  const { ids, roaming, travel, medical, health, plantedScans, ...arrays } = p;
  void ids;
  return {
    ...arrays,
    plantedScans: plantedScans.map((scans, d) => (days.includes(d) ? scans : new Map())),
    roaming: only(roaming),
    travel: only(travel),
    medical: only(medical),
    health: only(health),
  };
}

export function revivePopulation(d: PopulationData): Population {
  return {
    ...d,
    ids: new PersonIds(d.idPrefix),
    roaming: new DayBuckets(d.roaming),
    travel: new DayBuckets(d.travel),
    medical: new DayBuckets(d.medical),
    health: new DayBuckets(d.health),
  };
}
