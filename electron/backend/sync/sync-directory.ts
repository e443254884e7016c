/**
 * `hcc sync --source DIR`: reads the exchange directory's files that have not been read completely,
 * resuming an interrupted file after its last committed row, and re-reading a file whose content
 * changed. What has been read is recorded in the same transaction that finishes each file, so a
 * sync killed at any moment loses and doubles nothing.
 */
import { databaseClock, startDemoClockForSource } from '../clock/database-clock.ts';
import { createHash } from 'node:crypto';
import { createReadStream, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../db/database.ts';
import { type ImportOutcome, importFile } from '../import/import-file.ts';
import { type ParseRunner, createParseRunner } from '../import/parse-runner.ts';
import { type ExchangeFile, exchangeDirectoryProblem, listExchangeDirectory } from './exchange-directory.ts';
import { acquireSyncLock } from './sync-lock.ts';
import { type SyncTotals, endSyncRun, getSyncFile, putSyncFile, startSyncRun } from './sync-state.ts';

export type SyncEvent =
  | { type: 'plan'; files: { feed: FeedName; file: string; size: number }[]; skipped: number }
  | { type: 'file-start'; feed: FeedName; file: string; index: number; total: number }
  | { type: 'progress'; feed: FeedName; file: string; read: number; fraction: number | null }
  | { type: 'file-done'; outcome: ImportOutcome }
  /** The exchange database's connection was lost: reconnecting after `waitMs` (attempt n). */
  | { type: 'retry'; feed: FeedName; file: string; attempt: number; waitMs: number; reason: string };

export interface SyncOptions {
  source: string;
  onEvent?: (event: SyncEvent) => void;
  signal?: AbortSignal;
  now?: () => number;
  runner?: ParseRunner;
}

export interface SyncOutcome {
  runId: number;
  source: string;
  status: 'done' | 'cancelled' | 'failed';
  feeds: Partial<Record<FeedName, SyncTotals>>;
  totals: SyncTotals;
  files: ImportOutcome[];
  /** Files already read completely and unchanged. */
  unchanged: number;
  ignored: string[];
  /** Reconnections to the exchange database this sync needed (0 for a directory). */
  retries?: number;
}

export async function syncDirectory(db: Db, options: SyncOptions): Promise<SyncOutcome> {
  // A folder removed (or a share disconnected) since it was chosen: said with what to do, not as
  // the system's "ENOENT ... lstat".
  const problem = exchangeDirectoryProblem(resolve(options.source));
  if (problem) throw problem;
  // The real path: the same directory reached through a link is the same exchange (its state).
  const source = realpathSync(resolve(options.source));
  const listing = listExchangeDirectory(source);
  const release = acquireSyncLock(db);
  // A demo directory synced into an empty database gives it the demo's clock (database-clock.ts).
  startDemoClockForSource(db, source);
  const now = options.now ?? databaseClock(db);
  const runner = options.runner ?? createParseRunner();
  const runId = startSyncRun(db, source, now());
  const outcome: SyncOutcome = {
    runId,
    source,
    status: 'done',
    feeds: {},
    totals: { files: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 },
    files: [],
    unchanged: 0,
    ignored: listing.ignored,
  };
  try {
    const pending: ExchangeFile[] = [];
    for (const f of listing.files) {
      if (await alreadyRead(db, source, f)) outcome.unchanged++;
      else pending.push(f);
    }
    options.onEvent?.({
      type: 'plan',
      files: pending.map((f) => ({ feed: f.feed, file: f.relativePath, size: f.size })),
      skipped: outcome.unchanged,
    });
    for (const [index, f] of pending.entries()) {
      if (options.signal?.aborted) {
        outcome.status = 'cancelled';
        break;
      }
      options.onEvent?.({ type: 'file-start', feed: f.feed, file: f.relativePath, index, total: pending.length });
      const result = await importFile(db, {
        path: f.path,
        feed: f.feed,
        origin: 'sync',
        runner,
        now,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.onEvent?.({ type: 'progress', feed: f.feed, file: f.relativePath, read: p.read, fraction: p.fraction }),
        onFinish: (tx, done) =>
          putSyncFile(tx, {
            source,
            relative_path: f.relativePath,
            feed: f.feed,
            file_size: f.size,
            mtime_ms: f.mtimeMs,
            file_hash: done.hash ?? '',
            batch_id: done.batchId,
            complete: 1,
          }),
      });
      outcome.files.push(result);
      addTotals(outcome, f.feed, result);
      options.onEvent?.({ type: 'file-done', outcome: result });
      if (result.status === 'cancelled') {
        outcome.status = 'cancelled';
        break;
      }
    }
    endSyncRun(db, runId, outcome.status, outcome.totals, now());
    return outcome;
  } catch (err) {
    endSyncRun(db, runId, 'failed', outcome.totals, now(), (err as Error).message);
    throw err;
  } finally {
    if (!options.runner) await runner.close();
    release();
  }
}

/** Complete and unchanged: same size and time, or (when those moved) the same content hash. */
async function alreadyRead(db: Db, source: string, f: ExchangeFile): Promise<boolean> {
  const state = getSyncFile(db, source, f.relativePath);
  if (!state || !state.complete) return false;
  if (state.file_size === f.size && state.mtime_ms === f.mtimeMs) return true;
  if (state.file_size !== f.size) return false;
  if ((await sha256(f.path)) !== state.file_hash) return false;
  putSyncFile(db, { ...state, mtime_ms: f.mtimeMs });
  return true;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Adds a file's (or an exchange table's) counts to its feed's and the sync's totals. */
export function addTotals(outcome: SyncOutcome, feed: FeedName, r: ImportOutcome): void {
  const t = (outcome.feeds[feed] ??= { files: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 });
  for (const target of [t, outcome.totals]) {
    target.files++;
    target.read += r.read;
    target.accepted += r.accepted;
    target.duplicates += r.duplicates;
    target.rejected += r.rejected;
  }
}
