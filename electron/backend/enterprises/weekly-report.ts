/**
 * 复工复产企业管理员周报 (the notice, 三): per county the approved enterprises with their DingTalk
 * administrator, those approved that week (approved_on Monday–Sunday) and those with none, from
 * the register as it stood at the end of the week's Sunday.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { emptyEntries, enterpriseSummary } from './enterprise-figures.ts';
import { registerAsOf } from './enterprise-register.ts';
import { emptyTally } from './staff-tally.ts';
import { type WeeklyCounty, weeklyReportBook, writeBook } from './enterprise-workbooks.ts';

export function weeklyCounties(db: Db, monday: Day, sunday: Day, county: string | null): WeeklyCounty[] {
  // The report lists the register only: no staff or scan figures are read for it.
  const approved = [...registerAsOf(db, sunday, county).values()].filter((v) => v.approved);
  const counties = county === null ? COUNTIES.map((c) => c.code) : [county];
  return counties.map((code) => {
    const own = approved.filter((v) => v.countyCode === code).sort((a, b) => a.creditCode.localeCompare(b.creditCode));
    const summary = own.map((version) => ({ version, e: enterpriseSummary({ version, staff: emptyTally(), entries: emptyEntries() }) }));
    return {
      countyCode: code,
      approved: summary.map((s) => s.e),
      approvedThisWeek: summary
        .filter((s) => s.version.approvedOn !== null && s.version.approvedOn >= monday && s.version.approvedOn <= sunday)
        .map((s) => s.e),
      withoutAdmin: summary.filter((s) => !s.version.adminName || !s.version.adminPhone).map((s) => s.e),
    };
  });
}

export async function writeWeeklyReport(
  db: Db,
  target: string,
  r: { week: string; monday: Day; sunday: Day; county: string | null; generatedBy: string },
): Promise<{ rows: number; sheets: number }> {
  const counties = weeklyCounties(db, r.monday, r.sunday, r.county);
  await writeBook(weeklyReportBook(r.week, r.monday, r.sunday, counties, r.generatedBy), target);
  return { rows: counties.reduce((n, c) => n + c.approved.length, 0), sheets: counties.length + 1 };
}
