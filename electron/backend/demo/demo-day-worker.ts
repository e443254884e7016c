/**
 * Worker-thread entry: writes the days it was given from the plan the main thread sent (see
 * demo-days.ts) and reports each file, then its totals.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DemoClock } from './demo-clock.ts';
import { type WorkerJob, type WorkerMessage, revivePopulation, writeDaysHere } from './demo-days.ts';
import { Tally } from './demo-files.ts';

const job = workerData as WorkerJob;
const port = parentPort;
if (!port) throw new Error('demo-day-worker.ts runs only as a worker thread');
const p = revivePopulation(job.population);
const plan = { p, clock: new DemoClock(job.startDay, p.days), sites: job.sites, gates: job.gates, seed: job.seed };
const tally = new Tally();
await writeDaysHere(job.root, plan, job.days, tally, (r) => port.postMessage({ type: 'file', ...r } satisfies WorkerMessage));
port.postMessage({ type: 'done', rows: tally.rows, bad: tally.bad, files: tally.files } satisfies WorkerMessage);
