import { audit } from '../../audit/audit-log.ts';
import { runDetectors } from '../../enforcement/detectors/run-detectors.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { addDays, dayStartInstant } from '../../../../shared/domain/local-date.ts';
import { dayOption } from '../as-of.ts';
import { databaseClock } from '../../app/database-clock.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';

export const detectCommand: Command = {
  name: 'detect',
  usage: 'detect --db F [--as-of YYYY-MM-DD] [--full]',
  spec: { values: ['db', 'as-of'], flags: ['full'] },
  async run(args, out) {
    const db = openDbFromArgs(args);
    try {
      // The screenshot rule compares shown colours with the stored ones: bring them up to date first.
      await ensureColoursFresh(db);
      // --as-of D replays the end of day D: evidence dated later waits for a run that can see it.
      const asked = dayOption(args, 'as-of');
      const asOf = asked === undefined ? undefined : dayStartInstant(addDays(asked, 1));
      const clock = databaseClock(db)();
      const now = asOf === undefined ? clock : Math.min(clock, asOf - 1);
      const r = runDetectors(db, { now, full: args.flags.has('full'), ...(asOf === undefined ? {} : { asOf }) });
      audit(db, { user: null, action: 'detect.run', details: { opened: r.opened.length, via: 'cli' } });
      const cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
      out.result({ opened: r.opened, cases }, () => `${r.opened.length} case(s) opened; ${cases} case(s) in all`);
    } finally {
      db.close();
    }
  },
};
