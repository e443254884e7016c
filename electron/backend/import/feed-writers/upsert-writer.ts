/**
 * Upsert feeds (residents, roaming, enterprises, sites, key areas): a row with a stored key is a new
 * version. The newest version by the file's own timestamp is current; on a tie the later arrival
 * wins; every other version is kept in `<feed>_history`. A row identical to a stored version (current
 * or historical) is a duplicate, so re-reading a file changes nothing and import order does not
 * change which version ends up current.
 */
import { feedSchema, type FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { StoredValue } from '../../../../shared/domain/feeds/field-parsers.ts';
import type { Db } from '../../db/database.ts';
import { type FeedWriter, statementCache } from './feed-writer.ts';

export interface UpsertOptions {
  /** Called for every accepted row (to mark people whose colours may change). */
  onAccepted?: (db: Db, values: readonly StoredValue[]) => void;
}

export function upsertWriter(feed: FeedName, options: UpsertOptions = {}): FeedWriter {
  const schema = feedSchema(feed)!;
  const names = schema.columns.map((c) => c.name);
  const keyIdx = schema.key.map((k) => names.indexOf(k));
  const valueIdx = names.map((_, i) => i).filter((i) => !keyIdx.includes(i));
  const keyWhere = schema.key.map((k) => `${k} = ?`).join(' AND ');
  const sameValues = valueIdx.map((i) => `${names[i]} IS ?`).join(' AND ');
  const allCols = names.join(', ');
  const statements = statementCache((db: Db) => ({
    current: db.prepare(`SELECT ${valueIdx.map((i) => names[i]).join(', ')}, version_time FROM ${feed} WHERE ${keyWhere}`).raw(),
    inHistory: db.prepare(`SELECT 1 FROM ${feed}_history WHERE ${keyWhere}${sameValues ? ' AND ' + sameValues : ''} LIMIT 1`),
    insert: db.prepare(`INSERT INTO ${feed} (${allCols}, version_time, batch_id) VALUES (${names.map(() => '?').join(', ')}, ?, ?)`),
    toHistory: db.prepare(
      `INSERT INTO ${feed}_history (${allCols}, version_time, batch_id) SELECT ${allCols}, version_time, batch_id FROM ${feed} WHERE ${keyWhere}`,
    ),
    replace: db.prepare(
      `UPDATE ${feed} SET ${[...valueIdx.map((i) => `${names[i]} = ?`), 'version_time = ?', 'batch_id = ?'].join(', ')} WHERE ${keyWhere}`,
    ),
    historyInsert: db.prepare(
      `INSERT INTO ${feed}_history (${allCols}, version_time, batch_id) VALUES (${names.map(() => '?').join(', ')}, ?, ?)`,
    ),
  }));

  return {
    prepare(rows) {
      return { count: rows.length, rows: rows.map((r) => [...r]) };
    },
    write(db, chunk, ctx) {
      const s = statements(db);
      let accepted = 0;
      let duplicates = 0;
      for (const row of chunk.rows ?? []) {
        const key = keyIdx.map((i) => row[i]);
        const values = valueIdx.map((i) => row[i] ?? null);
        const current = s.current.get(...key) as StoredValue[] | undefined;
        if (!current) {
          s.insert.run(...row.map((v) => v ?? null), ctx.versionTime, ctx.batchId);
        } else if (values.every((v, i) => sameValue(v, current[i]))) {
          duplicates++;
          continue;
        } else if (s.inHistory.get(...key, ...values)) {
          duplicates++;
          continue;
        } else if (ctx.versionTime >= (current[values.length] as number)) {
          s.toHistory.run(...key);
          s.replace.run(...values, ctx.versionTime, ctx.batchId, ...key);
        } else {
          s.historyInsert.run(...row.map((v) => v ?? null), ctx.versionTime, ctx.batchId);
        }
        accepted++;
        options.onAccepted?.(db, row);
      }
      return { accepted, duplicates };
    },
  };
}

/** SQLite hands back REAL columns as numbers and TEXT as strings, the same types we store. */
function sameValue(a: StoredValue, b: StoredValue | undefined): boolean {
  return a === (b ?? null);
}
