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
  /** Which of the feed's columns the file has (default: all); a column it lacks keeps its stored value. */
  present?: readonly boolean[];
}

export interface WriteResult {
  accepted: number;
  duplicates: number;
}

export interface FeedWriter {
  prepare(rows: readonly ValidRow[]): PreparedChunk;
  write(db: Db, chunk: PreparedChunk, ctx: WriteContext): WriteResult;
  /** Upsert feeds: how many stored records this chunk would give other values (nothing written). */
  countReplacing?(db: Db, chunk: PreparedChunk, present: readonly boolean[]): number;
}
