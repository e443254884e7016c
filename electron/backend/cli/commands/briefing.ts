import { databaseClock } from '../../clock/database-clock.ts';
import { COUNTIES, isCountyCode } from '../../../../shared/domain/counties.ts';
import { formatDay } from '../../../../shared/domain/local-date.ts';
import { audit } from '../../audit/audit-log.ts';
import { TREND_MAX_DAYS, defaultTrendFrom } from '../../briefing/briefing-period.ts';
import { writeBriefing } from '../../briefing/write-briefing.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { signoffStatus } from '../../signoff/county-signoff.ts';
import { signoffWarningLine } from '../../signoff/signoff-warning.ts';
import { UsageError, required } from '../args.ts';
import { dayOption } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';

export const briefingCommand: Command = {
  name: 'briefing',
  usage: 'briefing --db F --date YYYY-MM-DD --out FILE.xlsx [--trend-from YYYY-MM-DD] [--county CODE]',
  spec: { values: ['db', 'date', 'out', 'trend-from', 'county'], flags: [] },
  async run(args, out) {
    const day = dayOption(args, 'date');
    if (day === undefined) throw new UsageError('--date is required (the briefing date, YYYY-MM-DD)');
    const target = required(args, 'out');
    if (!/\.xlsx$/i.test(target)) throw new UsageError('--out must name an .xlsx file');
    const trendFrom = dayOption(args, 'trend-from') ?? defaultTrendFrom(day);
    if (trendFrom > day) throw new UsageError('--trend-from must not be after --date');
    if (day - trendFrom + 1 > TREND_MAX_DAYS) throw new UsageError(`the trend can cover at most ${TREND_MAX_DAYS} days`);
    // One county's briefing, as a county-scoped writer gets it in the console.
    const county = args.options.get('county') ?? null;
    if (county !== null && !isCountyCode(county))
      throw new UsageError(`--county must be one of Binzhou's county codes (${COUNTIES.map((c) => c.code).join(', ')})`);
    const db = openExistingDbFromArgs(args);
    try {
      await ensureColoursFresh(db);
      // Counties not signed off (or changed since): said on stderr, the briefing is written all the same.
      const signoff = signoffStatus(db, day, county);
      const unsigned = signoffWarningLine(signoff);
      if (unsigned !== null) process.stderr.write(`${unsigned}\n`);
      const written = await writeBriefing(db, target, {
        day,
        trendFrom,
        county,
        generatedAt: databaseClock(db)(),
        generatedBy: 'hcc',
        signoff,
      });
      audit(db, {
        user: null,
        action: 'export.briefing',
        details: {
          day: formatDay(day),
          trendFrom: formatDay(trendFrom),
          ...(county === null ? {} : { county }),
          file: target.split(/[\\/]/).pop(),
          rows: written.rows,
          via: 'cli',
        },
      });
      out.result(
        { file: written.file, sheets: written.sheets },
        () => `briefing for ${formatDay(day)} written to ${written.file} (${written.sheets.join(', ')})`,
      );
    } finally {
      db.close();
    }
  },
};
