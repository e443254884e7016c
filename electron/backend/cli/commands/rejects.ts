import { type FeedName, FEED_NAMES, isFeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { exportRejects } from '../../rejects/export-rejects.ts';
import { listRejects, rejectFeeds } from '../../rejects/rejects.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const rejectsCommand: Command = {
  name: 'rejects',
  usage: 'rejects --db F [--feed FEED] [--out FILE.csv|FILE.xlsx]',
  spec: { values: ['db', 'feed', 'out'], flags: [] },
  async run(args, out) {
    const feedArg = args.options.get('feed');
    if (feedArg !== undefined && !isFeedName(feedArg)) throw new UsageError(`unknown feed ${feedArg}; feeds: ${FEED_NAMES.join(', ')}`);
    const feed = feedArg as FeedName | undefined;
    const db = openDbFromArgs(args);
    try {
      const target = args.options.get('out');
      if (target) {
        const feeds = feed ? [feed] : rejectFeeds(db);
        if (feeds.length > 1) {
          throw new UsageError(`rejected rows of several feeds (${feeds.join(', ')}): export one feed at a time with --feed`);
        }
        const chosen = feeds[0];
        const n = chosen ? await exportRejects(db, chosen, target) : 0;
        out.result({ file: target, feed: chosen ?? null, rows: n }, () => `${n} rejected row(s) written to ${target}`);
        return;
      }
      const rows = listRejects(db, feed ? { feed } : {});
      out.result(
        rows.map((r) => ({ feed: r.feed, file: r.file, line: r.line, column: r.column, value: r.value, reason: r.reason })),
        () =>
          rows.length === 0
            ? 'no rejected rows'
            : table(['feed', 'file', 'line', 'column', 'value', 'reason'], rows.map((r) => [r.feed, r.file, r.line, r.column, r.value, r.reason])),
      );
    } finally {
      db.close();
    }
  },
};
