/**
 * The worker thread that does the long work (sync, import, demo city, colour evaluation) on its
 * own database connection, so the window never freezes. It reports progress as it goes and stops
 * after the chunk being written when told to cancel; what it committed stays.
 */
import { databaseClock } from '../app/database-clock.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { loadDemoCity } from '../app/demo-load.ts';
import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { keyFromWorker } from '../db/db-key.ts';
import { importFile } from '../import/import-file.ts';
import { recomputeColours } from '../rules/recompute.ts';
import { runDetectors } from '../enforcement/detectors/run-detectors.ts';
import { syncDirectory } from '../sync/sync-directory.ts';
import { jobFailure } from './job-failure.ts';
import type { JobReport, JobWorkerData } from './job-messages.ts';

type Done = Extract<JobReport, { type: 'done' }>;

const { dbFile, dbKey, dataDir, request } = workerData as JobWorkerData;
const abort = new AbortController();
parentPort?.on('message', (m: unknown) => {
  if (m === 'cancel') abort.abort();
});
// Listening for "cancel" must not keep the thread alive: it ends when the work is done.
parentPort?.unref();
const report = (r: JobReport) => parentPort!.postMessage(r);
const onColours = (p: { done: number; total: number }) => report({ type: 'colours', ...p });

/** The demo city evaluates and examines what it loaded itself (app/demo-load.ts). */
async function demoJob(db: Db): Promise<Done> {
  const demo = await loadDemoCity(db, dataDir, {
    signal: abort.signal,
    onEvent: (e) => report(e.type === 'demo-writing' ? { type: 'demo-writing' } : { type: 'sync', event: e }),
    onColours,
  });
  return { type: 'done', cancelled: demo.sync.status === 'cancelled', sync: demo.sync, colours: demo.colours, casesOpened: demo.casesOpened, syncSource: demo.dir };
}

async function dataJob(db: Db): Promise<Done> {
  const done: Done = { type: 'done', cancelled: false };
  if (request.kind === 'sync') {
    done.sync = await syncDirectory(db, { source: request.source, signal: abort.signal, onEvent: (event) => report({ type: 'sync', event }) });
    done.cancelled = done.sync.status === 'cancelled';
  } else if (request.kind === 'import') {
    done.importOutcome = await importFile(db, {
      path: request.path,
      displayName: request.fileName,
      feed: request.feed,
      origin: 'import',
      strict: request.strict,
      confirmReplace: request.confirmReplace ?? false,
      signal: abort.signal,
      onProgress: (p) => report({ type: 'import-progress', read: p.read, fraction: p.fraction }),
    });
    done.cancelled = done.importOutcome.status === 'cancelled';
  }
  // New data changes colours: evaluated before the job ends, even after a cancel (what was
  // committed is real data).
  done.colours = await recomputeColours(db, { full: request.kind === 'colours' && request.full, onProgress: onColours });
  // The detectors run after every sync (ENFORCEMENT.md), on the colours just evaluated.
  done.casesOpened = runDetectors(db, { now: databaseClock(db)() }).opened.length;
  return done;
}

async function run(): Promise<void> {
  let db: Db | null = null;
  try {
    db = openDatabase(dbFile, { key: keyFromWorker(dbKey), skipIntegrityCheck: true });
    report(request.kind === 'demo' ? await demoJob(db) : await dataJob(db));
  } catch (err) {
    // Said so that a person can act on it, in both languages; never the system's own text.
    report({ type: 'error', error: jobFailure(err, request) });
  } finally {
    db?.close();
  }
}

void run();
