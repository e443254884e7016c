import { basename } from 'node:path';
import { type FeedName, FEED_NAMES, isFeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { exportRejects } from '../../rejects/export-rejects.ts';
import { listRejects, rejectFeeds } from '../../rejects/rejects.ts';
import { UsageError } from '../args.ts';
import { auditCli, cliActor } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const rejectsCommand: Command = {
  name: 'rejects',
  usage: 'rejects --db F [--feed FEED] [--out FILE.csv|FILE.xlsx] [--user U]',
  spec: { values: ['db', 'feed', 'out', 'user'], flags: [] },
  async run(args, out) {
    const feedArg = args.options.get('feed');
    if (feedArg !== undefined && !isFeedName(feedArg)) throw new UsageError(`unknown feed ${feedArg}; feeds: ${FEED_NAMES.join(', ')}`);
    const feed = feedArg as FeedName | undefined;
    const db = openExistingDbFromArgs(args);
    try {
      const actor = cliActor(db, args);
      const target = args.options.get('out');
      if (target) {
        const feeds = feed ? [feed] : rejectFeeds(db);
        if (feeds.length === 0) {
          out.result([], () => `no rejected rows: no file written`);
          return;
        }
        // One file per feed (each goes back to its own department): FILE for one feed, FILE's
        // name with -<feed> added for several.
        const written: { file: string; feed: FeedName; rows: number }[] = [];
        for (const f of feeds) {
          const file = feeds.length === 1 ? target : target.replace(/(\.[^./\\]*)?$/, (ext) => `-${f}${ext}`);
          const rows = await exportRejects(db, f, file);
          auditCli(db, actor, 'export.rejects', { feed: f, rows, file: basename(file) });
          written.push({ file, feed: f, rows });
        }
        out.result(written, () => written.map((w) => `${w.rows} rejected ${w.feed} row(s) written to ${w.file}`).join('\n'));
        return;
      }
      const rows = listRejects(db, feed ? { feed } : {});
      out.result(
        rows.map((r) => ({ feed: r.feed, file: r.file, line: r.line, column: r.column, value: r.value, reason: r.reason })),
        () =>
          rows.length === 0
            ? 'no rejected rows'
            : table(
                ['feed', 'file', 'line', 'column', 'value', 'reason'],
                rows.map((r) => [r.feed, r.file, r.line, r.column, r.value, r.reason]),
              ),
      );
    } finally {
      db.close();
    }
  },
};
