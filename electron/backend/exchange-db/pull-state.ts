/** Where each exchange table's pull stands (migration 11), written in the transaction of its rows. */
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../db/database.ts';
import { statementCache } from '../db/statement-cache.ts';
import type { Gap } from './pull-window.ts';

export interface PullState {
  source: string;
  table_name: string;
  feed: FeedName;
  high_seq: number;
  newest_loaded_at: number | null;
  /** The import batch a pull killed mid-table was filling (continued by the next pull). */
  batch_id: number | null;
}

const statements = statementCache((db: Db) => ({
  get: db.prepare('SELECT * FROM exchange_pull_state WHERE source = ? AND table_name = ?'),
  put: db.prepare(
    `INSERT INTO exchange_pull_state (source, table_name, feed, high_seq, newest_loaded_at, batch_id)
     VALUES (@source, @table_name, @feed, @high_seq, @newest_loaded_at, @batch_id)
     ON CONFLICT (source, table_name) DO UPDATE SET high_seq = excluded.high_seq, newest_loaded_at = excluded.newest_loaded_at,
       batch_id = excluded.batch_id`,
  ),
  gaps: db.prepare('SELECT lo, hi, seen_at AS seenAt FROM exchange_pull_gaps WHERE source = ? AND table_name = ? ORDER BY lo'),
  clearGaps: db.prepare('DELETE FROM exchange_pull_gaps WHERE source = ? AND table_name = ?'),
  addGap: db.prepare('INSERT OR REPLACE INTO exchange_pull_gaps (source, table_name, lo, hi, seen_at) VALUES (?, ?, ?, ?, ?)'),
}));

export function pullState(db: Db, source: string, table: string, feed: FeedName): PullState {
  return (
    (statements(db).get.get(source, table) as PullState | undefined) ?? {
      source,
      table_name: table,
      feed,
      high_seq: 0,
      newest_loaded_at: null,
      batch_id: null,
    }
  );
}

export function putPullState(db: Db, state: PullState): void {
  statements(db).put.run(state);
}

export function pullGaps(db: Db, source: string, table: string): Gap[] {
  return statements(db).gaps.all(source, table) as Gap[];
}

export function addGaps(db: Db, source: string, table: string, gaps: readonly Gap[]): void {
  for (const g of gaps) statements(db).addGap.run(source, table, g.lo, g.hi, g.seenAt);
}

export function replaceGaps(db: Db, source: string, table: string, gaps: readonly Gap[]): void {
  statements(db).clearGaps.run(source, table);
  addGaps(db, source, table, gaps);
}
