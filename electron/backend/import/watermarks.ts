/**
 * The watermarks of incremental work (in import/, which moves them back, below rules/ and
 * enforcement/, which read them): the colours' evaluation and each fraud detector remember the
 * highest import batch they covered, in the settings table. Batch ids only grow, but a batch may
 * still be written after a watermark passed it (an import running meanwhile, or one resumed after a
 * kill): every chunk written moves the watermarks that passed its batch back below it, in the
 * chunk's own transaction, so its rows are looked at again and none is missed.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { statementCache } from '../db/statement-cache.ts';

/** The colours' watermark and the detectors' (batch-window.ts names them detectors.watermark.<detector>). */
export const WATERMARK_KEYS = [
  'colours.watermark',
  'detectors.watermark.false_declaration',
  'detectors.watermark.screenshot',
  'detectors.watermark.impersonation',
] as const;

export function newestBatch(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM import_batches').get() as { n: number }).n;
}

const rewind = statementCache((db: Db) =>
  db.prepare(
    `UPDATE settings SET value = CAST(@id - 1 AS TEXT)
     WHERE key IN (${WATERMARK_KEYS.map((k) => `'${k}'`).join(', ')}) AND CAST(value AS INTEGER) >= @id`,
  ),
);

/** Called for every chunk written to batch `batchId` (a no-op unless a watermark passed it). */
export function rewindWatermarks(db: Db, batchId: number): void {
  rewind(db).run({ id: batchId });
}

/** A fresh value for colours.full_recompute: a run clears the request only if it is still its own. */
export function newRequestToken(): string {
  return `request-${randomBytes(8).toString('hex')}`;
}
