/**
 * Append feeds: a row whose key is already stored is a duplicate (INSERT OR IGNORE on the key).
 * Each row keeps its batch_id; the colours find the people with new records through it.
 */
import { dayOfInstant } from '../../../../shared/domain/local-date.ts';
import { feedSchema, type FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { StoredValue } from '../../../../shared/domain/feeds/field-parsers.ts';
import type { Db } from '../../db/database.ts';
import { type FeedWriter, type ValidRow } from './feed-writer.ts';
import { statementCache } from '../../db/statement-cache.ts';

export interface AppendTable {
  feed: FeedName;
  /** Table columns in payload order (batch_id is added). */
  columns: readonly string[];
}

/** Builds the table row from the schema-ordered values: feed columns, then derived `day`. */
function rowBuilder(table: AppendTable): (values: ValidRow) => StoredValue[] {
  const schema = feedSchema(table.feed)!;
  const names = schema.columns.map((c) => c.name);
  const firstTimestamp = schema.columns.find((c) => c.type === 'timestamp');
  const sources = table.columns.map((name) => {
    if (name === 'day') {
      const at = names.indexOf(firstTimestamp!.name);
      return (v: ValidRow) => dayOfInstant(v[at] as number);
    }
    const at = names.indexOf(name);
    if (at < 0) throw new Error(`${table.feed}: no column ${name}`);
    const isBoolean = schema.columns[at]!.type === 'boolean';
    // Optional booleans left empty mean "no".
    return isBoolean ? (v: ValidRow) => v[at] ?? 0 : (v: ValidRow) => v[at] ?? null;
  });
  return (values) => sources.map((f) => f(values));
}

export function appendWriter(table: AppendTable): FeedWriter {
  const build = rowBuilder(table);
  const insert = statementCache((db: Db) => {
    const cols = table.columns.join(', ');
    const picks = table.columns.map((_, i) => `value->>${i}`).join(', ');
    return db.prepare(`INSERT OR IGNORE INTO ${table.feed} (${cols}, batch_id) SELECT ${picks}, ? FROM json_each(?)`);
  });
  return {
    prepare(rows) {
      return { count: rows.length, rowsJson: JSON.stringify(rows.map(build)) };
    },
    write(db, chunk, ctx) {
      const total = chunk.count;
      const accepted = total ? insert(db).run(ctx.batchId, chunk.rowsJson).changes : 0;
      return { accepted, duplicates: total - accepted };
    },
  };
}
