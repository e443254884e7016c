/**
 * The enterprise list of a day (ENTERPRISES.md): searched by name or the start of a credit code,
 * filtered by county, industry and approval, sorted, and paged here on the server with its total.
 */
import type { EnterpriseApproval, EnterprisePage, EnterpriseSort, EnterpriseSummary } from '../../../shared/contract/enterprises.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { type EnterpriseFigures, enterpriseFiguresOn, enterpriseSummary } from './enterprise-figures.ts';

export interface EnterpriseFilter {
  /** The caller's scope or the county asked for (county-scope.ts scopedCounty). */
  county: string | null;
  industry?: string | undefined;
  approval?: EnterpriseApproval | undefined;
  search?: string | undefined;
  sort: EnterpriseSort;
}

/** One collator for the whole sort: localeCompare would build one per comparison. */
const ZH = new Intl.Collator('zh');

const nonCompliant = (e: EnterpriseSummary) => e.staff - e.noCode - e.compliant;

const BY: Record<EnterpriseSort, (e: EnterpriseSummary) => number> = {
  red_yellow: (e) => e.centralQuarantine + e.homeQuarantine,
  non_compliance: nonCompliant,
  violations: (e) => e.violations,
  name: () => 0,
};

function matches(f: EnterpriseFilter, e: EnterpriseSummary): boolean {
  if (f.industry && e.industry !== f.industry) return false;
  if (f.approval && e.approved !== (f.approval === 'approved')) return false;
  const q = f.search?.trim();
  if (q) {
    const named = e.name.includes(q);
    if (!named && !e.creditCode.startsWith(q.toUpperCase())) return false;
  }
  return true;
}

/** The sorted, filtered list, whole (exports take it all; the screen a page of it). */
export function enterpriseRows(figures: Iterable<EnterpriseFigures>, f: EnterpriseFilter): EnterpriseSummary[] {
  const rows: EnterpriseSummary[] = [];
  for (const fig of figures) {
    const e = enterpriseSummary(fig);
    if (matches(f, e)) rows.push(e);
  }
  const key = BY[f.sort];
  return rows.sort((a, b) => key(b) - key(a) || ZH.compare(a.name, b.name) || a.creditCode.localeCompare(b.creditCode));
}

export function industriesOf(figures: Iterable<EnterpriseFigures>): string[] {
  const set = new Set<string>();
  for (const f of figures) if (f.version.industry) set.add(f.version.industry);
  return [...set].sort(ZH.compare);
}

export function enterprisePage(db: Db, day: Day, f: EnterpriseFilter, offset: number, limit: number): EnterprisePage {
  const figures = [...enterpriseFiguresOn(db, day, f.county).values()];
  const rows = enterpriseRows(figures, f);
  return { day: formatDay(day), rows: rows.slice(offset, offset + limit), total: rows.length, industries: industriesOf(figures) };
}
