/**
 * Key areas entered in the console (Settings) go through the same upsert as the key_areas feed:
 * a batch of origin 'import' named after the user, so the history and the evaluation treat them
 * like a file from the command center.
 *
 * Each save is published as a dated version (key_area_versions: what changed, who, when, why).
 * A backdate or another start moves the area to a new key (region, start): the old row goes to
 * the history, where the false_declaration detector still finds what was published when
 * (INTERPRETATIONS.keyAreaPublished).
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import { type KeyAreaChangeKind, type NamedArea, resolveProposal } from '../../../shared/domain/rules/key-area-change.ts';
import type { Db } from '../db/database.ts';
import { writerFor } from '../import/feed-writers/index.ts';
import { createBatch, finishBatch, addBatchCounts } from '../import/batches.ts';

export interface PublishedChange {
  kind: KeyAreaChangeKind;
  batchId: number;
}

export function saveKeyArea(
  db: Db,
  a: { regionCode: string; name: string | null; effectiveFrom: Day; effectiveTo: Day | null; previousFrom?: Day | null },
  user: string,
  now: number,
  reason = '',
): PublishedChange {
  return db
    .transaction((): PublishedChange => {
      const change = resolveProposal(listedKeyAreas(db), { ...a, previousFrom: a.previousFrom ?? null });
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
      const old = change.replaced;
      if (old && old.effectiveFrom !== a.effectiveFrom) {
        const key = [old.regionCode, old.effectiveFrom];
        db.prepare(
          `INSERT INTO key_areas_history (region_code, effective_from, name, effective_to, version_time, batch_id)
           SELECT region_code, effective_from, name, effective_to, version_time, batch_id FROM key_areas WHERE region_code = ? AND effective_from = ?`,
        ).run(...key);
        db.prepare('DELETE FROM key_areas WHERE region_code = ? AND effective_from = ?').run(...key);
      }
      addBatchCounts(db, batchId, { read: 1, ...r, rejected: 0, resumeLine: 1 });
      finishBatch(db, batchId, 'done', now);
      db.prepare(
        `INSERT INTO key_area_versions (region_code, name, effective_from, effective_to, kind, previous_from, published_at, published_by, reason, batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.regionCode, a.name, a.effectiveFrom, a.effectiveTo, change.kind, old?.effectiveFrom ?? null, now, user, reason, batchId);
      return { kind: change.kind, batchId };
    })
    .immediate();
}

/** The key areas listed now (in force as the rules read them), by code and start. */
export function listedKeyAreas(db: Db): NamedArea[] {
  return (
    db
      .prepare('SELECT region_code, name, effective_from, effective_to FROM key_areas ORDER BY region_code, effective_from')
      .raw()
      .all() as [string, string | null, number, number | null][]
  ).map(([regionCode, name, effectiveFrom, effectiveTo]) => ({ regionCode, name, effectiveFrom, effectiveTo }));
}
