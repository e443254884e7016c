import { countyStats } from '../../rules/county-stats.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { asOfDay, dayOption, dayText } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats --db F [--as-of YYYY-MM-DD]',
  spec: { values: ['db', 'as-of'], flags: [] },
  async run(args, out) {
    // A mistyped date is a usage error before the database is touched.
    dayOption(args, 'as-of');
    const db = openExistingDbFromArgs(args);
    try {
      const asOf = asOfDay(args, db);
      await ensureColoursFresh(db);
      const rows = countyStats(db, asOf);
      out.result(rows, () =>
        [
          `as of ${dayText(asOf)}`,
          table(
            ['county', 'name', 'red', 'yellow', 'green', 'total', 'no code'],
            rows.map((r) => [r.county_code, r.county_name, r.red, r.yellow, r.green, r.total, r.no_code]),
          ),
        ].join('\n'),
      );
    } finally {
      db.close();
    }
  },
};
