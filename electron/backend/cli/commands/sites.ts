/** `hcc sites stats` (ENTERPRISES.md "Checkpoints and sites"): the figures per county and kind, and the busiest sites. */
import { SITE_KINDS, type SiteKind } from '../../../../shared/contract/enterprises.ts';
import { isCountyCode } from '../../../../shared/domain/counties.ts';
import { siteStats } from '../../enterprises/site-figures.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { UsageError } from '../args.ts';
import { asOfDay, dayOption } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

const isKind = (k: string): k is SiteKind => (SITE_KINDS as readonly string[]).includes(k);

export const sitesCommand: Command = {
  name: 'sites',
  usage: 'sites stats --db F [--as-of YYYY-MM-DD] [--kind K] [--county C]',
  spec: { values: ['db', 'as-of', 'kind', 'county'], flags: [], positionals: 1 },
  async run(args, out) {
    if (args.positionals[0] !== 'stats') throw new UsageError('use sites stats');
    dayOption(args, 'as-of');
    const kind = args.options.get('kind');
    if (kind !== undefined && !isKind(kind)) throw new UsageError(`--kind must be one of ${SITE_KINDS.join(', ')}`);
    const county = args.options.get('county') ?? null;
    if (county !== null && !isCountyCode(county)) throw new UsageError(`--county must be one of Binzhou's county codes, not ${county}`);
    const db = openExistingDbFromArgs(args);
    try {
      await ensureColoursFresh(db);
      const s = siteStats(db, asOfDay(args, db), { county, kind });
      const cells = (f: typeof s.total) => [f.scans, f.passes, f.denials, f.shownRed, f.shownYellow, f.stale, f.violations];
      out.result(s, () =>
        [
          `as of ${s.day}`,
          table(
            ['county', 'kind', 'scans', 'passes', 'denials', 'shown red', 'shown yellow', 'stale', 'violations'],
            [...s.rows.map((r) => [r.countyName, r.kind, ...cells(r)]), ['total', '', ...cells(s.total)]],
          ),
          '',
          'busiest sites:',
          table(
            ['site', 'name', 'kind', 'scans', 'violations'],
            s.busiest.map((b) => [b.siteId, b.name ?? '', b.kind ?? '', b.scans, b.violations]),
          ),
        ].join('\n'),
      );
    } finally {
      db.close();
    }
  },
};
