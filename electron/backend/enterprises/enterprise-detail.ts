/**
 * An enterprise's page: its figures on each of the 14 days D−13 … D (each day with the register,
 * the staff list and the colours of that day), its staff expected back by date, and its sites.
 */
import type { EnterpriseDay, EnterpriseDetail, EnterpriseSite } from '../../../shared/contract/enterprises.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { countEntry, emptyEntries, enterpriseSummary, staffFigures } from './enterprise-figures.ts';
import { enterpriseVersions, versionOn } from './enterprise-register.ts';
import { colourLetterOn } from './colour-letter.ts';
import { siteScans } from './site-scans.ts';
import { staffExpectedBack } from './staff-expected-back.ts';
import { countMember, emptyTally, listedBy, membersOf } from './staff-tally.ts';

export const PAGE_DAYS = 14;

export function enterpriseSites(db: Db, creditCode: string): EnterpriseSite[] {
  return db
    .prepare(
      "SELECT site_id AS siteId, name, county_code AS countyCode FROM sites WHERE kind = 'enterprise' AND credit_code = ? ORDER BY site_id",
    )
    .all(creditCode) as EnterpriseSite[];
}

/** Null when the register does not know the enterprise by D, or it is of another county than `county`. */
export function enterpriseDetail(db: Db, creditCode: string, day: Day, county: string | null): EnterpriseDetail | null {
  const versions = enterpriseVersions(db, creditCode);
  const today = versionOn(versions, day);
  if (!today || (county !== null && today.countyCode !== county)) return null;
  const days = Array.from({ length: PAGE_DAYS }, (_, i) => day - PAGE_DAYS + 1 + i);
  const members = membersOf(db, creditCode, days);
  const staff = new Map(days.map((d) => [d, emptyTally()]));
  const entries = new Map(days.map((d) => [d, emptyEntries()]));
  for (const m of members) {
    for (const d of days) if (listedBy(m, d)) countMember(staff.get(d)!, colourLetterOn(m.timeline, d), m.checkins.get(d) ?? 0);
  }
  const approvedOn = (_: string, d: Day) => versionOn(versions, d)?.approved ?? false;
  for (const scan of siteScans(db, { of: 'enterprise', creditCode, days }, approvedOn))
    countEntry(entries.get(scan.day)!, scan.action, scan.violation);
  const perDay: EnterpriseDay[] = days.map((d) => ({ day: formatDay(d), ...staffFigures(staff.get(d)!, entries.get(d)!) }));
  return {
    day: formatDay(day),
    enterprise: enterpriseSummary({ version: today, staff: staff.get(day)!, entries: entries.get(day)! }),
    days: perDay,
    expectedBack: staffExpectedBack(db, members, day),
    sites: enterpriseSites(db, creditCode),
  };
}
