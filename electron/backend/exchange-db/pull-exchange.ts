/**
 * `hcc sync --source postgres://…`: pulls every feed table of the exchange database (pull-table.ts)
 * in the directory sync's feed order, under the same sync lock and run log, and reports the same
 * outcome shape, a table standing where a file would. A demo exchange database (`hcc demo --pg`)
 * pulled into an empty database gives it the demo's clock, as a demo directory does.
 */
import { databaseClock, startDemoClockFromTruth } from '../clock/database-clock.ts';
import { latestDataDay } from '../clock/data-days.ts';
import { plausibleWindow } from '../../../shared/domain/feeds/plausible-window.ts';
import type { Db } from '../db/database.ts';
import { SYNC_FEED_ORDER } from '../sync/exchange-directory.ts';
import { type SyncEvent, type SyncOutcome, addTotals } from '../sync/sync-directory.ts';
import { acquireSyncLock } from '../sync/sync-lock.ts';
import { type SyncTotals, endSyncRun, startSyncRun } from '../sync/sync-state.ts';
import { ExchangeConnection } from './exchange-connection.ts';
import { type FeedTable, describeFeedTable } from './feed-table.ts';
import { ExchangeSourceError, type PostgresSource, sourceName } from './pg-source.ts';
import { pullState } from './pull-state.ts';
import { pullTable } from './pull-table.ts';

export interface PullOptions {
  source: PostgresSource;
  onEvent?: (event: SyncEvent) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/** Where `hcc demo --pg` leaves the demo's ground truth: the schema's comment. */
export const DEMO_COMMENT_KEY = 'hcc_demo';

export async function syncPostgres(db: Db, options: PullOptions): Promise<SyncOutcome> {
  const name = sourceName(options.source);
  let current: FeedTable | null = null;
  const conn = new ExchangeConnection(options.source, (n) =>
    options.onEvent?.({ type: 'retry', feed: current?.feed ?? 'key_areas', file: current?.name ?? name, ...n }),
  );
  const release = acquireSyncLock(db);
  const empty = (): SyncTotals => ({ files: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 });
  const outcome: SyncOutcome = {
    runId: 0,
    source: name,
    status: 'done',
    feeds: {},
    totals: empty(),
    files: [],
    unchanged: 0,
    ignored: [],
    retries: 0,
  };
  let runStarted = false;
  const now = options.now ?? databaseClock(db);
  try {
    // Reached before anything is logged: a wrong address or password is said at once.
    const tables: FeedTable[] = [];
    // The plan's size of a table is its rows waiting by seq (a file's is its bytes): the progress
    // bars weigh the tables by it.
    const waiting: number[] = [];
    for (const feed of SYNC_FEED_ORDER) {
      const t = await describeFeedTable(conn, options.source, feed);
      if (!t) continue;
      tables.push(t);
      const max = Number((await conn.rows(t.maxSeq))[0]![0]);
      const state = pullState(db, name, t.name, feed);
      // A table with gaps or a killed batch is looked at too, but only new rows make it planned work.
      waiting.push(Math.max(0, max - state.high_seq) || (state.batch_id !== null ? 1 : 0));
    }
    if (tables.length === 0) {
      // A wrong schema (or database) would otherwise sync nothing and call it done.
      throw new ExchangeSourceError(
        `${name} has no feed tables in the schema ${options.source.schema} (residents, checkins, …): check the database and schema names`,
        `${name} 的模式 ${options.source.schema} 中没有数据源表（residents、checkins 等）：请检查数据库名和模式名`,
      );
    }
    await startDemoClock(db, conn, options.source);
    outcome.runId = startSyncRun(db, name, now());
    runStarted = true;
    const planned = tables.filter((_, i) => waiting[i]! > 0);
    options.onEvent?.({
      type: 'plan',
      files: tables.flatMap((t, i) => (waiting[i]! > 0 ? [{ feed: t.feed, file: t.name, size: waiting[i]! }] : [])),
      skipped: tables.length - planned.length,
    });
    for (const t of tables) {
      if (options.signal?.aborted) {
        outcome.status = 'cancelled';
        break;
      }
      current = t;
      const index = planned.indexOf(t);
      if (index >= 0) options.onEvent?.({ type: 'file-start', feed: t.feed, file: t.name, index, total: planned.length });
      const window = plausibleWindow(now(), latestDataDay(db));
      const result = await pullTable(db, {
        conn,
        source: options.source,
        sourceName: name,
        table: t,
        window,
        now,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (read, fraction) => options.onEvent?.({ type: 'progress', feed: t.feed, file: t.name, read, fraction }),
      });
      if (!result) {
        outcome.unchanged++;
        continue;
      }
      outcome.files.push(result);
      addTotals(outcome, result.feed, result);
      options.onEvent?.({ type: 'file-done', outcome: result });
      if (result.status === 'cancelled') {
        outcome.status = 'cancelled';
        break;
      }
      if (result.status === 'failed') {
        // The connection is gone for good (retries spent): the next sync goes on from here.
        outcome.status = 'failed';
        break;
      }
    }
    outcome.retries = conn.retries;
    const failure = outcome.files.find((f) => f.status === 'failed')?.error?.en ?? null;
    endSyncRun(db, outcome.runId, outcome.status, outcome.totals, now(), failure);
    return outcome;
  } catch (err) {
    if (runStarted) endSyncRun(db, outcome.runId, 'failed', outcome.totals, now(), (err as Error).message);
    throw err;
  } finally {
    await conn.close();
    release();
  }
}

async function startDemoClock(db: Db, conn: ExchangeConnection, s: PostgresSource): Promise<void> {
  const rows = await conn.rows("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = $1", [s.schema]);
  const comment = rows[0]?.[0];
  if (!comment) return;
  try {
    const parsed = JSON.parse(comment) as Record<string, unknown>;
    startDemoClockFromTruth(db, parsed[DEMO_COMMENT_KEY]);
  } catch {
    // A comment of the platform's own, not ours.
  }
}
