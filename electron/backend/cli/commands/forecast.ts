/**
 * `hcc forecast`: the green forecast as of a day (issue 17): per county, how many red and yellow
 * people can turn green on each of the next 14 days if their days stay normal, and how many an
 * ongoing condition holds. The same numbers as the dashboard's forecast band (green-forecast.ts).
 */
import { COUNTIES, isCountyCode } from '../../../../shared/domain/counties.ts';
import { greenForecast } from '../../forecast/green-forecast.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { UsageError } from '../args.ts';
import { asOfDay, dayOption, dayText } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const forecastCommand: Command = {
  name: 'forecast',
  usage: 'forecast --db F [--as-of YYYY-MM-DD] [--county CODE]',
  spec: { values: ['db', 'as-of', 'county'], flags: [] },
  async run(args, out) {
    // Usage errors before the database is touched.
    dayOption(args, 'as-of');
    const county = args.options.get('county') ?? null;
    if (county !== null && !isCountyCode(county))
      throw new UsageError(`--county must be one of Binzhou's county codes (${COUNTIES.map((c) => c.code).join(', ')})`);
    const db = openExistingDbFromArgs(args);
    try {
      const asOf = asOfDay(args, db);
      await ensureColoursFresh(db);
      const f = greenForecast(db, asOf, county);
      const rows = [...f.counties, ...(county === null ? [{ ...f, countyCode: 'total', countyName: '全市' }] : [])];
      out.result(f, () =>
        [
          `as of ${dayText(asOf)}: ${f.redYellow} red or yellow; expected green tomorrow ${f.days[0]?.n ?? 0}, ` +
            `within 7 days ${f.days.slice(0, 7).reduce((a, d) => a + d.n, 0)}; held by an ongoing condition ${f.held}`,
          table(
            ['county', 'name', ...f.days.map((d) => d.day.slice(5)), 'held'],
            rows.map((r) => [r.countyCode, r.countyName, ...r.days.map((d) => d.n), r.held]),
          ),
        ].join('\n'),
      );
    } finally {
      db.close();
    }
  },
};
