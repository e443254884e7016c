/** Handlers of the Data screen. */
import type { DataOverview, FeedStatus, SyncRunSummary } from '../../../../shared/contract/api.ts';
import { FEED_NAMES } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../../db/database.ts';

export function dataOverview(db: Db): DataOverview {
  const feeds: FeedStatus[] = FEED_NAMES.map((feed) => {
    const last = db
      .prepare(`SELECT max(finished_at) AS at FROM import_batches WHERE feed = ? AND status = 'done'`)
      .get(feed) as { at: number | null };
    const rejected = db.prepare('SELECT count(*) AS n FROM rejected_rows WHERE feed = ?').get(feed) as { n: number };
    // Table names come from the feed list, never from input.
    const rows = db.prepare(`SELECT count(*) AS n FROM ${feed}`).get() as { n: number };
    return { feed, rows: rows.n, lastImportAt: last.at, rejected: rejected.n };
  });
  const syncs = db
    .prepare(
      `SELECT id, source, status, started_at AS startedAt, finished_at AS finishedAt, files, rows_read AS read, accepted, duplicates, rejected
       FROM sync_runs ORDER BY id DESC LIMIT 20`,
    )
    .all() as SyncRunSummary[];
  return { feeds, syncs };
}
