/**
 * The method table: every method the interface may call, with its parameters' schema (checked once,
 * by dispatch(), before any handler runs: the handler gets the parsed values) and who may call it.
 * The parameter types of the contract are inferred from these schemas (api.ts ParamsOf /
 * ValidParams); the results are TypeScript types (api.ts ApiResults).
 */
import * as v from 'valibot';
import { BEHAVIORS, BULK_MOVES, CASE_MOVES, CASE_STATES } from '../domain/cases.ts';
import { ROLES } from '../domain/roles.ts';
import { LANGUAGES } from '../words/translate.ts';
import { detectorSettingsParams } from './detector-settings-params.ts';
import { type MethodSpec, none, page } from './method-spec.ts';
import { REPORT_METHODS } from './report-methods.ts';
import { mapBandsParam } from './map-bands-param.ts';
import {
  countyCode,
  exportTarget,
  feedName,
  isoDay,
  oneOf,
  optionalDay,
  optionalOneOf,
  optionalText,
  params,
  say,
  text,
  textOrNull,
  wholeNumber,
  wholeNumberOr,
  yesNo,
} from './param-schemas.ts';
import { isRegionCode } from '../domain/feeds/field-parsers.ts';

const personRef = () => text(200);
const caseId = () => wholeNumber(1, 1e12);
const reason = () => text(2000);

const searchQuery = v.pipe(
  text(64),
  v.trim(),
  v.minLength(
    2,
    say(() => ({ en: 'type at least 2 characters', zh: '请至少输入2个字符' })),
  ),
);
const regionCode = v.pipe(
  text(6),
  v.check(
    isRegionCode,
    say((n) => ({ en: `${n} must be a region code of 2, 4 or 6 digits`, zh: `${n} 地区代码应为2、4或6位数字` })),
  ),
);
/** sync.history took any number and kept it within 1..200 (20 when not given). */
/** A key area as it should be after a change; `previousFrom` names the listed area it changes (key-area-change.ts). */
const keyAreaChange = {
  regionCode,
  name: optionalText(100),
  effectiveFrom: isoDay(),
  effectiveTo: optionalDay(),
  previousFrom: optionalDay(),
};
const historyLimit = v.optional(
  v.pipe(
    v.number(say((n) => ({ en: `${n} must be a number`, zh: `${n} 应为数字` }))),
    v.transform((n) => Math.min(200, Math.max(1, n))),
  ),
  20,
);

/** A search box's text: blank (or null) is no search, else as searchQuery. */
const optionalSearch = v.optional(
  v.pipe(
    v.nullable(v.string(say((n) => ({ en: `${n} must be text`, zh: `${n} 应为文本` })))),
    v.transform((s) => (s === null || s.trim() === '' ? undefined : s)),
    v.optional(
      v.pipe(
        text(64),
        v.trim(),
        v.minLength(
          2,
          say((n) => ({ en: `${n}: type at least 2 characters`, zh: `${n} 请至少输入2个字符` })),
        ),
      ),
    ),
  ),
);
/** The case queue's filters (the list and its export): a county account is held to its county whatever `county` says. */
const caseFilters = {
  state: optionalOneOf(CASE_STATES),
  behavior: optionalOneOf(BEHAVIORS),
  county: countyCode(),
  search: optionalSearch,
  sort: optionalOneOf(['newest', 'oldest'] as const),
};
/** The cases a bulk move takes: one to a page's worth, each once. */
const caseIds = () => {
  const m = say((n) => ({ en: `${n} must be a list of 1 to 200 case numbers`, zh: `${n} 应为1至200个案件编号` }));
  return v.pipe(
    v.array(caseId(), m),
    v.minLength(1, m),
    v.maxLength(200, m),
    v.transform((ids) => [...new Set(ids)]),
  );
};

export type { Access, MethodSpec } from './method-spec.ts';

export const METHODS = {
  /** Whether set-up is needed, whether the database is empty, and the current session. */
  'auth.status': { params: none(), access: 'public' },
  /**
   * First start only (no user exists): creates the first administrator and signs in; `setupCode` when
   * AuthStatus.setupCodeRequired; `language`: the one the set-up was done in, kept as theirs.
   */
  'auth.setup': {
    params: params({ name: text(32), password: text(200), setupCode: optionalText(64), language: optionalOneOf(LANGUAGES) }),
    access: 'public',
  },
  /** `language`: one the user picked on the sign-in screen before signing in, kept as theirs from then on. */
  'auth.signIn': { params: params({ name: text(64), password: text(200), language: optionalOneOf(LANGUAGES) }), access: 'public' },
  'auth.signOut': { params: none(), access: 'signed-in' },
  /** The signed-in user's own new password (required first after an administrator set one). */
  'auth.changePassword': { params: params({ currentPassword: text(200), newPassword: text(200) }), access: 'signed-in' },
  /** The signed-in user's language, kept with their account (the console opens in it on any machine). */
  'auth.setLanguage': { params: params({ language: oneOf(LANGUAGES) }), access: 'signed-in' },
  /** Keeps the session alive (the interface calls it on user activity). */
  'auth.touch': { params: none(), access: 'signed-in' },

  /** KPI cards, counties, trend, transitions and freshness for a date (and a county). */
  'dashboard.summary': {
    params: params({ asOf: optionalDay(), county: countyCode(), trendDays: wholeNumberOr(1, 120, 30) }),
    access: 'dashboard.view',
  },
  /** The county boundaries (GeoJSON FeatureCollection), a replaceable resource. */
  'dashboard.map': { params: none(), access: 'dashboard.view' },
  /** The county table (with the city's total) or the day's transitions as Excel, as the account sees them. */
  'dashboard.export': {
    params: params({
      table: oneOf(['counties', 'transitions'] as const),
      asOf: optionalDay(),
      county: countyCode(),
      target: exportTarget(),
    }),
    access: 'dashboard.view',
  },

  /** Row counts, freshness and rejected rows per feed, recent syncs, the running job. */
  'data.overview': { params: none(), access: 'data.view' },
  /** Loads the demo city into an empty database (long work: progress arrives as job events). */
  'data.loadDemo': { params: none(), access: 'settings.manage' },
  /** Syncs the exchange directory (long work); `source`: another directory than the one set. */
  'sync.start': { params: params({ source: optionalText(1000) }), access: 'data.sync' },
  /** Stops the running job after the chunk being written; everything committed stays. */
  'sync.cancel': { params: none(), access: 'data.sync' },
  'sync.history': { params: params({ limit: historyLimit }), access: 'data.view' },
  /**
   * "Test connection": reaches the sync source and says what it holds. `source`/`password`: one
   * being typed in the settings (administrators only), else the saved one with its kept password.
   */
  'sync.testSource': { params: params({ source: optionalText(1000), password: optionalText(200) }), access: 'data.view' },
  /** Rejected rows, paged on the server; `batchId`: only those of one file's import (ImportSummary.batchId). */
  'rejects.list': {
    params: params({ feed: v.optional(feedName()), batchId: v.optional(wholeNumber(1, 1e12)), ...page(500) }),
    access: 'data.view',
  },
  /** Exports one feed's rejected rows (CSV or XLSX) for the department to correct. */
  'rejects.export': {
    params: params({ feed: feedName(), format: v.optional(oneOf(['csv', 'xlsx'] as const), 'csv'), target: exportTarget() }),
    access: 'rejects.export',
  },
  /** Uploads a file in pieces (drag-and-drop import), then previews how its header maps. */
  'upload.begin': { params: params({ name: text(255), size: wholeNumber(1, 2 ** 40) }), access: 'data.import' },
  'upload.chunk': {
    params: params({ uploadId: text(64), offset: wholeNumber(0, 2 ** 40), base64: text(16 * 1024 * 1024) }),
    access: 'data.import',
  },
  'import.preview': { params: params({ uploadId: text(64), feed: v.optional(feedName()) }), access: 'data.import' },
  /** Imports an uploaded file (long work); the result arrives with the job's end. */
  'import.commit': {
    params: params({
      uploadId: text(64),
      feed: feedName(),
      strict: v.optional(yesNo(), false),
      confirmReplace: v.optional(yesNo(), false),
    }),
    access: 'data.import',
  },
  'import.result': { params: params({ jobId: wholeNumber(1, 1e9) }), access: 'data.import' },

  /** Search by ID number, phone or name (at least 2 characters). */
  'people.search': { params: params({ query: searchQuery, limit: wholeNumberOr(1, 200, 50) }), access: 'people.view' },
  /** The search's results as Excel, masked; audited with the query masked. */
  'people.exportSearch': {
    params: params({ query: searchQuery, limit: wholeNumberOr(1, 200, 200), target: exportTarget() }),
    access: 'people.view',
  },
  'people.get': { params: params({ ref: personRef(), asOf: optionalDay() }), access: 'people.view' },
  /** The full ID number or phone; audited. */
  'people.unmask': {
    params: params({ ref: personRef(), field: v.optional(oneOf(['id', 'phone'] as const), 'id') }),
    access: 'people.unmask',
  },

  'users.list': { params: none(), access: 'users.manage' },
  'users.create': {
    params: params({ name: text(32), role: oneOf(ROLES), county: countyCode(), password: text(200) }),
    access: 'users.manage',
  },
  'users.update': {
    params: params({
      name: text(32),
      role: v.optional(oneOf(ROLES)),
      county: countyCode(),
      disabled: v.optional(yesNo()),
      password: optionalText(200),
    }),
    access: 'users.manage',
  },
  /** A second administrator approves (or either one withdraws) a pending credit role (UserRow.pendingRole). */
  'users.decideRole': { params: params({ name: text(32), approve: yesNo() }), access: 'users.manage' },
  'settings.get': { params: none(), access: 'settings.manage' },
  /**
   * Any of the settings; `syncSource` null (or ''): no sync source. `exchangePassword`: the exchange
   * database's password to keep (sealed), null to forget it; absent keeps the kept one for the same source.
   * `mapBands`: the dashboard map's thresholds in percent, ascending (shared/domain/map-bands.ts).
   */
  'settings.update': {
    params: params({
      idleTimeoutMinutes: v.optional(wholeNumber(1, 480)),
      autoSyncMinutes: v.optional(wholeNumber(0, 24 * 60)),
      syncSource: textOrNull(1000),
      exchangePassword: textOrNull(200),
      mapBands: mapBandsParam(),
    }),
    access: 'settings.manage',
  },
  'keyAreas.list': { params: none(), access: 'settings.manage' },
  /** Adds or changes a key area (re-evaluates the city's colours). */
  'keyAreas.save': {
    params: params(
      { ...keyAreaChange, reason: reason() },
      {
        effectiveFrom: () => ({ en: 'effectiveFrom is required', zh: '请填写生效日期' }),
        reason: () => ({ en: 'Say why the key area changes', zh: '请填写变更原因' }),
      },
    ),
    access: 'settings.manage',
  },
  /** The what-if of a key-area change by county: a dry run that changes nothing (key-area-whatif.ts). */
  'keyAreas.whatif': {
    params: params(keyAreaChange, { effectiveFrom: () => ({ en: 'effectiveFrom is required', zh: '请填写生效日期' }) }),
    access: 'settings.manage',
  },
  /** The published versions of the key areas, newest first (who, when, why). */
  'keyAreas.versions': { params: none(), access: 'settings.manage' },

  /** Cases by state (the queue's counts). */
  'cases.counts': { params: none(), access: 'cases.view' },
  /** The case queue: filtered, searched (whole ID number, phone, name, `#` case number), sorted by age, paged on the server. */
  'cases.list': { params: params({ ...caseFilters, ...page(200) }), access: 'cases.view' },
  /** Every case of one person, newest first (their page links to each). */
  'cases.ofPerson': { params: params({ ref: personRef() }), access: 'cases.view' },
  'cases.get': { params: params({ id: caseId() }), access: 'cases.view' },
  /** A step of the workflow with its written reason; refused (and nothing changes) if the state or role does not allow it. */
  'cases.move': {
    params: params(
      { id: caseId(), move: oneOf(CASE_MOVES), reason: reason() },
      { move: () => ({ en: 'say which step (move)', zh: '请指明操作' }) },
    ),
    access: 'cases.view',
  },
  /**
   * One step for several cases with one reason (BULK_MOVES), each moved as `cases.move` moves one;
   * a case that may not make it is reported (masked) with why, and the others still move.
   */
  'cases.moveMany': {
    params: params(
      { ids: caseIds(), move: oneOf(BULK_MOVES), reason: reason() },
      {
        ids: () => ({ en: 'say which cases (ids)', zh: '请选择案件' }),
        move: () => ({ en: 'say which step (move)', zh: '请指明操作' }),
      },
    ),
    access: 'cases.judge',
  },
  /** The queue as Excel: the filtered list, every page of it, masked. Audited. */
  'cases.export': { params: params({ ...caseFilters, target: exportTarget() }), access: 'cases.view' },
  /** An officer's suspicion about a person. */
  'cases.flag': { params: params({ ref: personRef(), behavior: optionalOneOf(BEHAVIORS), reason: reason() }), access: 'cases.flag' },
  /** Runs the fraud detectors now (they also run after every sync). */
  'cases.detect': { params: none(), access: 'cases.flag' },
  /** Credit records decided from `from` to `to` (both included). */
  'credit.list': { params: params({ from: optionalDay(), to: optionalDay(), ...page(500) }), access: 'cases.view' },
  /** The credit records as Excel, for the credit system. */
  'credit.export': {
    params: params({
      format: v.optional(oneOf(['xlsx'] as const), 'xlsx'),
      from: optionalDay(),
      to: optionalDay(),
      target: exportTarget(),
    }),
    access: 'credit.export',
  },
  /** One person's credit report, a print-ready page (HTML). */
  'credit.report': { params: params({ ref: personRef(), target: exportTarget() }), access: 'credit.export' },
  /** The notice list (通报名单) of a day: decisions and revocations. */
  'notices.list': { params: params({ day: optionalDay() }), access: 'cases.view' },
  'detect.settings': { params: none(), access: 'settings.manage' },
  'detect.saveSettings': { params: detectorSettingsParams, access: 'settings.manage' },

  /** The daily briefing's key figures for a date (default: the latest date the data reaches). */
  'briefing.preview': { params: params({ day: optionalDay(), trendFrom: optionalDay() }), access: 'briefing.export' },
  /** Writes the daily Excel briefing (BRIEFING.md); `trendFrom` starts the trend sheet (default 13 days before). */
  'briefing.export': {
    params: params(
      { day: isoDay(), trendFrom: optionalDay(), target: exportTarget() },
      { day: () => ({ en: 'day is required (YYYY-MM-DD)', zh: '请选择简报日期' }) },
    ),
    access: 'briefing.export',
  },
  /** The briefings exported lately, newest first. */
  'briefing.recent': { params: params({ limit: wholeNumberOr(1, 100, 10) }), access: 'briefing.export' },
  /** Which counties signed off their figures of a day (default: the dashboard's day), by whom, and what changed since. */
  'signoff.status': { params: params({ day: optionalDay() }), access: 'dashboard.view' },
  /** A county's designated officer signs off their county's figures of a day (issue 17); audited, append-only. */
  'signoff.sign': {
    params: params({ day: isoDay(), county: countyCode() }, { day: () => ({ en: 'day is required (YYYY-MM-DD)', zh: '请选择签发日期' }) }),
    access: 'county.signoff',
  },
  ...REPORT_METHODS,
} as const satisfies Record<string, MethodSpec>;
