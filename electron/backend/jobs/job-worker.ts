/**
 * The worker thread that does the long work (sync, import, demo city, colour evaluation) on its
 * own database connection, so the window never freezes. It runs the use case's pipeline
 * (pipelines/), reports progress as it goes and stops after the chunk being written when told to
 * cancel; what it committed stays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { keyFromWorker } from '../db/db-key.ts';
import type { Actor } from '../pipelines/actor.ts';
import { evaluateColours } from '../pipelines/evaluate-and-detect.ts';
import { importFiles } from '../pipelines/import-files.ts';
import { type DemoEvent, loadDemoCity } from '../pipelines/load-demo-city.ts';
import { syncExchange } from '../pipelines/sync-exchange.ts';
import { jobFailure } from './job-failure.ts';
import type { JobReport, JobRequest, JobWorkerData } from './job-messages.ts';

type Done = Extract<JobReport, { type: 'done' }>;

const { dbFile, dbKey, dataDir, request, user, clockOffset } = workerData as JobWorkerData;
const abort = new AbortController();
parentPort?.on('message', (m: unknown) => {
  if (m === 'cancel') abort.abort();
});
// Listening for "cancel" must not keep the thread alive: it ends when the work is done.
parentPort?.unref();
const report = (r: JobReport) => parentPort!.postMessage(r);
const onColours = (p: { done: number; total: number }) => report({ type: 'colours', ...p });
const actor: Actor = { user, now: () => Date.now() + clockOffset };

async function job(db: Db, r: JobRequest): Promise<Done> {
  const signal = abort.signal;
  switch (r.kind) {
    case 'demo': {
      const onEvent = (e: DemoEvent) => report(e.type === 'demo-writing' ? { type: 'demo-writing' } : { type: 'sync', event: e });
      const demo = await loadDemoCity(db, dataDir, { actor, signal, onEvent, onColours });
      return {
        type: 'done',
        cancelled: demo.sync.status === 'cancelled',
        sync: demo.sync,
        colours: demo.colours,
        casesOpened: demo.opened.length,
        syncSource: demo.dir,
      };
    }
    case 'sync': {
      const s = await syncExchange(db, { source: r.source, actor, signal, onEvent: (event) => report({ type: 'sync', event }), onColours });
      return { type: 'done', cancelled: s.sync.status === 'cancelled', sync: s.sync, colours: s.colours, casesOpened: s.opened.length };
    }
    case 'import': {
      const i = await importFiles(db, {
        files: [{ path: r.path, displayName: r.fileName }],
        feed: r.feed,
        strict: r.strict,
        confirmReplace: r.confirmReplace ?? false,
        actor,
        signal,
        onProgress: (_file, p) => report({ type: 'import-progress', read: p.read, fraction: p.fraction }),
        onColours,
      });
      const outcome = i.outcomes[0]!;
      return {
        type: 'done',
        cancelled: outcome.status === 'cancelled',
        importOutcome: outcome,
        colours: i.colours,
        casesOpened: i.opened.length,
      };
    }
    case 'colours': {
      const e = await evaluateColours(db, { full: r.full, actor, onColours });
      return { type: 'done', cancelled: false, colours: e.colours, casesOpened: e.opened.length };
    }
  }
}

async function run(): Promise<void> {
  let db: Db | null = null;
  try {
    db = openDatabase(dbFile, { key: keyFromWorker(dbKey), skipIntegrityCheck: true });
    report(await job(db, request));
  } catch (err) {
    // Said so that a person can act on it, in both languages; never the system's own text.
    report({ type: 'error', error: jobFailure(err, request) });
  } finally {
    db?.close();
  }
}

void run();
