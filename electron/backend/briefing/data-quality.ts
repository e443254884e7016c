/**
 * 数据质量: per feed, the rows of that day's files accepted, duplicate and rejected, the last
 * import, and the files with errors (rejected rows, or a file that failed or could not be read).
 */
import { FEEDS, type FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import { FEED_WORDS } from '../../../shared/words/domain-words.ts';
import { type Day, dayStartInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { lastImportTimes } from '../import/batches.ts';

export interface QualityRow {
  feed: FeedName;
  feed_name: string;
  files: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The feed's last finished import, whatever day its data is about. */
  last_import_at: number | null;
  error_files: string[];
}

export function dataQuality(db: Db, day: Day): QualityRow[] {
  const batches = db
    .prepare(
      `SELECT feed, file_name, status, accepted, duplicates, rejected FROM import_batches
       WHERE version_time >= ? AND version_time < ? AND status <> 'running' ORDER BY id`,
    )
    .all(dayStartInstant(day), dayStartInstant(day + 1)) as {
    feed: FeedName;
    file_name: string;
    status: string;
    accepted: number;
    duplicates: number;
    rejected: number;
  }[];
  const last = lastImportTimes(db);
  return FEEDS.map((f) => {
    const mine = batches.filter((b) => b.feed === f.name);
    const sum = (k: 'accepted' | 'duplicates' | 'rejected') => mine.reduce((a, b) => a + b[k], 0);
    return {
      feed: f.name,
      feed_name: FEED_WORDS[f.name].zh,
      files: mine.length,
      accepted: sum('accepted'),
      duplicates: sum('duplicates'),
      rejected: sum('rejected'),
      last_import_at: last.get(f.name) ?? null,
      error_files: [...new Set(mine.filter((b) => b.rejected > 0 || b.status !== 'done').map((b) => b.file_name))],
    };
  });
}
