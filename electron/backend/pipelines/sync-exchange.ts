/**
 * Sync from an exchange directory, then evaluate and detect: `hcc sync`, the console's "sync now"
 * and its automatic sync. A cancelled sync is still evaluated and examined: what it committed is
 * real data. Audited as `data.sync` once the whole use case is done.
 */
import type { Db } from '../db/database.ts';
import type { ImportOutcome } from '../import/import-file.ts';
import { type SyncEvent, type SyncOutcome, syncDirectory } from '../sync/sync-directory.ts';
import { type Actor, auditAs, colourSummary } from './actor.ts';
import { type ColourProgress, type Evaluation, evaluateAndDetect } from './evaluate-and-detect.ts';

export interface SyncExchangeOptions {
  source: string;
  actor: Actor;
  /** Stops after the chunk being written; a later sync reads the rest. */
  signal?: AbortSignal;
  onEvent?: (e: SyncEvent) => void;
  onColours?: ColourProgress;
}

export interface SyncExchangeResult extends Evaluation {
  sync: SyncOutcome;
}

/** A file refused whole (unreadable, wrong feed, damaged): its rows did not arrive. */
export function refusedFiles(sync: SyncOutcome): ImportOutcome[] {
  return sync.files.filter((f) => f.status === 'unreadable' || f.status === 'failed');
}

export async function syncExchange(db: Db, options: SyncExchangeOptions): Promise<SyncExchangeResult> {
  const sync = await syncDirectory(db, {
    source: options.source,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const evaluation = await evaluateAndDetect(db, options.onColours ? { onColours: options.onColours } : {});
  auditAs(db, options.actor, 'data.sync', syncDetails(sync, evaluation));
  return { sync, ...evaluation };
}

/** The audit entry's facts of a sync (also the demo city's, which is one). */
export function syncDetails(sync: SyncOutcome, evaluation: Evaluation): Record<string, unknown> {
  return {
    status: sync.status,
    source: sync.source,
    ...sync.totals,
    refused: refusedFiles(sync).length,
    colours: colourSummary(evaluation.colours),
    casesOpened: evaluation.opened.length,
  };
}
