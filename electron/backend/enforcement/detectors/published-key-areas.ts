/**
 * The key areas as they were published at an instant (INTERPRETATIONS.keyAreaPublished): the
 * false_declaration detector asks "what could the person have known when they declared?".
 *
 * Every stored version of a key area (current and history) carries the batch that wrote it. Its
 * publish time is the earlier of the file's own time and the time the batch was received: a
 * console save is both at once (the database clock); a feed file is published when the command
 * center dated it, and no later than it reached us. For each area (region, start) the version known
 * at T is the newest one published by then, ordered as the upsert orders versions.
 */
import type { Db } from '../../db/database.ts';
import type { NamedKeyArea } from './declaration-checks.ts';

interface Version extends NamedKeyArea {
  versionTime: number;
  batchId: number;
  publishedAt: number;
}

export type KeyAreasAt = (at: number) => readonly NamedKeyArea[];

export function loadKeyAreaVersions(db: Db, upToBatch: number = Number.MAX_SAFE_INTEGER): Version[] {
  const rows = db
    .prepare(
      `SELECT k.region_code, k.effective_from, k.effective_to, k.name, k.version_time, k.batch_id,
              min(k.version_time, coalesce(b.started_at, k.version_time)) AS published_at
       FROM (SELECT region_code, effective_from, effective_to, name, version_time, batch_id FROM key_areas
             UNION ALL
             SELECT region_code, effective_from, effective_to, name, version_time, batch_id FROM key_areas_history) k
       LEFT JOIN import_batches b ON b.id = k.batch_id
       WHERE k.batch_id <= ?`,
    )
    .raw()
    .all(upToBatch) as [string, number, number | null, string | null, number, number, number][];
  return rows.map(([regionCode, effectiveFrom, effectiveTo, name, versionTime, batchId, publishedAt]) => ({
    regionCode,
    effectiveFrom,
    effectiveTo,
    name,
    versionTime,
    batchId,
    publishedAt,
  }));
}

/** A lookup by instant; the list changes only at publish times, so each distinct list is built once. */
export function keyAreasAt(versions: readonly Version[]): KeyAreasAt {
  const times = [...new Set(versions.map((v) => v.publishedAt))].sort((a, b) => a - b);
  const lists = times.map((t) => knownAt(versions, t));
  return (at) => {
    // The last publish time <= at.
    let lo = 0;
    let hi = times.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? [] : lists[found]!;
  };
}

function knownAt(versions: readonly Version[], at: number): NamedKeyArea[] {
  const newest = new Map<string, Version>();
  for (const v of versions) {
    if (v.publishedAt > at) continue;
    const key = `${v.regionCode}|${v.effectiveFrom}`;
    const held = newest.get(key);
    if (!held || v.versionTime > held.versionTime || (v.versionTime === held.versionTime && v.batchId > held.batchId)) newest.set(key, v);
  }
  return [...newest.values()].map((v) => ({
    regionCode: v.regionCode,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    name: v.name,
  }));
}
