/**
 * Inserting many rows from a flat array of values with multi-row VALUES statements (100 rows a
 * statement): measured 0.69 s per 828k check-ins against 1.14 s through json_each, because SQLite
 * no longer parses JSON text for every value.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';

const ROWS_PER_STATEMENT = 100;

export interface MultiRowInsert {
  /** Inserts `values` (width values per row); returns the number of rows changed. */
  run(values: readonly unknown[]): number;
}

/** `head` is the statement up to VALUES, `row` one row's placeholder tuple, `tail` what follows (ON CONFLICT ...). */
export function multiRowInsert(db: Db, head: string, row: string, width: number, tail = ''): MultiRowInsert {
  const many = db.prepare(`${head} VALUES ${Array(ROWS_PER_STATEMENT).fill(row).join(', ')} ${tail}`);
  const one = db.prepare(`${head} VALUES ${row} ${tail}`);
  const block = ROWS_PER_STATEMENT * width;
  return {
    run(values) {
      let changes = 0;
      let i = 0;
      for (; i + block <= values.length; i += block) changes += runWith(many, values.slice(i, i + block));
      for (; i < values.length; i += width) changes += runWith(one, values.slice(i, i + width));
      return changes;
    },
  };
}

function runWith(statement: Statement, params: unknown[]): number {
  return statement.run(params).changes;
}
