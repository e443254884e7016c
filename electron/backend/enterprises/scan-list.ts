/** The scans behind a site figure (ScanFilter), violations among them; masked by the caller's edge. */
import type { ScanFigures, ScanFilter, ScanRow, SiteKind } from '../../../shared/contract/enterprises.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import { maskName, maskPersonId } from '../../../shared/domain/masking.ts';
import type { Db } from '../db/database.ts';
import { enterpriseVersions, registerAsOf, versionOn } from './enterprise-register.ts';
import { siteStats } from './site-figures.ts';
import { type ApprovalOn, SCAN_COLOURS, SCAN_SELECT, type SiteScan, codeValidityMs, scansOf } from './site-scans.ts';

export interface ScanListFilter {
  county: string | null;
  kind?: SiteKind | undefined;
  siteId?: string | undefined;
  creditCode?: string | undefined;
  filter: ScanFilter;
}

export interface ScanMember extends Omit<ScanRow, 'ref'> {
  personId: string;
}

/**
 * Each filter as SQL over scans s and sites st, so a page of a whole city's day (two million scans at
 * 4 million residents) is read by the (day, scanned_at) index, never gathered in memory. A violation
 * needs the colour at the scan: SQL narrows it to passes of people ever red or yellow (episode_people)
 * and passes at the sites of enterprises not approved, and the colour decides among those.
 */
const WHERE: Record<ScanFilter, string> = {
  all: '1',
  pass: "s.action = 'pass'",
  deny: "s.action = 'deny'",
  shown_red: "s.shown_color = 'red'",
  shown_yellow: "s.shown_color = 'yellow'",
  stale: 's.code_issued_at IS NOT NULL AND s.scanned_at - s.code_issued_at > @validity',
  violation: `s.action = 'pass' AND (s.person_id IN (SELECT person_id FROM episode_people)
    OR (st.kind = 'enterprise' AND st.credit_code IS NOT NULL AND st.credit_code NOT IN (SELECT value FROM json_each(@approved))))`,
};

/** The site figure each filter lists. */
const FIGURE: Record<ScanFilter, keyof ScanFigures> = {
  all: 'scans',
  pass: 'passes',
  deny: 'denials',
  shown_red: 'shownRed',
  shown_yellow: 'shownYellow',
  stale: 'stale',
  violation: 'violations',
};

function conditions(f: ScanListFilter): string {
  const where = ['s.day = @day', WHERE[f.filter]];
  if (f.siteId) where.push('s.site_id = @siteId');
  // Through the enterprise's sites, so the (site_id, day) index finds its scans.
  if (f.creditCode) where.push("s.site_id IN (SELECT site_id FROM sites WHERE kind = 'enterprise' AND credit_code = @creditCode)");
  if (f.county !== null) where.push('st.county_code = @county');
  if (f.kind) where.push("coalesce(st.kind, 'other') = @kind");
  return where.join(' AND ');
}

function approvalFor(db: Db, day: Day, f: ScanListFilter): { approvedOn: ApprovalOn; approved: string[] } {
  if (f.creditCode) {
    const versions = enterpriseVersions(db, f.creditCode);
    const approvedOn: ApprovalOn = (_, d) => versionOn(versions, d)?.approved ?? false;
    return { approvedOn, approved: approvedOn(f.creditCode, day) ? [f.creditCode] : [] };
  }
  const register = registerAsOf(db, day);
  return {
    approvedOn: (code) => register.get(code)?.approved ?? false,
    approved: [...register.values()].filter((v) => v.approved).map((v) => v.creditCode),
  };
}

export function scanList(db: Db, day: Day, f: ScanListFilter, offset: number, limit: number): { rows: ScanMember[]; total: number } {
  const validity = codeValidityMs(db);
  const { approvedOn, approved } = approvalFor(db, day, f);
  const params = {
    day,
    validity,
    approved: JSON.stringify(approved),
    siteId: f.siteId ?? null,
    creditCode: f.creditCode ?? null,
    county: f.county,
    kind: f.kind ?? null,
  };
  const where = conditions(f);
  // Named parameters must all be used by the statement: only those its conditions name.
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => where.includes(`@${k}`)));
  // A site's or an enterprise's scans by (day, site); a county's or the city's in time order by (day, scanned_at).
  const index = f.siteId || f.creditCode ? 'INDEXED BY scans_day_site' : 'INDEXED BY scans_day_time';
  const from = `FROM scans s ${index} LEFT JOIN sites st ON st.site_id = s.site_id`;
  const order = 'ORDER BY s.scanned_at, s.scan_id';
  const select = `${SCAN_SELECT} ${index} LEFT JOIN sites st ON st.site_id = s.site_id ${SCAN_COLOURS} WHERE ${where} ${order}`;
  // A county's or the city's list is behind a kept site figure: its total is that figure (same
  // definitions, siteStats), not a count over two million scans; a site's or an enterprise's is counted.
  const kept = f.siteId || f.creditCode ? null : siteStats(db, day, { county: f.county, kind: f.kind }).total[FIGURE[f.filter]];
  let page: SiteScan[] = [];
  let total: number;
  if (f.filter === 'violation') {
    // In time order, stopping at the page's end when the total is known.
    let found = 0;
    for (const s of scansOf(db, select, [used], approvedOn, validity)) {
      if (s.violation === null) continue;
      if (found >= offset && found < offset + limit) page.push(s);
      found++;
      if (kept !== null && found >= offset + limit) break;
    }
    total = kept ?? found;
  } else {
    total = kept ?? (db.prepare(`SELECT count(*) ${from} WHERE ${where}`).pluck().get(used) as number);
    page = [...scansOf(db, `${select} LIMIT @limit OFFSET @offset`, [{ ...used, limit, offset }], approvedOn, validity)];
  }
  const names = db.prepare('SELECT name FROM residents WHERE person_id = ?').pluck();
  const rows = page.map((s): ScanMember => {
    const name = names.get(s.personId) as string | null | undefined;
    return {
      scanId: s.scanId,
      at: s.at,
      personId: s.personId,
      idMasked: maskPersonId(s.personId),
      nameMasked: name ? maskName(name) : null,
      siteId: s.siteId,
      siteName: s.siteName,
      kind: s.kind,
      countyCode: s.countyCode,
      shownColor: s.shown,
      colorAtScan: s.colour,
      action: s.action,
      stale: s.stale,
      violation: s.violation,
    };
  });
  return { rows, total };
}
