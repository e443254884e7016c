/** What a sync has read of each exchange file, and the sync run log. */
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../db/database.ts';
import { statementCache } from '../db/statement-cache.ts';

export interface SyncFileState {
  source: string;
  relative_path: string;
  feed: FeedName;
  file_size: number;
  mtime_ms: number;
  file_hash: string;
  batch_id: number | null;
  complete: number;
}

export interface SyncTotals {
  files: number;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

const statements = statementCache((db: Db) => ({
  get: db.prepare('SELECT * FROM sync_files WHERE source = ? AND relative_path = ?'),
  put: db.prepare(
    `INSERT INTO sync_files (source, relative_path, feed, file_size, mtime_ms, file_hash, batch_id, complete)
     VALUES (@source, @relative_path, @feed, @file_size, @mtime_ms, @file_hash, @batch_id, @complete)
     ON CONFLICT (source, relative_path) DO UPDATE SET feed = excluded.feed, file_size = excluded.file_size,
       mtime_ms = excluded.mtime_ms, file_hash = excluded.file_hash, batch_id = excluded.batch_id, complete = excluded.complete`,
  ),
  startRun: db.prepare(`INSERT INTO sync_runs (source, status, started_at) VALUES (?, 'running', ?)`),
  endRun: db.prepare(
    `UPDATE sync_runs SET status = @status, files = @files, rows_read = @read, accepted = @accepted, duplicates = @duplicates,
       rejected = @rejected, error = @error, finished_at = @at WHERE id = @id`,
  ),
  abandonRuns: db.prepare(`UPDATE sync_runs SET status = 'failed', error = 'interrupted', finished_at = ? WHERE status = 'running'`),
}));

export function getSyncFile(db: Db, source: string, relativePath: string): SyncFileState | undefined {
  return statements(db).get.get(source, relativePath) as SyncFileState | undefined;
}

export function putSyncFile(db: Db, state: SyncFileState): void {
  statements(db).put.run(state);
}

export function startSyncRun(db: Db, source: string, at: number): number {
  return db
    .transaction(() => {
      // A run still marked running was interrupted (the sync lock guarantees no other is live).
      statements(db).abandonRuns.run(at);
      return Number(statements(db).startRun.run(source, at).lastInsertRowid);
    })
    .immediate();
}

export function endSyncRun(
  db: Db,
  id: number,
  status: 'done' | 'cancelled' | 'failed',
  totals: SyncTotals,
  at: number,
  error: string | null = null,
): void {
  statements(db).endRun.run({ id, status, ...totals, error, at });
}
