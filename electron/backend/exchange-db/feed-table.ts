/**
 * An exchange table as the pull reads it: its columns (text or natural types, in the table's
 * order), which the feed's header mapping checks as it checks a file's header, and the statements
 * that read its rows as text in `seq` order.
 */
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { ExchangeConnection } from './exchange-connection.ts';
import { type PostgresSource, qualified } from './pg-source.ts';

export interface FeedTable {
  feed: FeedName;
  /** `exchange.checkins`: what rejects and the sync log name instead of a file. */
  name: string;
  /** The feed's columns as the table has them (the "header"), without seq and loaded_at. */
  header: string[];
  /** `SELECT [seq, loaded_at in ms, ...header] as text FROM the table t`: see rowsAfter. */
  selectFrom: string;
  /** Reads the rows inside the given gaps (lo < seq < hi). */
  inGaps: string;
  /** The highest seq now (for progress). */
  maxSeq: string;
}

/** The table, or null if the exchange database has no table for this feed. */
export async function describeFeedTable(conn: ExchangeConnection, s: PostgresSource, feed: FeedName): Promise<FeedTable | null> {
  const cols = (
    await conn.rows(
      'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
      [s.schema, feed],
    )
  ).map((r) => r[0]!);
  if (cols.length === 0) return null;
  const name = `${s.schema}.${feed}`;
  for (const needed of ['seq', 'loaded_at']) {
    if (!cols.includes(needed))
      throw new Error(`the exchange table ${name} has no ${needed} column (EXCHANGE.md: every feed table has seq and loaded_at)`);
  }
  const header = cols.filter((c) => c !== 'seq' && c !== 'loaded_at');
  const t = qualified(s, feed);
  // Every value as PostgreSQL prints it (a boolean as true/false, a timestamptz in the session's +08 zone).
  // Output names differ from the columns: ORDER BY seq must sort the bigint, not its text.
  const select = `SELECT t.seq::text AS seq_text, (extract(epoch FROM t.loaded_at) * 1000)::bigint::text AS loaded_ms${header
    .map((c, i) => `, t."${c.replace(/"/g, '""')}"::text AS c${i}`)
    .join('')}`;
  return {
    feed,
    name,
    header,
    selectFrom: `${select} FROM ${t} t`,
    inGaps: `${select} FROM ${t} t JOIN unnest($1::bigint[], $2::bigint[]) AS g(lo, hi) ON t.seq > g.lo AND t.seq < g.hi ORDER BY t.seq`,
    maxSeq: `SELECT coalesce(max(seq), 0)::text FROM ${t}`,
  };
}

/**
 * The next batch: the rows after a seq ($1), at most $2, in seq order: a keyset read on the seq
 * index, as fast for the last batch of a big table as for the first (OFFSET would not be).
 */
export function rowsAfter(selectFrom: string): string {
  return `${selectFrom} WHERE t.seq > $1 ORDER BY t.seq LIMIT $2`;
}
