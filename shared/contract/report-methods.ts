/**
 * The method table's rows for the screens that report on the city (methods.ts spreads them in):
 * enterprises and sites (ENTERPRISES.md), the audit log, and the people behind the figures.
 */
import * as v from 'valibot';
import { isValidPersonId } from '../domain/person-id.ts';
import { CODE_COLORS } from '../domain/rules/colors.ts';
import { auditTimeBound } from './audit.ts';
import { SITE_KINDS } from './enterprises.ts';
import { FIGURE_SORTS, FIGURES } from './figures.ts';
import { type MethodSpec, none, page } from './method-spec.ts';
import {
  countyCode,
  exportTarget,
  isoWeek,
  oneOf,
  optionalDay,
  optionalOneOf,
  optionalText,
  params,
  say,
  text,
  wholeNumber,
  yesNo,
} from './param-schemas.ts';

const creditCode = () => text(18);
const ENTERPRISE_SORTS = ['red_yellow', 'non_compliance', 'violations', 'name'] as const;
const ENTERPRISE_EXPORT_LISTS = ['enterprises', 'staff', 'scans', 'sites'] as const;
const STAFF_STATUSES = ['red', 'yellow', 'green', 'no_code'] as const;
const SCAN_FILTERS = ['all', 'pass', 'deny', 'shown_red', 'shown_yellow', 'stale', 'violation'] as const;
/** The enterprise list's filters (ENTERPRISES.md): county, industry, approval, a name or the start of a credit code. */
const enterpriseFilters = {
  county: countyCode(),
  industry: optionalText(100),
  approval: optionalOneOf(['approved', 'not_approved'] as const),
  search: optionalText(64),
};
const staffFilters = {
  creditCode: v.optional(creditCode()),
  county: countyCode(),
  status: optionalOneOf(STAFF_STATUSES),
  nonCompliant: v.optional(yesNo(), false),
};
const scanFilters = {
  county: countyCode(),
  kind: optionalOneOf(SITE_KINDS),
  siteId: optionalText(64),
  creditCode: v.optional(creditCode()),
  filter: v.optional(oneOf(SCAN_FILTERS), 'all'),
};

/** Text or nothing that must also pass `ok` (said in both languages when it does not). */
const checkedText = (max: number, ok: (s: string) => boolean, expect: (n: string) => { en: string; zh: string }) =>
  v.pipe(
    optionalText(max),
    v.check((s) => s === undefined || ok(s.trim()), say(expect)),
    v.transform((s) => s?.trim()),
  );
/** A bound of the audit list's period: a day or an instant (shared/contract/audit.ts auditTimeBound). */
const auditTime = (side: 'from' | 'to') =>
  checkedText(
    40,
    (s) => auditTimeBound(s, side) !== null,
    (n) => ({
      en: `${n} must be a day like 2020-02-20 or a time like 2020-02-20 08:30`,
      zh: `${n} 应为日期（如 2020-02-20）或时间（如 2020-02-20 08:30）`,
    }),
  );
/** A typed ID number, checked before it is looked for (a wrong one would silently find nothing). */
const typedPersonId = () =>
  checkedText(24, isValidPersonId, (n) => ({
    en: `${n} must be an 18-character ID number with a valid check digit`,
    zh: `${n} 应为18位有效身份证号`,
  }));
/**
 * The audit list's filters (AuditFilters). The person is `personRef` (a reference of this session's
 * pages) or `personId`, not `ref`: the audit screen is city-wide only (the dispatch refuses county
 * accounts before any parameter is looked at), so the county-scope table has nothing to check.
 */
const auditFilters = {
  user: optionalText(64),
  action: optionalText(64),
  personRef: optionalText(200),
  personId: typedPersonId(),
  from: auditTime('from'),
  to: auditTime('to'),
};

/** Which figure of which day and county (figures.ts); `from`/`to` name a transition's colours. */
const figureFilters = {
  figure: oneOf(FIGURES),
  from: optionalOneOf(CODE_COLORS),
  to: optionalOneOf(CODE_COLORS),
  asOf: optionalDay(),
  county: countyCode(),
  sort: v.optional(oneOf(FIGURE_SORTS), 'since_desc'),
};

export const REPORT_METHODS = {
  /** 企业复工: the county table of a day (enterprises approved or not, staff by figure). */
  'enterprises.counties': { params: params({ asOf: optionalDay(), county: countyCode() }), access: 'enterprises.summary' },
  /** The enterprise list, searched, filtered and sorted on the server (ENTERPRISES.md). */
  'enterprises.list': {
    params: params({ asOf: optionalDay(), ...enterpriseFilters, sort: v.optional(oneOf(ENTERPRISE_SORTS), 'red_yellow'), ...page(200) }),
    access: 'enterprises.view',
  },
  /** An enterprise's page: its figures over the last 14 days and its sites. */
  'enterprises.get': { params: params({ creditCode: creditCode(), asOf: optionalDay() }), access: 'enterprises.view' },
  /** Staff of one enterprise, or of a county's approved enterprises (the list behind a figure), masked. */
  'enterprises.staff': { params: params({ asOf: optionalDay(), ...staffFilters, ...page(500) }), access: 'enterprises.view' },
  /** Checkpoints and sites: figures per county and kind, and the busiest sites, of a day. */
  'sites.stats': {
    params: params({ asOf: optionalDay(), county: countyCode(), kind: optionalOneOf(SITE_KINDS) }),
    access: 'enterprises.view',
  },
  /** A site's day: its scans by hour. */
  'sites.get': { params: params({ siteId: text(64), asOf: optionalDay() }), access: 'enterprises.view' },
  /** The scans behind a site figure (violations among them), masked. */
  'sites.scans': { params: params({ asOf: optionalDay(), ...scanFilters, ...page(500) }), access: 'enterprises.view' },
  /** The county table as Excel (the briefing's style). */
  'enterprises.exportCounties': {
    params: params({ asOf: optionalDay(), county: countyCode(), target: exportTarget() }),
    access: 'enterprises.summary',
  },
  /** A list of the screen as Excel, masked, with the filters of the list shown; audited. */
  'enterprises.exportList': {
    params: params({
      list: oneOf(ENTERPRISE_EXPORT_LISTS),
      asOf: optionalDay(),
      ...enterpriseFilters,
      sort: v.optional(oneOf(ENTERPRISE_SORTS), 'red_yellow'),
      ...staffFilters,
      ...scanFilters,
      target: exportTarget(),
    }),
    access: 'enterprises.view',
  },
  /** 复工复产企业管理员周报: one sheet per county and a city summary, phones masked. */
  'enterprises.weeklyReport': {
    params: params(
      { week: isoWeek(), target: exportTarget() },
      { week: () => ({ en: 'week is required (like 2020-W08)', zh: '请选择周次（如 2020-W08）' }) },
    ),
    access: 'enterprises.summary',
  },
  /** 审计日志: entries filtered and paged on the server, newest first; `upTo` pins the list across pages. Audited. */
  'audit.list': {
    params: params({ ...auditFilters, upTo: v.optional(wholeNumber(0, 2 ** 53 - 1)), ...page(500) }),
    access: 'audit.view',
  },
  /** The chain's verification state, head and anchor (as `hcc audit verify`). Audited. */
  'audit.verify': { params: none(), access: 'audit.view' },
  /** The filtered list as Excel, identifiers masked. Audited. */
  'audit.export': {
    params: params({ ...auditFilters, upTo: v.optional(wholeNumber(0, 2 ** 53 - 1)), target: exportTarget() }),
    access: 'audit.view',
  },
  /** The people behind a figure of a day (issue 16), masked, paged and sorted on the server. */
  'figures.people': { params: params({ ...figureFilters, ...page(500) }), access: 'dashboard.view' },
  /** The whole list behind a figure as Excel: masked, or in full for a role that may unmask (audited either way). */
  'figures.export': {
    params: params({ ...figureFilters, unmask: v.optional(yesNo(), false), target: exportTarget() }),
    access: 'dashboard.view',
  },
} as const satisfies Record<string, MethodSpec>;
