/**
 * The demo city, as the first start's offer loads it: written into the data folder as an exchange
 * directory, synced from there like any department's files, its colours evaluated and examined by
 * the fraud detectors, and kept as the exchange directory, so that the newcomer's first dashboard
 * has cases in the queue and "sync now" works. Runs in the job worker (jobs/job-worker.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.ts';
import { writeDemoCity } from '../demo/demo-city.ts';
import { runDetectors } from '../enforcement/detectors/run-detectors.ts';
import { type RecomputeResult, recomputeColours } from '../rules/recompute.ts';
import { type SyncEvent, type SyncOutcome, syncDirectory } from '../sync/sync-directory.ts';
import { saveConsoleSettings } from './console-settings.ts';
import { databaseClock } from './database-clock.ts';

export const DEMO_PEOPLE = 20_000;
export const DEMO_DAYS = 14;
export const DEMO_FOLDER = 'demo-exchange';

export type DemoEvent = SyncEvent | { type: 'demo-writing' };

export interface DemoLoadOptions {
  onEvent?: (e: DemoEvent) => void;
  onColours?: (p: { done: number; total: number }) => void;
  /** Stops the sync after the chunk being written; a later "sync now" reads the rest. */
  signal?: AbortSignal;
}

export interface DemoLoadResult {
  dir: string;
  sync: SyncOutcome;
  colours: RecomputeResult;
  casesOpened: number;
}

export async function loadDemoCity(db: Db, dataDir: string, options: DemoLoadOptions = {}): Promise<DemoLoadResult> {
  const dir = join(dataDir, DEMO_FOLDER);
  // Written once: a load that was interrupted after writing goes on with the same files.
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    options.onEvent?.({ type: 'demo-writing' });
    await writeDemoCity({ out: dir, people: DEMO_PEOPLE, days: DEMO_DAYS, seed: 1, start: '2020-02-10' });
  }
  // Set before the sync, so that even a cancelled load leaves a "sync now" that finishes it.
  saveConsoleSettings(db, { syncSource: dir });
  const sync = await syncDirectory(db, { source: dir, ...(options.onEvent ? { onEvent: options.onEvent } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  const colours = await recomputeColours(db, options.onColours ? { onProgress: options.onColours } : {});
  // As after every sync (ENFORCEMENT.md), on the demo's clock, which the sync has just started.
  const casesOpened = runDetectors(db, { now: databaseClock(db)() }).opened.length;
  return { dir, sync, colours, casesOpened };
}
