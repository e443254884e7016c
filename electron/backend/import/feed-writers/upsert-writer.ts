/**
 * Upsert feeds (residents, roaming, enterprises, sites, key areas): a row with a stored key is a new
 * version. The newest version by the file's own timestamp is current; on a tie the later arrival
 * wins; every other version is kept in `<feed>_history`. A row identical to a stored version (current
 * or historical) is a duplicate, so re-reading a file changes nothing and import order does not
 * change which version ends up current.
 *
 * A chunk is handled in bulk: rows in key order, one query for the keys already stored, new keys
 * inserted with multi-row statements (a city's first residents file is four million new keys);
 * only rows whose key exists go through the version comparison one by one.
 *
 * A column the file does not have (an optional column, EXCHANGE.md) is not an empty value: the new
 * version takes it from the stored one, so a file without it changes nothing stored in it.
 */
import { feedSchema, type FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { StoredValue } from '../../../../shared/domain/feeds/field-parsers.ts';
import type { Db } from '../../db/database.ts';
import { type FeedWriter } from './feed-writer.ts';
import { statementCache } from '../../db/statement-cache.ts';
import { multiRowInsert } from '../../db/multi-row-insert.ts';

export interface UpsertOptions {
  /** Called with the accepted rows of a chunk (to mark people whose colours may change). */
  onAccepted?: (db: Db, rows: readonly (readonly StoredValue[])[]) => void;
}

export function upsertWriter(feed: FeedName, options: UpsertOptions = {}): FeedWriter {
  const schema = feedSchema(feed)!;
  const names = schema.columns.map((c) => c.name);
  const keyIdx = schema.key.map((k) => names.indexOf(k));
  const valueIdx = names.map((_, i) => i).filter((i) => !keyIdx.includes(i));
  const keyWhere = schema.key.map((k) => `${k} = ?`).join(' AND ');
  const sameValues = valueIdx.map((i) => `${names[i]} IS ?`).join(' AND ');
  const allCols = names.join(', ');
  const keyOf = (row: readonly StoredValue[]) => JSON.stringify(keyIdx.map((i) => row[i]));
  const statements = statementCache((db: Db) => ({
    existing: db
      .prepare(
        `SELECT ${[...schema.key.map((k) => `t.${k}`), ...valueIdx.map((i) => `t.${names[i]}`), 't.version_time'].join(', ')}
         FROM json_each(?) j JOIN ${feed} t ON ${schema.key.map((k, i) => `t.${k} = j.value->>${i}`).join(' AND ')}`,
      )
      .raw(),
    inHistory: db.prepare(`SELECT 1 FROM ${feed}_history WHERE ${keyWhere}${sameValues ? ' AND ' + sameValues : ''} LIMIT 1`),
    insertMany: multiRowInsert(
      db,
      `INSERT INTO ${feed} (${allCols}, version_time, batch_id)`,
      `(${names.map(() => '?').join(', ')}, ?, ?)`,
      names.length + 2,
    ),
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
      // Key order: inserts land on neighbouring pages. Stable, so repeats of a key keep file order.
      const sorted = rows.map((r, i) => ({ r, k: keyOf(r), i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
      return { count: rows.length, rows: sorted.map((x) => [...x.r]) };
    },
    write(db, chunk, ctx) {
      const s = statements(db);
      const rows = chunk.rows ?? [];
      const stored = storedVersions(db, rows);
      const absent = absentValues(ctx.present);
      const fresh: unknown[] = [];
      const accepted: StoredValue[][] = [];
      let duplicates = 0;
      for (const row of rows) {
        const k = keyOf(row);
        const current = stored.get(k);
        const values = valueIdx.map((i, v) => (current && absent.has(v) ? (current[v] ?? null) : (row[i] ?? null)));
        if (!current) {
          fresh.push(...row.map((v) => v ?? null), ctx.versionTime, ctx.batchId);
          // A repeat of this key later in the chunk compares with this version.
          stored.set(k, [...values, ctx.versionTime]);
          accepted.push(row);
          continue;
        }
        // Rows that must see what earlier rows of the chunk wrote go one by one.
        if (fresh.length) {
          s.insertMany.run(fresh);
          fresh.length = 0;
        }
        const key = keyIdx.map((i) => row[i]);
        if (equalValues(values, current) || s.inHistory.get(...key, ...values)) {
          duplicates++;
          continue;
        }
        if (ctx.versionTime >= (current[values.length] as number)) {
          s.toHistory.run(...key);
          s.replace.run(...values, ctx.versionTime, ctx.batchId, ...key);
          stored.set(k, [...values, ctx.versionTime]);
        } else {
          s.historyInsert.run(...withValues(row, values), ctx.versionTime, ctx.batchId);
        }
        accepted.push(row);
      }
      if (fresh.length) s.insertMany.run(fresh);
      if (accepted.length) options.onAccepted?.(db, accepted);
      return { accepted: accepted.length, duplicates };
    },
    countReplacing(db, chunk, present) {
      const rows = chunk.rows ?? [];
      const stored = storedVersions(db, rows);
      const absent = absentValues(present);
      const replaced = new Set<string>();
      for (const row of rows) {
        const k = keyOf(row);
        const current = stored.get(k);
        if (!current) continue;
        const values = valueIdx.map((i, v) => (absent.has(v) ? (current[v] ?? null) : (row[i] ?? null)));
        if (!equalValues(values, current)) replaced.add(k);
      }
      return replaced.size;
    },
  };

  /** The current version of each key of the chunk that is stored: its values, then its version time. */
  function storedVersions(db: Db, rows: readonly (readonly StoredValue[])[]): Map<string, StoredValue[]> {
    const stored = new Map<string, StoredValue[]>();
    const keys = rows.map((r) => keyIdx.map((i) => r[i]));
    for (const found of statements(db).existing.all(JSON.stringify(keys)) as StoredValue[][]) {
      stored.set(JSON.stringify(found.slice(0, keyIdx.length)), found.slice(keyIdx.length));
    }
    return stored;
  }

  /** Positions (among the value columns) of the columns the file lacks. */
  function absentValues(present: readonly boolean[] | undefined): Set<number> {
    const absent = new Set<number>();
    if (present) valueIdx.forEach((i, v) => present[i] === false && absent.add(v));
    return absent;
  }

  /** The row with its value columns replaced by `values` (key columns as read). */
  function withValues(row: readonly StoredValue[], values: readonly StoredValue[]): StoredValue[] {
    const out = row.map((v) => v ?? null);
    valueIdx.forEach((i, v) => (out[i] = values[v]!));
    return out;
  }
}

function equalValues(values: readonly StoredValue[], current: readonly StoredValue[]): boolean {
  return values.every((v, i) => v === (current[i] ?? null));
}
