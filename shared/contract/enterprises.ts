/**
 * Enterprises back at work and the checks at sites (ENTERPRISES.md, the notice's section 二): what
 * the Enterprises screen, `hcc enterprises|sites` and the briefing's 企业复工 sheet read. Every
 * figure is of one day D (the colours of RULES.md on D); a county-scoped account gets its county only.
 */
import type { CodeColor } from '../domain/rules/colors.ts';
import type { IsoDay } from './dashboard.ts';
import type { ExpectedGreens } from './forecast.ts';
import type { PersonRef } from './people.ts';

/** What staff are on a day: a colour, or no code (未申领: must apply before returning). */
export type StaffStatus = CodeColor | 'no_code';

/** The staff figures of ENTERPRISES.md for one day (of one enterprise, or summed). */
export interface StaffFigures {
  /** 登记员工: people on the staff list by D. */
  staff: number;
  /** 未申领: staff without a code on D. */
  noCode: number;
  /** 可返岗: green staff. */
  mayReturn: number;
  /** 居家/企业集中隔离: yellow staff. */
  homeQuarantine: number;
  /** 集中隔离点: red staff. */
  centralQuarantine: number;
  /** 打卡合规: staff with a code who checked in at least twice on D. */
  compliant: number;
  /** compliant / staff with a code, 0..1 (null when no staff has a code). */
  complianceRate: number | null;
  /** 进场核验: scans at the enterprise's sites on D. */
  passes: number;
  denials: number;
  /** 违规放行 (ViolationKind). */
  violations: number;
}

/** One county row of the county table (and the city row, countyCode '371600'). */
export interface EnterpriseCountyRow extends StaffFigures {
  countyCode: string;
  countyName: string;
  /** Enterprises approved to resume on D, and not. */
  approved: number;
  notApproved: number;
}

export interface EnterpriseCountyTable {
  day: IsoDay;
  rows: EnterpriseCountyRow[];
  /** The city (or, for a county account, that county): the sum of the rows. */
  total: EnterpriseCountyRow;
}

export type EnterpriseApproval = 'approved' | 'not_approved';
/** The list's sorts (ENTERPRISES.md): red + yellow staff, non-compliant staff, violations, all descending; or by name. */
export type EnterpriseSort = 'red_yellow' | 'non_compliance' | 'violations' | 'name';

export interface EnterpriseSummary extends StaffFigures {
  creditCode: string;
  name: string;
  countyCode: string | null;
  countyName: string | null;
  industry: string | null;
  /** Approved to resume as the register stood at the end of D. */
  approved: boolean;
  approvedOn: IsoDay | null;
  /** The DingTalk administrator (optional columns); the phone masked. */
  adminName: string | null;
  adminPhoneMasked: string | null;
}

export interface EnterpriseListQuery {
  asOf?: IsoDay;
  county?: string | null;
  industry?: string;
  approval?: EnterpriseApproval;
  /** Part of the name, or the start of the credit code. */
  search?: string;
  sort?: EnterpriseSort;
  offset?: number;
  limit?: number;
}

export interface EnterprisePage {
  day: IsoDay;
  rows: EnterpriseSummary[];
  total: number;
  /** The industries present (for the filter). */
  industries: string[];
}

/** One day of an enterprise's last 14 days. */
export interface EnterpriseDay extends StaffFigures {
  day: IsoDay;
}

export interface EnterpriseSite {
  siteId: string;
  name: string | null;
  countyCode: string | null;
}

export interface EnterpriseDetail {
  day: IsoDay;
  enterprise: EnterpriseSummary;
  /** D−13 … D, oldest first. */
  days: EnterpriseDay[];
  /** Red and yellow staff by the date they can turn green if their days stay normal (issue 17), and those held. */
  expectedBack: ExpectedGreens;
  sites: EnterpriseSite[];
}

/** A member of staff on D, masked. */
export interface StaffRow {
  ref: PersonRef;
  idMasked: string;
  nameMasked: string | null;
  phoneMasked: string | null;
  creditCode: string;
  enterpriseName: string | null;
  status: StaffStatus;
  /** Since when the colour holds (null without a code). */
  since: IsoDay | null;
  /** 预计可返岗: the earliest green date of a yellow or red member (null while an ongoing condition holds, and for green). */
  expectedBack: IsoDay | null;
  /** Check-ins on D. */
  checkins: number;
}

export interface StaffQuery {
  asOf?: IsoDay;
  /** One enterprise, or every approved enterprise of a county (the county table's figures). */
  creditCode?: string;
  county?: string | null;
  status?: StaffStatus;
  /** Only staff with a code who did not check in twice. */
  nonCompliant?: boolean;
  offset?: number;
  limit?: number;
}

export interface StaffPage {
  day: IsoDay;
  rows: StaffRow[];
  total: number;
}

export const SITE_KINDS = ['checkpoint', 'enterprise', 'community', 'supermarket', 'fever_clinic', 'pharmacy', 'school', 'other'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * A pass the site should not have given: a yellow or red person let through (their colour at the
 * scan, RULES.md), or any pass at a site of an enterprise not approved to resume. The site's
 * failure, never the person's: it never opens a case.
 */
export type ViolationKind = 'red_passed' | 'yellow_passed' | 'not_approved';

/** The site figures of one day. */
export interface ScanFigures {
  scans: number;
  passes: number;
  denials: number;
  /** Codes shown red / yellow. */
  shownRed: number;
  shownYellow: number;
  /** Codes older than the screenshot rule's validity at the scan. */
  stale: number;
  violations: number;
}

export interface SiteStatsRow extends ScanFigures {
  countyCode: string;
  countyName: string;
  kind: SiteKind;
}

export interface SiteSummary extends ScanFigures {
  siteId: string;
  name: string | null;
  kind: SiteKind | null;
  countyCode: string | null;
  countyName: string | null;
  creditCode: string | null;
}

export interface SiteStats {
  day: IsoDay;
  /** Per county and kind, only the pairs with sites. */
  rows: SiteStatsRow[];
  total: ScanFigures;
  /** The busiest sites of D (most scans first, at most 20). */
  busiest: SiteSummary[];
}

export interface SiteDetail {
  day: IsoDay;
  site: SiteSummary;
  /** Hours 0..23 of D (local time). */
  hours: { hour: number; scans: number; passes: number; denials: number; violations: number }[];
}

/** A scan, masked (the lists behind the site figures, and the violations). */
export interface ScanRow {
  scanId: string;
  at: number;
  ref: PersonRef;
  idMasked: string;
  nameMasked: string | null;
  siteId: string;
  siteName: string | null;
  kind: SiteKind | null;
  countyCode: string | null;
  shownColor: CodeColor | null;
  /** The person's colour at the scan (RULES.md), null without a code. */
  colorAtScan: CodeColor | null;
  action: 'pass' | 'deny' | null;
  stale: boolean;
  violation: ViolationKind | null;
}

/** Which scans a figure stands for. */
export type ScanFilter = 'all' | 'pass' | 'deny' | 'shown_red' | 'shown_yellow' | 'stale' | 'violation';

export interface ScanQuery {
  asOf?: IsoDay;
  county?: string | null;
  kind?: SiteKind;
  siteId?: string;
  creditCode?: string;
  filter?: ScanFilter;
  offset?: number;
  limit?: number;
}

export interface ScanPage {
  day: IsoDay;
  rows: ScanRow[];
  total: number;
}

/** The lists the Enterprises screen exports (masked, audited), with the query of the list shown. */
export type EnterpriseExportList = 'enterprises' | 'staff' | 'scans' | 'sites';
