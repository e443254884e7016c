/**
 * The demo city, as the first start's offer loads it: written into the data folder as an exchange
 * directory, synced from there like any department's files, its colours evaluated and examined by
 * the fraud detectors, and kept as the exchange directory, so that the newcomer's first dashboard
 * has cases in the queue and "sync now" works. Audited as `data.demo`.
 */
import { saveConsoleSettings } from '../settings/console-settings.ts';
import { demoExchange } from '../app/demo-load.ts';
import type { Db } from '../db/database.ts';
import { type SyncEvent, type SyncOutcome, syncDirectory } from '../sync/sync-directory.ts';
import { type Actor, auditAs } from './actor.ts';
import { type ColourProgress, type Evaluation, evaluateAndDetect } from './evaluate-and-detect.ts';
import { syncDetails } from './sync-exchange.ts';

export type DemoEvent = SyncEvent | { type: 'demo-writing' };

export interface LoadDemoCityOptions {
  actor: Actor;
  onEvent?: (e: DemoEvent) => void;
  onColours?: ColourProgress;
  /** Stops the sync after the chunk being written; a later "sync now" reads the rest. */
  signal?: AbortSignal;
}

export interface LoadDemoCityResult extends Evaluation {
  /** The exchange directory the city was written to, now the sync source. */
  dir: string;
  sync: SyncOutcome;
}

export async function loadDemoCity(db: Db, dataDir: string, options: LoadDemoCityOptions): Promise<LoadDemoCityResult> {
  const dir = await demoExchange(dataDir, () => options.onEvent?.({ type: 'demo-writing' }));
  // Set before the sync, so that even a cancelled load leaves a "sync now" that finishes it.
  saveConsoleSettings(db, { syncSource: dir });
  const sync = await syncDirectory(db, {
    source: dir,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // As after every sync, on the demo's clock, which the sync has just started.
  const evaluation = await evaluateAndDetect(db, options.onColours ? { onColours: options.onColours } : {});
  auditAs(db, options.actor, 'data.demo', { syncSource: dir, ...syncDetails(sync, evaluation) });
  return { dir, sync, ...evaluation };
}
