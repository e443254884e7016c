import { databaseClock } from '../../clock/database-clock.ts';
import { isValidPersonId, normalizePersonId } from '../../../../shared/domain/person-id.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { audit } from '../../audit/audit-log.ts';
import { auditTargetOf } from '../../people/people-service.ts';
import { creditReportHtml } from '../../enforcement/credit-report.ts';
import { exportCreditRecords } from '../../enforcement/credit-export.ts';
import { listCreditRecords } from '../../enforcement/credit-records.ts';
import { writeTextAtomically } from '../../files/write-atomically.ts';
import { UsageError, required } from '../args.ts';
import { dayOption } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const creditCommand: Command = {
  name: 'credit',
  usage:
    'credit list --db F [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE.xlsx] | credit report --db F --person ID --out FILE.html [--unmasked]',
  spec: { values: ['db', 'person', 'out', 'from', 'to'], flags: ['unmasked'], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    const db = openExistingDbFromArgs(args);
    try {
      if (sub === 'list') {
        const period = { from: dayOption(args, 'from'), to: dayOption(args, 'to') };
        if (period.from !== undefined && period.to !== undefined && period.to < period.from)
          throw new UsageError('--to must not be before --from');
        const target = args.options.get('out');
        if (target && !/\.xlsx$/i.test(target)) throw new UsageError('--out must name an .xlsx file (the credit system reads Excel)');
        if (target) {
          // A file for the credit system: full identities (whoever runs hcc holds the database).
          const rows = await exportCreditRecords(db, target, { unmasked: true, county: null, ...period });
          audit(db, { user: null, action: 'export.credit_records', details: { rows, via: 'cli' } });
          out.result({ file: target, rows }, () => `${rows} credit record(s) written to ${target}`);
          return;
        }
        const rows = listCreditRecords(db, period).rows.map((r) => ({
          number: r.number,
          person_id: r.person_id,
          behavior: r.behavior,
          status: r.status,
          decided_at: new Date(r.decided_at).toISOString(),
        }));
        out.result(rows, () =>
          rows.length
            ? table(
                ['number', 'person', 'behavior', 'status', 'decided at'],
                rows.map((r) => [r.number, r.person_id, r.behavior, r.status, r.decided_at]),
              )
            : 'no credit records',
        );
        return;
      }
      if (sub === 'report') {
        const raw = required(args, 'person');
        if (!isValidPersonId(raw)) throw new UsageError('--person must be an 18-character ID number');
        const target = required(args, 'out');
        const unmasked = args.flags.has('unmasked');
        const personId = normalizePersonId(raw);
        const r = creditReportHtml(db, { personId, unmasked, generatedBy: 'hcc', generatedAt: databaseClock(db)() });
        writeTextAtomically(target, r.html);
        audit(db, {
          user: null,
          action: 'export.credit_report',
          target: auditTargetOf(db, personId),
          details: { records: r.records, unmasked, masked: maskPersonId(personId), via: 'cli' },
        });
        out.result({ file: target, records: r.records }, () => `credit report with ${r.records} record(s) written to ${target}`);
        return;
      }
      throw new UsageError('use credit list or credit report');
    } finally {
      db.close();
    }
  },
};
