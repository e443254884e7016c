/**
 * How each feed's validated rows become database rows. A writer has two halves: `prepare` is pure
 * and runs in the parse worker (it turns rows into compact JSON payloads), `write` runs on the
 * database thread inside the chunk's transaction and reports accepted and duplicate rows.
 * Payloads go through SQLite's json_each so a chunk of thousands of rows is one statement call.
 */
import type { StoredValue } from '../../../../shared/domain/feeds/field-parsers.ts';
import type { Db } from '../../db/database.ts';

export type ValidRow = StoredValue[];

export interface PreparedChunk {
  /** Valid rows in the chunk. */
  count: number;
  /** Rows for the feed table, as a JSON array of arrays (append feeds). */
  rowsJson?: string;
  /** Rows kept as values (upsert feeds compare each row with what is stored). */
  rows?: ValidRow[];
  /** Column arrays (typed arrays travel between threads without element-by-element copies). */
  columns?: Record<string, ArrayBufferView | string>;
  /** Feed-specific extra payloads (abnormal check-ins, ...). */
  extra?: Record<string, string>;
}

export interface WriteContext {
  batchId: number;
  /** The version time of upsert rows (the file's own timestamp). */
  versionTime: number;
}

export interface WriteResult {
  accepted: number;
  duplicates: number;
}

export interface FeedWriter {
  prepare(rows: readonly ValidRow[]): PreparedChunk;
  write(db: Db, chunk: PreparedChunk, ctx: WriteContext): WriteResult;
}

/** Prepared statements are compiled once per connection. */
export function statementCache<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let s = cache.get(db);
    if (!s) {
      s = build(db);
      cache.set(db, s);
    }
    return s;
  };
}
