import { detectCases } from '../../pipelines/detect-cases.ts';
import { dayOption } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';

export const detectCommand: Command = {
  name: 'detect',
  usage: 'detect --db F [--as-of YYYY-MM-DD] [--full]',
  spec: { values: ['db', 'as-of'], flags: ['full'] },
  async run(args, out) {
    const db = openDbFromArgs(args);
    try {
      // --as-of D replays the end of day D: evidence dated later waits for a run that can see it.
      const asOf = dayOption(args, 'as-of');
      const r = await detectCases(db, {
        actor: { user: null, via: 'cli' },
        full: args.flags.has('full'),
        ...(asOf === undefined ? {} : { asOf }),
      });
      const cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
      out.result({ opened: r.opened, cases }, () => `${r.opened.length} case(s) opened; ${cases} case(s) in all`);
    } finally {
      db.close();
    }
  },
};
