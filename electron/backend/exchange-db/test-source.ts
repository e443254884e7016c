/**
 * "Test connection" (Data and Settings screens, `sync.testSource`): reaches the sync source and
 * says, per feed, what a sync would find there, without reading any row into the database.
 */
import { FEED_NAMES, type FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { ExchangeTestResult } from '../../../shared/contract/data.ts';
import type { Db } from '../db/database.ts';
import { exchangeDirectoryProblem, listExchangeDirectory } from '../sync/exchange-directory.ts';
import { ExchangeConnection } from './exchange-connection.ts';
import { describeFeedTable } from './feed-table.ts';
import { type PostgresSource, sourceName } from './pg-source.ts';
import { pullState } from './pull-state.ts';

export async function testPostgresSource(db: Db, s: PostgresSource): Promise<ExchangeTestResult> {
  const conn = new ExchangeConnection(s);
  const name = sourceName(s);
  try {
    const feeds: ExchangeTestResult['feeds'] = [];
    const missing: FeedName[] = [];
    for (const feed of FEED_NAMES) {
      const t = await describeFeedTable(conn, s, feed);
      if (!t) {
        missing.push(feed);
        continue;
      }
      const max = Number((await conn.rows(t.maxSeq))[0]![0]);
      feeds.push({ feed, where: t.name, waiting: Math.max(0, max - pullState(db, name, t.name, feed).high_seq) });
    }
    return { kind: 'postgres', source: name, feeds, missing };
  } finally {
    await conn.close();
  }
}

export function testDirectorySource(dir: string): ExchangeTestResult {
  const problem = exchangeDirectoryProblem(dir, { absolute: true });
  if (problem) throw problem;
  const files = listExchangeDirectory(dir).files;
  const feeds = FEED_NAMES.filter((f) => files.some((x) => x.feed === f)).map((feed) => ({
    feed,
    where: `${feed}/`,
    waiting: files.filter((x) => x.feed === feed).length,
  }));
  return { kind: 'directory', source: dir, feeds, missing: FEED_NAMES.filter((f) => !feeds.some((x) => x.feed === f)) };
}
