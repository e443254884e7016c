/**
 * Key areas entered in the console (Settings) go through the same upsert as the key_areas feed:
 * a batch of origin 'import' named after the user, so the history and the evaluation treat them
 * like a file from the command center.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { writerFor } from '../import/feed-writers/index.ts';
import { createBatch, finishBatch, addBatchCounts } from '../import/batches.ts';

export function saveKeyArea(
  db: Db,
  a: { regionCode: string; name: string | null; effectiveFrom: Day; effectiveTo: Day | null },
  user: string,
  now: number,
): void {
  db.transaction(() => {
    const batchId = createBatch(db, {
      feed: 'key_areas',
      fileName: `console:${user}`,
      filePath: `console:${user}:${now}`,
      fileHash: '',
      fileSize: 0,
      versionTime: now,
      encoding: null,
      origin: 'import',
      strict: false,
      status: 'running',
      startedAt: now,
    });
    const writer = writerFor('key_areas');
    const r = writer.write(db, writer.prepare([[a.regionCode, a.name, a.effectiveFrom, a.effectiveTo]]), { batchId, versionTime: now });
    addBatchCounts(db, batchId, { read: 1, ...r, rejected: 0, resumeLine: 1 });
    finishBatch(db, batchId, 'done', now);
  }).immediate();
}
