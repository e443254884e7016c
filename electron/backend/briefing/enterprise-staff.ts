/**
 * 企业复工 for a date: the Enterprises screen's county table (enterprises/county-table.ts) in the
 * briefing sheet's shape, so the console, `hcc enterprises` and the briefing print the same numbers.
 * Per county: the enterprises approved to resume (as the register stood at the end of that day) and
 * their staff by the colour of their code that day (green may return, yellow home quarantine, red
 * central quarantine).
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { enterpriseCountyTable } from '../enterprises/county-table.ts';
import { TOTAL_CODE } from '../rules/county-stats.ts';

export interface EnterpriseCountyRow {
  county_code: string;
  county_name: string;
  /** Enterprises approved to resume. */
  approved: number;
  /** Their staff (a person on two enterprises' lists counts for each). */
  staff: number;
  red: number;
  yellow: number;
  green: number;
  /** Staff without a code that day. */
  no_code: number;
}

/** `county`: that county's row alone (the county table of its account); null: every county and the city. */
export function enterpriseStaff(db: Db, day: Day, county: string | null = null): EnterpriseCountyRow[] {
  const table = enterpriseCountyTable(db, day, county);
  const row = (r: (typeof table.rows)[number], code = r.countyCode): EnterpriseCountyRow => ({
    county_code: code,
    county_name: r.countyName,
    approved: r.approved,
    staff: r.staff,
    red: r.centralQuarantine,
    yellow: r.homeQuarantine,
    green: r.mayReturn,
    no_code: r.noCode,
  });
  if (county !== null) return table.rows.map((r) => row(r));
  return [...table.rows.map((r) => row(r)), row(table.total, TOTAL_CODE)];
}
