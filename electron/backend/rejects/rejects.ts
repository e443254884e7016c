/**
 * Rejected rows: listed for the console and the CLI, and exported as a file the department can
 * correct and send back. The export puts each row's original cells under the feed's Chinese
 * headers (whatever column order the rows arrived in), then where it came from and why it was
 * rejected; the importer ignores those extra columns, so the corrected file imports as it is.
 */
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { mapHeader } from '../../../shared/domain/feeds/header-mapping.ts';
import type { Db } from '../db/database.ts';

export interface RejectListItem {
  id: number;
  feed: FeedName;
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
  reason_zh: string;
  batch_id: number;
  /** Read from an exchange table: `line` is the row's seq (EXCHANGE.md). */
  from_table: number;
}

export interface RejectQuery {
  feed?: FeedName;
  batchId?: number;
  limit?: number;
  offset?: number;
}

function where(q: RejectQuery): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (q.feed) {
    clauses.push('feed = ?');
    params.push(q.feed);
  }
  if (q.batchId !== undefined) {
    clauses.push('batch_id = ?');
    params.push(q.batchId);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listRejects(db: Db, q: RejectQuery = {}): RejectListItem[] {
  const w = where(q);
  const limit = q.limit ?? -1;
  return db
    .prepare(
      `SELECT id, feed, file_name AS file, line, column_name AS column, value, reason, reason_zh, batch_id,
         EXISTS (SELECT 1 FROM import_batches b WHERE b.id = batch_id AND b.file_path LIKE 'postgres://%') AS from_table
       FROM rejected_rows ${w.sql} ORDER BY id LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, q.offset ?? 0) as RejectListItem[];
}

export function countRejects(db: Db, q: RejectQuery = {}): number {
  const w = where(q);
  return (db.prepare(`SELECT count(*) AS n FROM rejected_rows ${w.sql}`).get(...w.params) as { n: number }).n;
}

export function rejectFeeds(db: Db): FeedName[] {
  return (db.prepare('SELECT DISTINCT feed FROM rejected_rows ORDER BY feed').all() as { feed: FeedName }[]).map((r) => r.feed);
}

export interface ExportRow {
  cells: string[];
  file: string;
  line: number;
  reason: string;
}

/** The export's header: the feed's Chinese column names, then the row's origin and the reasons. */
export function exportHeader(feed: FeedName): string[] {
  return [...feedSchema(feed)!.columns.map((c) => c.zh), '原文件', '原行号', '错误原因 (reason)'];
}

/** Rows of one feed for the export, each laid out in the feed's column order. */
export function* exportRows(db: Db, feed: FeedName): Generator<ExportRow> {
  const schema = feedSchema(feed)!;
  const headers = new Map<number, number[]>();
  const stmt = db.prepare(
    `SELECT r.batch_id, r.file_name, r.line, r.reason, r.reason_zh, r.raw, b.header
     FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id WHERE r.feed = ? ORDER BY r.id`,
  );
  for (const r of stmt.iterate(feed) as Iterable<{
    batch_id: number;
    file_name: string;
    line: number;
    reason: string;
    reason_zh: string;
    raw: string;
    header: string | null;
  }>) {
    let positions = headers.get(r.batch_id);
    if (!positions) {
      const mapped = r.header ? mapHeader(schema, JSON.parse(r.header) as string[]) : null;
      positions = mapped?.ok ? [...mapped.mapping.positions] : schema.columns.map((_, i) => i);
      headers.set(r.batch_id, positions);
    }
    const raw = JSON.parse(r.raw) as string[];
    yield {
      cells: positions.map((p) => (p >= 0 ? (raw[p] ?? '') : '')),
      file: r.file_name,
      line: r.line,
      reason: `${r.reason_zh} (${r.reason})`,
    };
  }
}
