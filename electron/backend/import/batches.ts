/**
 * The import batch log: one row per read of a file, its counts (read = accepted + duplicates +
 * rejected, enforced by a CHECK), where to resume, and the rejected rows.
 */
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../db/database.ts';
import { rewindWatermarks } from './watermarks.ts';
import { statementCache } from '../db/statement-cache.ts';
import type { RejectRecord } from './parse-chunks.ts';

export type BatchStatus = 'running' | 'done' | 'failed' | 'unreadable';

export interface BatchRow {
  id: number;
  feed: FeedName;
  file_name: string;
  file_path: string;
  file_hash: string;
  file_size: number;
  version_time: number;
  encoding: string | null;
  origin: 'import' | 'sync';
  strict: number;
  status: BatchStatus;
  header: string | null;
  ignored_columns: string | null;
  rows_read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  resume_line: number;
  error: string | null;
  error_zh: string | null;
  started_at: number;
  finished_at: number | null;
}

export interface NewBatch {
  feed: FeedName;
  fileName: string;
  filePath: string;
  fileHash: string;
  fileSize: number;
  versionTime: number;
  encoding: string | null;
  origin: 'import' | 'sync';
  strict: boolean;
  status: BatchStatus;
  startedAt: number;
  error?: { en: string; zh: string };
}

const statements = statementCache((db: Db) => ({
  insert: db.prepare(
    `INSERT INTO import_batches (feed, file_name, file_path, file_hash, file_size, version_time, encoding, origin, strict, status,
       error, error_zh, started_at, finished_at)
     VALUES (@feed, @fileName, @filePath, @fileHash, @fileSize, @versionTime, @encoding, @origin, @strict, @status,
       @error, @errorZh, @startedAt, @finishedAt)`,
  ),
  resumable: db.prepare(
    `SELECT * FROM import_batches WHERE file_path = ? AND file_hash = ? AND feed = ? AND status = 'running' AND strict = 0 ORDER BY id DESC LIMIT 1`,
  ),
  header: db.prepare('UPDATE import_batches SET header = ?, ignored_columns = ? WHERE id = ?'),
  counts: db.prepare(
    `UPDATE import_batches SET rows_read = rows_read + @read, accepted = accepted + @accepted, duplicates = duplicates + @duplicates,
       rejected = rejected + @rejected, resume_line = @resumeLine WHERE id = @id`,
  ),
  finish: db.prepare('UPDATE import_batches SET status = ?, error = ?, error_zh = ?, finished_at = ? WHERE id = ?'),
  get: db.prepare('SELECT * FROM import_batches WHERE id = ?'),
  reject: db.prepare(
    `INSERT OR IGNORE INTO rejected_rows (batch_id, feed, file_name, file_hash, line, column_name, value, reason, reason_zh, problems, raw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
}));

export function createBatch(db: Db, b: NewBatch): number {
  const info = statements(db).insert.run({
    ...b,
    strict: b.strict ? 1 : 0,
    error: b.error?.en ?? null,
    errorZh: b.error?.zh ?? null,
    finishedAt: b.status === 'running' ? null : b.startedAt,
  });
  return Number(info.lastInsertRowid);
}

export function findResumableBatch(db: Db, filePath: string, fileHash: string, feed: FeedName): BatchRow | undefined {
  return statements(db).resumable.get(filePath, fileHash, feed) as BatchRow | undefined;
}

export function getBatch(db: Db, id: number): BatchRow {
  return statements(db).get.get(id) as BatchRow;
}

export function setBatchHeader(db: Db, id: number, header: readonly string[], ignored: readonly string[]): void {
  statements(db).header.run(JSON.stringify(header), JSON.stringify(ignored), id);
}

export function addBatchCounts(
  db: Db,
  id: number,
  c: { read: number; accepted: number; duplicates: number; rejected: number; resumeLine: number },
): void {
  statements(db).counts.run({ id, ...c });
  rewindWatermarks(db, id);
}

export function finishBatch(db: Db, id: number, status: BatchStatus, at: number, error?: { en: string; zh: string }): void {
  statements(db).finish.run(status, error?.en ?? null, error?.zh ?? null, at, id);
}

export interface RejectTarget {
  batchId: number;
  feed: FeedName;
  fileName: string;
  fileHash: string;
}

export function insertRejects(db: Db, t: RejectTarget, rejects: readonly RejectRecord[]): void {
  const s = statements(db).reject;
  for (const r of rejects) {
    const first = r.problems[0]!;
    // With several problems each names its column; a single one is already shown beside its column.
    const several = r.problems.length > 1;
    const reason = r.problems.map((p) => (several && p.column ? `${p.column}: ${p.en}` : p.en)).join('; ');
    const reasonZh = r.problems.map((p) => (several && p.column ? `${p.column}：${p.zh}` : p.zh)).join('；');
    s.run(
      t.batchId,
      t.feed,
      t.fileName,
      t.fileHash,
      r.line,
      first.column,
      first.value,
      reason,
      reasonZh,
      JSON.stringify(r.problems),
      JSON.stringify(r.raw),
    );
  }
}

/** Each feed's last finished import (any origin), for freshness displays. */
export function lastImportTimes(db: Db): Map<FeedName, number> {
  const rows = db.prepare("SELECT feed, max(finished_at) AS at FROM import_batches WHERE status = 'done' GROUP BY feed").all() as {
    feed: FeedName;
    at: number;
  }[];
  return new Map(rows.map((r) => [r.feed, r.at]));
}
