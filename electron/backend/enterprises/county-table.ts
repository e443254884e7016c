/**
 * 企业复工's county table of a day: per county the enterprises approved to resume and not (as the
 * register stood at the end of D), the staff figures of the approved ones (who may come back, who
 * goes to quarantine: the briefing's sheet), and the entry scans at the sites of all of them, since
 * a pass at an enterprise not approved is itself a violation the office must see.
 */
import type { EnterpriseCountyRow, EnterpriseCountyTable } from '../../../shared/contract/enterprises.ts';
import { COUNTIES, countyName } from '../../../shared/domain/counties.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { type EnterpriseFigures, type EntryTally, emptyEntries, enterpriseFiguresOn, staffFigures } from './enterprise-figures.ts';
import { type StaffTally, addTally, emptyTally } from './staff-tally.ts';

/** The city's code (滨州市), the total row's. */
export const CITY_CODE = '371600';

interface CountySum {
  approved: number;
  notApproved: number;
  staff: StaffTally;
  entries: EntryTally;
}

const emptySum = (): CountySum => ({ approved: 0, notApproved: 0, staff: emptyTally(), entries: emptyEntries() });

function add(into: CountySum, f: EnterpriseFigures): void {
  if (f.version.approved) {
    into.approved++;
    addTally(into.staff, f.staff);
  } else into.notApproved++;
  into.entries.passes += f.entries.passes;
  into.entries.denials += f.entries.denials;
  into.entries.violations += f.entries.violations;
}

const row = (code: string, name: string, s: CountySum): EnterpriseCountyRow => ({
  countyCode: code,
  countyName: name,
  approved: s.approved,
  notApproved: s.notApproved,
  ...staffFigures(s.staff, s.entries),
});

/** From figures already read (the list's export reads them once for both). */
export function countyTableOf(day: Day, county: string | null, figures: Iterable<EnterpriseFigures>): EnterpriseCountyTable {
  const counties = county === null ? COUNTIES.map((c) => c.code) : [county];
  const sums = new Map(counties.map((c) => [c, emptySum()]));
  const total = emptySum();
  for (const f of figures) {
    const sum = sums.get(f.version.countyCode ?? '');
    if (sum) add(sum, f);
    // An enterprise without a county of Binzhou still counts for the city.
    if (sum || county === null) add(total, f);
  }
  return {
    day: formatDay(day),
    rows: counties.map((c) => row(c, countyName(c), sums.get(c)!)),
    total: county === null ? row(CITY_CODE, '全市', total) : row(county, countyName(county), total),
  };
}

/** `county`: the caller's scope (a county account's own county, whatever it asked). */
export function enterpriseCountyTable(db: Db, day: Day, county: string | null): EnterpriseCountyTable {
  return countyTableOf(day, county, enterpriseFiguresOn(db, day, county).values());
}
