/**
 * Sync from an exchange directory, then evaluate and detect: `hcc sync`, the console's "sync now"
 * and its automatic sync. A cancelled sync is still evaluated and examined: what it committed is
 * real data. Audited as `data.sync` once the whole use case is done.
 */
import type { Db } from '../db/database.ts';
import type { ImportOutcome } from '../import/import-file.ts';
import { type SyncEvent, type SyncOutcome, syncDirectory } from '../sync/sync-directory.ts';
import { isPostgresSource } from '../exchange-db/pg-source.ts';
import { drainDecisions } from '../decisions/drain-decisions.ts';
import type { PushResult } from '../decisions/push-decisions.ts';
import { syncPostgres } from '../exchange-db/pull-exchange.ts';
import { resolvePostgresSource } from '../exchange-db/resolve-source.ts';
import { type Actor, auditAs, colourSummary } from './actor.ts';
import { type ColourProgress, type Evaluation, evaluateAndDetect } from './evaluate-and-detect.ts';

export interface SyncExchangeOptions {
  /** An exchange directory, or a postgres:// URL (the exchange database). */
  source: string;
  /** A connection file for the exchange database (`--source-pg`), instead of a URL in `source`. */
  connectionFile?: string;
  /** The exchange database's password when it is given apart (else: URL, PGPASSWORD, the sealed setting). */
  password?: string | null;
  actor: Actor;
  /** Stops after the chunk being written; a later sync reads the rest. */
  signal?: AbortSignal;
  onEvent?: (e: SyncEvent) => void;
  onColours?: ColourProgress;
}

export interface SyncExchangeResult extends Evaluation {
  sync: SyncOutcome;
  /** The decisions delivered to the exchange at the sync's end (null: nowhere to deliver). */
  decisions: PushResult | null;
}

/** A file refused whole (unreadable, wrong feed, damaged): its rows did not arrive. */
export function refusedFiles(sync: SyncOutcome): ImportOutcome[] {
  return sync.files.filter((f) => f.status === 'unreadable' || f.status === 'failed');
}

export async function syncExchange(db: Db, options: SyncExchangeOptions): Promise<SyncExchangeResult> {
  const common = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  const sync =
    options.connectionFile || isPostgresSource(options.source)
      ? await syncPostgres(db, {
          source: resolvePostgresSource(db, {
            url: options.source,
            ...(options.connectionFile ? { connectionFile: options.connectionFile } : {}),
            ...(options.password !== undefined ? { password: options.password } : {}),
          }),
          ...common,
        })
      : await syncDirectory(db, { source: options.source, ...common });
  const evaluation = await evaluateAndDetect(db, options.onColours ? { onColours: options.onColours } : {});
  auditAs(db, options.actor, 'data.sync', syncDetails(sync, evaluation));
  // Every sync also delivers the decisions the platform has not yet received (to the same
  // exchange); a target out of reach is reported, and they wait for the next sync or the timer.
  const decisions = await drainDecisions(db, options.connectionFile ? null : options.source, options.password, {
    ...(options.connectionFile ? { connectionFile: options.connectionFile } : {}),
    actor: { user: options.actor.user, via: options.actor.via },
  });
  return { sync, decisions, ...evaluation };
}

/** The audit entry's facts of a sync (also the demo city's, which is one). */
export function syncDetails(sync: SyncOutcome, evaluation: Evaluation): Record<string, unknown> {
  return {
    status: sync.status,
    source: sync.source,
    ...sync.totals,
    refused: refusedFiles(sync).length,
    ...(sync.retries ? { reconnections: sync.retries } : {}),
    colours: colourSummary(evaluation.colours),
    casesOpened: evaluation.opened.length,
  };
}
