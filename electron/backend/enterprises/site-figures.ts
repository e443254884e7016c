/**
 * Checkpoints and sites (ENTERPRISES.md): per county and site kind the day's scans, passes, denials,
 * red and yellow codes shown, stale codes and violations; the busiest sites; a site's day by hour.
 */
import type { ScanFigures, SiteDetail, SiteKind, SiteStats, SiteStatsRow, SiteSummary } from '../../../shared/contract/enterprises.ts';
import { SITE_KINDS } from '../../../shared/contract/enterprises.ts';
import { COUNTIES, countyName } from '../../../shared/domain/counties.ts';
import { type Day, dayStartInstant, formatDay } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { type EnterpriseVersion, enterpriseVersions, registerAsOf, versionOn } from './enterprise-register.ts';
import { keptDayFigures } from './kept-day-figures.ts';
import { type SiteScan, codeValidityMs, siteScans } from './site-scans.ts';

export const BUSIEST_SITES = 20;

export const emptyScanFigures = (): ScanFigures => ({
  scans: 0,
  passes: 0,
  denials: 0,
  shownRed: 0,
  shownYellow: 0,
  stale: 0,
  violations: 0,
});

export function countScan(f: ScanFigures, s: SiteScan): void {
  f.scans++;
  if (s.action === 'pass') f.passes++;
  else if (s.action === 'deny') f.denials++;
  if (s.shown === 'red') f.shownRed++;
  else if (s.shown === 'yellow') f.shownYellow++;
  if (s.stale) f.stale++;
  if (s.violation) f.violations++;
}

const approvalFrom = (register: Map<string, EnterpriseVersion>) => (code: string) => register.get(code)?.approved ?? false;

/** A site without a known kind is counted as `other`. */
const kindOf = (k: SiteKind | null): SiteKind => k ?? 'other';

export interface SiteFilter {
  county: string | null;
  kind?: SiteKind | undefined;
}

const inFilter = (f: SiteFilter, s: SiteSummary) =>
  (f.county === null || s.countyCode === f.county) && (!f.kind || kindOf(s.kind) === f.kind);

function addFigures(into: ScanFigures, f: ScanFigures): void {
  into.scans += f.scans;
  into.passes += f.passes;
  into.denials += f.denials;
  into.shownRed += f.shownRed;
  into.shownYellow += f.shownYellow;
  into.stale += f.stale;
  into.violations += f.violations;
}

/** Every site's figures of the day, counted once per state of the data and the validity setting (kept-day-figures.ts). */
function siteDayFigures(db: Db, day: Day): SiteSummary[] {
  const validityMs = codeValidityMs(db);
  return keptDayFigures(db, 'sites', day, String(validityMs), () => {
    const register = registerAsOf(db, day);
    const sites = new Map<string, SiteSummary>();
    for (const s of siteScans(db, { of: 'day', day }, approvalFrom(register), validityMs)) {
      let site = sites.get(s.siteId);
      if (!site) sites.set(s.siteId, (site = summaryOf(s)));
      countScan(site, s);
    }
    return [...sites.values()];
  });
}

export function siteStats(db: Db, day: Day, f: SiteFilter): SiteStats {
  const cells = new Map<string, SiteStatsRow>();
  const total = emptyScanFigures();
  const sites = siteDayFigures(db, day).filter((s) => inFilter(f, s));
  for (const s of sites) {
    const county = s.countyCode ?? '';
    const kind = kindOf(s.kind);
    const key = `${county}|${kind}`;
    let cell = cells.get(key);
    if (!cell)
      cells.set(key, (cell = { countyCode: county, countyName: county ? countyName(county) : '未知', kind, ...emptyScanFigures() }));
    addFigures(cell, s);
    addFigures(total, s);
  }
  const countyOrder = new Map(COUNTIES.map((c, i) => [c.code, i]));
  const rows = [...cells.values()].sort(
    (a, b) =>
      (countyOrder.get(a.countyCode) ?? 99) - (countyOrder.get(b.countyCode) ?? 99) ||
      SITE_KINDS.indexOf(a.kind) - SITE_KINDS.indexOf(b.kind),
  );
  const busiest = sites.sort((a, b) => b.scans - a.scans || a.siteId.localeCompare(b.siteId)).slice(0, BUSIEST_SITES);
  return { day: formatDay(day), rows, total, busiest };
}

function summaryOf(s: Pick<SiteScan, 'siteId' | 'siteName' | 'kind' | 'countyCode' | 'creditCode'>): SiteSummary {
  return {
    siteId: s.siteId,
    name: s.siteName,
    kind: s.kind,
    countyCode: s.countyCode,
    countyName: s.countyCode ? countyName(s.countyCode) : null,
    creditCode: s.creditCode,
    ...emptyScanFigures(),
  };
}

interface SiteRegisterRow {
  siteId: string;
  siteName: string | null;
  kind: SiteKind | null;
  countyCode: string | null;
  creditCode: string | null;
}

/** A site of the register (null when unknown, or of another county than `county`). */
export function siteOf(db: Db, siteId: string, county: string | null): SiteRegisterRow | null {
  const s = db
    .prepare(
      `SELECT site_id AS siteId, name AS siteName, kind, county_code AS countyCode,
              CASE WHEN kind = 'enterprise' THEN credit_code END AS creditCode FROM sites WHERE site_id = ?`,
    )
    .get(siteId) as SiteRegisterRow | undefined;
  if (!s || (county !== null && s.countyCode !== county)) return null;
  return s;
}

/** Hours of the day on Binzhou's clock (UTC+8). */
const hourOf = (at: number, day: Day) => Math.min(23, Math.max(0, Math.floor((at - dayStartInstant(day)) / 3_600_000)));

export function siteDetail(db: Db, siteId: string, day: Day, county: string | null): SiteDetail | null {
  const known = siteOf(db, siteId, county);
  if (!known) return null;
  const site = summaryOf(known);
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, scans: 0, passes: 0, denials: 0, violations: 0 }));
  // Only the site's own enterprise can make a pass there "not approved": its versions, not the whole register.
  const versions = known.creditCode ? enterpriseVersions(db, known.creditCode) : [];
  const approved = (_: string, d: Day) => versionOn(versions, d)?.approved ?? false;
  for (const s of siteScans(db, { of: 'site', siteId, day }, approved)) {
    countScan(site, s);
    const h = hours[hourOf(s.at, day)]!;
    h.scans++;
    if (s.action === 'pass') h.passes++;
    else if (s.action === 'deny') h.denials++;
    if (s.violation) h.violations++;
  }
  return { day: formatDay(day), site, hours };
}
