/**
 * The worker thread that does the long work (sync, import, demo city, colour evaluation) on its
 * own database connection, so the window never freezes. It reports progress as it goes and stops
 * after the chunk being written when told to cancel; what it committed stays.
 */
import { databaseClock } from '../app/database-clock.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { loadDemoCity } from '../app/first-start.ts';
import { openDatabase } from '../db/database.ts';
import { importFile } from '../import/import-file.ts';
import { recomputeColours } from '../rules/recompute.ts';
import { runDetectors } from '../enforcement/detectors/run-detectors.ts';
import { syncDirectory } from '../sync/sync-directory.ts';
import type { JobReport, JobWorkerData } from './job-messages.ts';

const { dbFile, dataDir, request } = workerData as JobWorkerData;
const abort = new AbortController();
parentPort?.on('message', (m: unknown) => {
  if (m === 'cancel') abort.abort();
});
// Listening for "cancel" must not keep the thread alive: it ends when the work is done.
parentPort?.unref();
const report = (r: JobReport) => parentPort!.postMessage(r);

async function run(): Promise<void> {
  const db = openDatabase(dbFile, { skipIntegrityCheck: true });
  try {
    const done: Extract<JobReport, { type: 'done' }> = { type: 'done', cancelled: false };
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
    } else if (request.kind === 'demo') {
      // loadDemoCity syncs and evaluates; its sync events are reported like any sync.
      await loadDemoCity(db, dataDir, (e) => report(e.type === 'demo-writing' ? { type: 'demo-writing' } : { type: 'sync', event: e }));
    }
    // New data changes colours: evaluated before the job ends, even after a cancel (what was
    // committed is real data).
    done.colours = await recomputeColours(db, { full: request.kind === 'colours' && request.full, onProgress: (p) => report({ type: 'colours', ...p }) });
    // The detectors run after every sync (ENFORCEMENT.md), on the colours just evaluated.
    done.casesOpened = runDetectors(db, { now: databaseClock(db)() }).opened.length;
    report(done);
  } catch (err) {
    report({ type: 'error', message: (err as Error).message });
  } finally {
    db.close();
  }
}

void run();
