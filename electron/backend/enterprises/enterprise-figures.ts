/**
 * Every enterprise's figures of a day (ENTERPRISES.md's table): the register as of D, its staff
 * tally and the entry scans at its sites. The county table, the enterprise list, the exports and
 * the briefing's 企业复工 sheet all start here, so their numbers cannot differ.
 */
import type { EnterpriseSummary, StaffFigures } from '../../../shared/contract/enterprises.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import { maskPhone } from '../../../shared/domain/masking.ts';
import type { Db } from '../db/database.ts';
import { figureStamp, keptDayFigures } from './kept-day-figures.ts';
import { type EnterpriseVersion, registerAsOf } from './enterprise-register.ts';
import { siteScans } from './site-scans.ts';
import { type StaffTally, emptyTally, staffTallies } from './staff-tally.ts';

export interface EntryTally {
  passes: number;
  denials: number;
  violations: number;
}

/** An enterprise's counts of a day, before the register's version of it is joined. */
interface DayCounts {
  staff: StaffTally;
  entries: EntryTally;
}

export const emptyEntries = (): EntryTally => ({ passes: 0, denials: 0, violations: 0 });

export interface EnterpriseFigures {
  version: EnterpriseVersion;
  staff: StaffTally;
  entries: EntryTally;
}

export function countEntry(t: EntryTally, action: 'pass' | 'deny' | null, violation: unknown): void {
  if (action === 'pass') t.passes++;
  else if (action === 'deny') t.denials++;
  if (violation) t.violations++;
}

/**
 * The last figures read, per connection: the screen asks for the county table and a list page of
 * the same day at once, and the list again for every page, sort and search. Keyed on the data's
 * stamp, so new data is never answered from here. Read-only for callers.
 */
const lastRead = new WeakMap<Db, { key: string; figures: Map<string, EnterpriseFigures> }>();

/** The enterprises of the register as of `day` (of one county when given), each with its day's figures. */
export function enterpriseFiguresOn(db: Db, day: Day, county: string | null): Map<string, EnterpriseFigures> {
  const key = `${day}|${county ?? ''}|${figureStamp(db)}`;
  const last = lastRead.get(db);
  if (last?.key === key) return last.figures;
  const figures = readFigures(db, day, county);
  lastRead.set(db, { key, figures });
  return figures;
}

function readFigures(db: Db, day: Day, county: string | null): Map<string, EnterpriseFigures> {
  const register = registerAsOf(db, day, county);
  const counts = cityCounts(db, day);
  const figures = new Map<string, EnterpriseFigures>();
  for (const [code, version] of register) {
    const c = counts.get(code);
    figures.set(code, { version, staff: c?.staff ?? emptyTally(), entries: c?.entries ?? emptyEntries() });
  }
  return figures;
}

/** Every registered enterprise's counts of the day, counted once per state of the data (kept-day-figures.ts). */
export function cityCounts(db: Db, day: Day): Map<string, DayCounts> {
  const kept = keptDayFigures(db, 'enterprises', day, '', () => {
    const register = registerAsOf(db, day);
    const tallies = staffTallies(db, day);
    const counts = new Map<string, DayCounts>();
    for (const code of register.keys()) counts.set(code, { staff: tallies.get(code) ?? emptyTally(), entries: emptyEntries() });
    // A scan's enterprise may be unregistered, which is "not approved" (its scans count for no enterprise).
    for (const scan of siteScans(db, { of: 'enterprise-sites', day }, (c) => register.get(c)?.approved ?? false)) {
      const c = scan.creditCode === null ? undefined : counts.get(scan.creditCode);
      if (c) countEntry(c.entries, scan.action, scan.violation);
    }
    return [...counts];
  });
  return new Map(kept);
}

export function staffFigures(staff: StaffTally, entries: EntryTally): StaffFigures {
  const withCode = staff.staff - staff.noCode;
  return {
    staff: staff.staff,
    noCode: staff.noCode,
    mayReturn: staff.green,
    homeQuarantine: staff.yellow,
    centralQuarantine: staff.red,
    compliant: staff.compliant,
    complianceRate: withCode > 0 ? staff.compliant / withCode : null,
    passes: entries.passes,
    denials: entries.denials,
    violations: entries.violations,
  };
}

export function enterpriseSummary(f: EnterpriseFigures): EnterpriseSummary {
  const v = f.version;
  return {
    ...staffFigures(f.staff, f.entries),
    creditCode: v.creditCode,
    name: v.name ?? '',
    countyCode: v.countyCode,
    countyName: v.countyCode ? countyName(v.countyCode) : null,
    industry: v.industry,
    approved: v.approved,
    approvedOn: v.approvedOn === null ? null : formatDay(v.approvedOn),
    adminName: v.adminName,
    adminPhoneMasked: v.adminPhone ? maskPhone(v.adminPhone) : null,
  };
}
