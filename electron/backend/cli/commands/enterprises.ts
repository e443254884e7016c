/**
 * `hcc enterprises list|show|report` (ENTERPRISES.md "Command line"): the same service functions as
 * the console's Enterprises screen, so the numbers agree; people masked always.
 */
import { isCountyCode } from '../../../../shared/domain/counties.ts';
import { isValidCreditCode } from '../../../../shared/domain/credit-code.ts';
import { audit } from '../../audit/audit-log.ts';
import { countyTableOf } from '../../enterprises/county-table.ts';
import { enterpriseDetail } from '../../enterprises/enterprise-detail.ts';
import { enterpriseFiguresOn } from '../../enterprises/enterprise-figures.ts';
import { enterpriseRows } from '../../enterprises/enterprise-list.ts';
import { isoWeekDays } from '../../enterprises/iso-week.ts';
import { staffList } from '../../enterprises/staff-list.ts';
import { writeWeeklyReport } from '../../enterprises/weekly-report.ts';
import { ensureColoursFresh } from '../../rules/ensure-fresh.ts';
import { UsageError, required } from '../args.ts';
import { asOfDay, dayOption, dayText } from '../as-of.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

const pct = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);

export const enterprisesCommand: Command = {
  name: 'enterprises',
  usage:
    'enterprises list --db F [--county C] [--as-of YYYY-MM-DD] | enterprises show --db F --credit-code X [--as-of YYYY-MM-DD] | ' +
    'enterprises report --db F --week YYYY-Www --out FILE.xlsx',
  spec: { values: ['db', 'county', 'as-of', 'credit-code', 'week', 'out'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    if (sub !== 'list' && sub !== 'show' && sub !== 'report') throw new UsageError('use enterprises list, show or report');
    dayOption(args, 'as-of');
    const county = args.options.get('county') ?? null;
    if (county !== null && !isCountyCode(county)) throw new UsageError(`--county must be one of Binzhou's county codes, not ${county}`);
    const db = openExistingDbFromArgs(args);
    try {
      await ensureColoursFresh(db);
      if (sub === 'list') {
        const day = asOfDay(args, db);
        const figures = [...enterpriseFiguresOn(db, day, county).values()];
        const counties = countyTableOf(day, county, figures);
        const enterprises = enterpriseRows(figures, { county, sort: 'red_yellow' });
        out.result({ day: counties.day, counties: counties.rows, total: counties.total, enterprises }, () =>
          [
            `as of ${counties.day}: ${counties.total.approved} approved, ${counties.total.notApproved} not approved`,
            table(
              ['county', 'approved', 'not', 'staff', 'no code', 'green', 'yellow', 'red', 'check-ins', 'passes', 'denials', 'violations'],
              [...counties.rows, counties.total].map((r) => [
                r.countyName,
                r.approved,
                r.notApproved,
                r.staff,
                r.noCode,
                r.mayReturn,
                r.homeQuarantine,
                r.centralQuarantine,
                pct(r.complianceRate),
                r.passes,
                r.denials,
                r.violations,
              ]),
            ),
            '',
            table(
              ['credit code', 'name', 'county', 'approved', 'staff', 'red+yellow', 'violations'],
              enterprises.map((e) => [
                e.creditCode,
                e.name,
                e.countyName ?? '',
                e.approved ? 'yes' : 'no',
                e.staff,
                e.centralQuarantine + e.homeQuarantine,
                e.violations,
              ]),
            ),
          ].join('\n'),
        );
        return;
      }
      if (sub === 'show') {
        const code = required(args, 'credit-code').toUpperCase();
        if (!isValidCreditCode(code)) throw new UsageError('--credit-code must be an 18-character unified social credit code');
        const day = asOfDay(args, db);
        const detail = enterpriseDetail(db, code, day, county);
        if (!detail) throw new Error(`no enterprise ${code} on the register as of ${dayText(day)}`);
        const staff = staffList(db, day, { creditCode: code, county }, 0, 1_000_000).rows.map(({ personId: _, ...r }) => r);
        out.result({ ...detail, staff }, () =>
          [
            `${detail.enterprise.name} (${code}), ${detail.enterprise.countyName ?? ''}, ` +
              `${detail.enterprise.approved ? 'approved' : 'not approved'}, as of ${detail.day}`,
            table(
              ['day', 'staff', 'no code', 'green', 'yellow', 'red', 'check-ins', 'passes', 'denials', 'violations'],
              detail.days.map((d) => [
                d.day,
                d.staff,
                d.noCode,
                d.mayReturn,
                d.homeQuarantine,
                d.centralQuarantine,
                pct(d.complianceRate),
                d.passes,
                d.denials,
                d.violations,
              ]),
            ),
            '',
            table(
              ['ID', 'name', 'status', 'since', 'expected back', 'check-ins'],
              staff.map((s) => [s.idMasked, s.nameMasked ?? '', s.status, s.since ?? '', s.expectedBack ?? '', s.checkins]),
            ),
          ].join('\n'),
        );
        return;
      }
      const week = required(args, 'week');
      const days = isoWeekDays(week);
      if (!days) throw new UsageError(`--week must be a week like 2020-W08, not ${week}`);
      const target = required(args, 'out');
      if (!/\.xlsx$/i.test(target)) throw new UsageError('--out must name an .xlsx file');
      const written = await writeWeeklyReport(db, target, { week, ...days, county, generatedBy: 'hcc' });
      audit(db, {
        user: null,
        action: 'enterprises.weekly_report',
        details: { week, county, rows: written.rows, sheets: written.sheets, via: 'cli' },
      });
      out.result(
        { file: target, week, rows: written.rows, sheets: written.sheets },
        () => `weekly report ${week}: ${written.rows} approved enterprise(s) on ${written.sheets} sheet(s) written to ${target}`,
      );
    } finally {
      db.close();
    }
  },
};
