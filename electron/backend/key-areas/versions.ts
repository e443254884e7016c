/**
 * The published versions of the key areas, newest first: every save in the console (who, when,
 * why: key_area_versions) and every key-area row received in the key_areas feed, read from its
 * batch (by 'feed:<file>', published at the earlier of the file's own time and its arrival, as the
 * detector reads it). A feed row's kind is worked out against the version of the same area before it.
 */
import { formatDay } from '../../../shared/domain/local-date.ts';
import type { KeyAreaChangeKind, KeyAreaVersionRow } from '../../../shared/contract/key-area-whatif.ts';
import type { Db } from '../db/database.ts';

type Raw = [string, string | null, number, number | null, string, number | null, number, string, string | null];

export function keyAreaVersions(db: Db, limit = 500): KeyAreaVersionRow[] {
  const consoleRows = db
    .prepare(
      `SELECT region_code, name, effective_from, effective_to, kind, previous_from, published_at, published_by, reason
       FROM key_area_versions`,
    )
    .raw()
    .all() as Raw[];
  const feedRows = db
    .prepare(
      `SELECT k.region_code, k.name, k.effective_from, k.effective_to, b.file_name,
              min(k.version_time, b.started_at) AS published_at, k.version_time, k.batch_id
       FROM (SELECT region_code, name, effective_from, effective_to, version_time, batch_id FROM key_areas
             UNION ALL SELECT region_code, name, effective_from, effective_to, version_time, batch_id FROM key_areas_history) k
       JOIN import_batches b ON b.id = k.batch_id
       WHERE b.file_name NOT LIKE 'console:%'
       ORDER BY k.region_code, k.effective_from, k.version_time, k.batch_id`,
    )
    .raw()
    .all() as [string, string | null, number, number | null, string, number, number, number][];
  const fromFeed: Raw[] = [];
  let prev: (typeof feedRows)[number] | null = null;
  for (const r of feedRows) {
    const same = prev !== null && prev[0] === r[0] && prev[2] === r[2];
    const kind: KeyAreaChangeKind = !same ? 'add' : (r[3] ?? Infinity) < (prev![3] ?? Infinity) ? 'end' : 'change';
    fromFeed.push([r[0], r[1], r[2], r[3], kind, same ? r[2] : null, r[5], `feed:${r[4]}`, null]);
    prev = r;
  }
  return [...consoleRows, ...fromFeed]
    .sort((a, b) => b[6] - a[6])
    .slice(0, limit)
    .map(([regionCode, name, from, to, kind, previousFrom, publishedAt, publishedBy, reason]) => ({
      regionCode,
      name,
      effectiveFrom: formatDay(from),
      effectiveTo: to === null ? null : formatDay(to),
      kind: kind as KeyAreaChangeKind,
      previousFrom: previousFrom === null ? null : formatDay(previousFrom),
      publishedAt,
      publishedBy,
      reason: reason === '' ? null : reason,
    }));
}
