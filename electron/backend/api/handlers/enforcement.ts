/**
 * Handlers of the Enforcement screen (信用监管), scoped to the user's county when they have one: people
 * and cases only through api/county-scope, lists always filtered to the session's county.
 */
import type {
  BulkMoveRefusal,
  BulkMoveResult,
  CaseDetail,
  CasePage,
  CaseSummary,
  CreditRecordView,
  DetectorSettings,
  NoticeView,
} from '../../../../shared/contract/enforcement.ts';
import type { ExportResult } from '../../../../shared/contract/data.ts';
import type { Behavior, CaseMove, CaseState } from '../../../../shared/domain/cases.ts';
import { type Day, dayOfInstant, formatDay } from '../../../../shared/domain/local-date.ts';
import { maskName, maskPersonId } from '../../../../shared/domain/masking.ts';
import { can } from '../../../../shared/domain/roles.ts';
import { audit } from '../../audit/audit-log.ts';
import { caseDetail, caseSummary, creditView } from '../../enforcement/case-views.ts';
import { type MoveResult, flagCase, getCase, requireReason } from '../../enforcement/cases.ts';
import { countsByState, listCases, readCaseSearch } from '../../enforcement/case-list.ts';
import { exportCaseQueue } from '../../enforcement/case-export.ts';
import { caseFilterWords, searchForAudit } from '../../enforcement/case-filter-words.ts';
import { creditReportHtml } from '../../enforcement/credit-report.ts';
import { exportCreditRecords } from '../../enforcement/credit-export.ts';
import { listCreditRecords } from '../../enforcement/credit-records.ts';
import { detectorSettings, saveDetectorSettings } from '../../enforcement/detectors/detector-settings.ts';
import { detectCases } from '../../pipelines/detect-cases.ts';
import { noticeList } from '../../enforcement/notices.ts';
import { auditTargetOf } from '../../people/people-service.ts';
import { takeCaseStep } from '../../pipelines/case-step.ts';
import { defaultAsOfDay } from '../../clock/database-clock.ts';
import { writeTextAtomically } from '../../files/write-atomically.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { exportResult, exportTarget } from '../export-target.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { caseInScope, countyScope as scope, refOf, resolvePerson, scopedCounty } from '../county-scope.ts';
import { takeUnmasking } from '../unmask-allowance.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

/** References in what this handler returns are made for the caller's session. */
const refsFor = (ctx: CallContext) => (personId: string) => refOf(ctx, personId);

export function counts(ctx: CallContext): Record<CaseState, number> {
  return countsByState(ctx.services.db, scope(ctx));
}

/** The queue's filters as the list and its export read them (a county account always gets its own county). */
function caseQuery(ctx: CallContext, p: ValidParams<'cases.list'> | ValidParams<'cases.export'>) {
  const search = p.search === undefined ? undefined : readCaseSearch(p.search);
  return { state: p.state, behavior: p.behavior, county: scopedCounty(ctx, p.county), search, sort: p.sort };
}

export function list(ctx: CallContext, p: ValidParams<'cases.list'>): CasePage {
  const q = caseQuery(ctx, p);
  const r = listCases(ctx.services.db, { ...q, offset: p.offset, limit: p.limit });
  return {
    rows: r.rows.map((c) => caseSummary(ctx.services.db, refsFor(ctx), c)),
    total: r.total,
    now: ctx.services.now(),
    searchedAs: q.search?.kind ?? null,
  };
}

/** A person's cases for their page; only those the caller's county may open (a case is filed in the county of its opening). */
export function ofPerson(ctx: CallContext, p: ValidParams<'cases.ofPerson'>): CaseSummary[] {
  const personId = resolvePerson(ctx, p.ref);
  return listCases(ctx.services.db, { personId, county: scope(ctx) }).rows.map((c) => caseSummary(ctx.services.db, refsFor(ctx), c));
}

export function get(ctx: CallContext, p: ValidParams<'cases.get'>): CaseDetail {
  const c = caseInScope(ctx, p.id);
  return caseDetail(ctx.services.db, refsFor(ctx), c, sessionOf(ctx).user.role, ctx.services.now());
}

/**
 * One step of one case: the county check, the step with its audit entries and decision outbox
 * (enforcement/cases.ts moveCase), then the colours it changed. `cases.move` and `cases.moveMany`
 * both take every step through here.
 */
async function takeStep(ctx: CallContext, id: number, move: CaseMove, reason: string): Promise<MoveResult> {
  const s = sessionOf(ctx);
  const c = caseInScope(ctx, id);
  return takeCaseStep(ctx.services.db, {
    id: c.id,
    move,
    user: { name: s.user.name, role: s.user.role },
    reason,
    at: ctx.services.now(),
  });
}

/** Colours changed: the dashboard reloads, and the platform must hear of every such outcome (decision-outbox.ts). */
function coloursChanged(ctx: CallContext): void {
  ctx.services.events.publish({ type: 'data-changed' });
  ctx.services.jobs.decisionsMade();
}

export async function move(ctx: CallContext, p: ValidParams<'cases.move'>): Promise<CaseDetail> {
  // The colour effect shows at once: the step evaluates the person's history (and the county sums).
  const result = await takeStep(ctx, p.id, p.move, p.reason);
  if (result.coloursChanged) coloursChanged(ctx);
  return caseDetail(ctx.services.db, refsFor(ctx), result.row, sessionOf(ctx).user.role, ctx.services.now());
}

/**
 * The same step for each case in turn, each in its own transaction as a single move is: a case
 * that may not make it (its state, the county, a case moved meanwhile) keeps its state and is
 * reported with the refusal a single move gets; the others move. A missing reason refuses the
 * whole request before anything moves.
 */
export async function moveMany(ctx: CallContext, p: ValidParams<'cases.moveMany'>): Promise<BulkMoveResult> {
  requireReason(p.reason);
  const moved: number[] = [];
  const refused: BulkMoveRefusal[] = [];
  let colours = false;
  for (const id of p.ids) {
    try {
      colours = (await takeStep(ctx, id, p.move, p.reason)).coloursChanged || colours;
      moved.push(id);
    } catch (err) {
      refused.push(refusalOf(ctx, id, err));
    }
  }
  if (colours) coloursChanged(ctx);
  return { moved, refused };
}

const STEP_FAILED = ApiFailure.because('internal', { code: 'cases.stepFailed' }).error;

/** A refused case named masked, if the caller may see it at all; an unexpected failure said as dispatch says one. */
function refusalOf(ctx: CallContext, id: number, err: unknown): BulkMoveRefusal {
  // Internal details stay in the log (as dispatch keeps them); the page gets words a person can act on.
  if (!(err instanceof ApiFailure)) console.error(`api cases.moveMany failed on case ${id}: ${(err as Error).message}`);
  const error = err instanceof ApiFailure ? err.error : STEP_FAILED;
  const c = getCase(ctx.services.db, id);
  const county = scope(ctx);
  if (!c || (county !== null && c.county_code !== county)) return { id, idMasked: null, nameMasked: null, error };
  const view = caseSummary(ctx.services.db, refsFor(ctx), c);
  return { id, idMasked: view.idMasked, nameMasked: view.nameMasked, error };
}

/** The queue as Excel, masked: the filtered list, all of it, in the queue's order; audited without naming anyone. */
export async function exportCases(ctx: CallContext, p: ValidParams<'cases.export'>): Promise<ExportResult> {
  const s = sessionOf(ctx);
  const q = caseQuery(ctx, p);
  const now = ctx.services.now();
  const fileName = `案件队列-${formatDay(dayOfInstant(now))}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  const rows = await exportCaseQueue(ctx.services.db, target.path, { query: q, filters: caseFilterWords(q), now, by: s.user.name });
  audit(ctx.services.db, {
    user: s.user.name,
    action: 'export.cases',
    details: {
      rows,
      state: q.state ?? null,
      behavior: q.behavior ?? null,
      county: q.county,
      sort: q.sort ?? 'newest',
      search: q.search ? searchForAudit(q.search) : null,
    },
    at: now,
  });
  return exportResult(ctx, target, fileName, rows);
}

export function flag(ctx: CallContext, p: ValidParams<'cases.flag'>): CaseDetail {
  const s = sessionOf(ctx);
  const personId = resolvePerson(ctx, p.ref);
  const behavior = p.behavior ?? 'other';
  const id = flagCase(ctx.services.db, {
    personId,
    behavior,
    reason: p.reason,
    role: s.user.role,
    user: s.user.name,
    at: ctx.services.now(),
  });
  return caseDetail(ctx.services.db, refsFor(ctx), getCase(ctx.services.db, id)!, s.user.role, ctx.services.now());
}

/** The detectors now: the same use case as `hcc detect` (colours brought up to date first, audited as detect.run). */
export async function detect(ctx: CallContext): Promise<{ opened: number }> {
  const r = await detectCases(ctx.services.db, { actor: { user: sessionOf(ctx).user.name, now: ctx.services.now } });
  if (r.opened.length) ctx.services.events.publish({ type: 'data-changed' });
  // The detectors run city-wide (as after every sync); a county account hears of its county's cases only.
  const county = scope(ctx);
  return {
    opened: county === null ? r.opened.length : r.opened.filter((id) => getCase(ctx.services.db, id)?.county_code === county).length,
  };
}

export function credits(ctx: CallContext, p: ValidParams<'credit.list'>): { rows: CreditRecordView[]; total: number } {
  const r = listCreditRecords(ctx.services.db, { county: scope(ctx), ...creditPeriod(p), offset: p.offset, limit: p.limit });
  return { rows: r.rows.map((c) => creditView(ctx.services.db, refsFor(ctx), c)), total: r.total };
}

/** The decision dates asked for (both ends included); a period that ends before it starts is a mistake. */
function creditPeriod(p: { from?: Day | undefined; to?: Day | undefined }): { from?: Day; to?: Day } {
  const { from, to } = p;
  if (from !== undefined && to !== undefined && to < from) throw ApiFailure.because('bad_request', { code: 'credit.toBeforeFrom' });
  return { from, to };
}

/** Credit supervision may see full identities in its exports; the export is audited either way. */
export async function creditExport(ctx: CallContext, p: ValidParams<'credit.export'>): Promise<ExportResult> {
  const s = sessionOf(ctx);
  const period = creditPeriod(p);
  const span =
    period.from !== undefined || period.to !== undefined
      ? `${period.from === undefined ? '' : formatDay(period.from)}至${period.to === undefined ? '' : formatDay(period.to)}`
      : formatDay(dayOfInstant(ctx.services.now()));
  const fileName = `诚信记录-${span}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  const unmasked = can(s.user.role, 'people.unmask');
  if (unmasked) takeUnmasking(ctx, 'credit.export');
  const rows = await exportCreditRecords(ctx.services.db, target.path, { unmasked, county: scope(ctx), ...period });
  const auditPeriod = {
    from: period.from === undefined ? null : formatDay(period.from),
    to: period.to === undefined ? null : formatDay(period.to),
  };
  audit(ctx.services.db, {
    user: s.user.name,
    action: 'export.credit_records',
    details: { rows, unmasked, ...auditPeriod },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, rows);
}

export function creditReport(ctx: CallContext, p: ValidParams<'credit.report'>): ExportResult {
  const s = sessionOf(ctx);
  const personId = resolvePerson(ctx, p.ref);
  const unmasked = can(s.user.role, 'people.unmask');
  const fileName = `诚信记录报告-${maskPersonId(personId).replace(/\*/g, 'x')}.html`;
  const target = exportTarget(ctx, p, fileName);
  if (unmasked) takeUnmasking(ctx, 'credit.report');
  const report = creditReportHtml(ctx.services.db, { personId, unmasked, generatedBy: s.user.name, generatedAt: ctx.services.now() });
  writeTextAtomically(target.path, report.html);
  audit(ctx.services.db, {
    user: s.user.name,
    action: 'export.credit_report',
    target: auditTargetOf(ctx.services.db, personId),
    details: { records: report.records, unmasked },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, report.records);
}

/** `today` on the database's clock: a demo city's decisions made now are on its own day's list. */
export function notices(ctx: CallContext, p: ValidParams<'notices.list'>): { day: string; today: string; rows: NoticeView[] } {
  const d = p.day ?? defaultAsOfDay(ctx.services.db, ctx.services.now);
  const rows = noticeList(ctx.services.db, d, scope(ctx)).map((n) => ({
    kind: n.kind,
    number: n.number,
    idMasked: maskPersonId(n.person_id),
    nameMasked: n.name ? maskName(n.name) : null,
    county: n.county_code,
    behavior: n.behavior as Behavior,
    decidedAt: n.decided_at,
    revokedAt: n.revoked_at,
  }));
  return { day: formatDay(d), today: formatDay(dayOfInstant(ctx.services.now())), rows };
}

export function settings(ctx: CallContext): DetectorSettings {
  return detectorSettings(ctx.services.db);
}

export function saveSettings(ctx: CallContext, p: ValidParams<'detect.saveSettings'>): DetectorSettings {
  const saved = saveDetectorSettings(ctx.services.db, p);
  audit(ctx.services.db, { user: sessionOf(ctx).user.name, action: 'detect.settings', details: { ...saved }, at: ctx.services.now() });
  return saved;
}
