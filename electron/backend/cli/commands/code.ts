import { isValidPersonId, normalizePersonId } from '../../../../shared/domain/person-id.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { personCode } from '../../rules/person-code.ts';
import { required } from '../args.ts';
import { asOfDay, dayOption, dayText } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';

export const codeCommand: Command = {
  name: 'code',
  usage: 'code --db F --person ID [--as-of YYYY-MM-DD]',
  spec: { values: ['db', 'person', 'as-of'], flags: [] },
  async run(args, out) {
    const raw = required(args, 'person');
    // A mistyped date is a usage error before the database is touched.
    dayOption(args, 'as-of');
    const db = openExistingDbFromArgs(args);
    try {
      const asOf = asOfDay(args, db);
      await ensureColoursFresh(db);
      const id = isValidPersonId(raw) ? normalizePersonId(raw) : raw;
      const code = personCode(db, id, asOf);
      if (!code) throw new Error(`${raw} appears in no feed of this database`);
      const reasons = code.reasons.map((r) => ({
        color: r.color,
        condition: r.condition,
        source: r.source,
        date: dayText(r.date),
        record: r.recordKey,
        ongoing: r.ongoing,
      }));
      out.result(
        {
          person_id: code.personId,
          as_of: dayText(asOf),
          color: code.color,
          since: dayText(code.since),
          green_eligible_on: dayText(code.greenEligibleOn),
          county_code: code.county || null,
          reasons,
        },
        () =>
          [
            `${code.personId} as of ${dayText(asOf)}: ` +
              `${code.color}${code.since !== null ? ` since ${dayText(code.since)}` : ''}${code.county ? ` (${countyName(code.county)})` : ''}`,
            ...(code.greenEligibleOn !== null
              ? [`earliest green: ${dayText(code.greenEligibleOn)} if every day from now on is normal`]
              : []),
            ...reasons.map((r) => `  ${r.color}: ${r.source} ${r.condition} on ${r.date}${r.ongoing ? ' (ongoing)' : ''}`),
          ].join('\n'),
      );
    } finally {
      db.close();
    }
  },
};
