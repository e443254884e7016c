/**
 * Handlers of the audit screen (issue 16; administrators and credit staff, city-wide accounts only:
 * the dispatch refuses county accounts, roles.ts CITY_WIDE_PERMISSIONS). Every read of the log is
 * itself an entry of it: the list (`audit.read`), the check (`audit.verify`) and the export
 * (`audit.export`), each with its filters, a person by keyed hash and masked ID only.
 */
import type { ValidParams } from '../../../../shared/contract/api.ts';
import { type AuditPage, type AuditVerification, auditTimeBound } from '../../../../shared/contract/audit.ts';
import type { ExportResult } from '../../../../shared/contract/data.ts';
import { formatInstant } from '../../../../shared/domain/local-date.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { normalizePersonId } from '../../../../shared/domain/person-id.ts';
import { type AuditHead, GENESIS_HASH, auditHead } from '../../audit/audit-chain.ts';
import { type AuditQuery, auditPage, newestAuditId } from '../../audit/audit-list.ts';
import { audit } from '../../audit/audit-log.ts';
import { writeAuditWorkbook } from '../../audit/audit-workbook.ts';
import type { VerifyResult } from '../../audit/audit-verify.ts';
import { verifyAuditInWorker } from '../../audit/verify-in-worker.ts';
import type { Db } from '../../db/database.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { writeAtomically } from '../../files/write-atomically.ts';
import { auditTargetOf } from '../../people/people-service.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { exportResult, exportTarget } from '../export-target.ts';

/** An export holds the newest entries up to this many; the sheet says when it was cut. */
export const AUDIT_EXPORT_ROWS = 100_000;

type Filters = ValidParams<'audit.list'> | ValidParams<'audit.export'>;

interface Resolved {
  query: AuditQuery;
  /** The person's keyed hash, the target of the read's own entry (who looked at whose trail). */
  target: string | null;
  /** The filters as the read's entry and the export's subtitle say them (no person's ID). */
  said: Record<string, string | number>;
}

/** The ID number of the person filtered on: typed (checked by the schema), or behind a reference of this session. */
function personOf(ctx: CallContext, p: Filters): string | null {
  if (p.personId !== undefined) return normalizePersonId(p.personId);
  if (p.personRef === undefined) return null;
  const id = ctx.services.refs.fromRef(p.personRef, sessionOf(ctx));
  if (id === null) throw ApiFailure.because('not_found', { code: 'audit.noSuchPerson' });
  return id;
}

function resolve(ctx: CallContext, p: Filters): Resolved {
  const db = ctx.services.db;
  const fromMs = p.from === undefined ? undefined : auditTimeBound(p.from, 'from')!;
  const toMs = p.to === undefined ? undefined : auditTimeBound(p.to, 'to')!;
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) throw ApiFailure.because('bad_request', { code: 'audit.toBeforeFrom' });
  const personId = personOf(ctx, p);
  const target = personId === null ? null : auditTargetOf(db, personId);
  const upTo = p.upTo ?? newestAuditId(db);
  const said: Record<string, string | number> = { upTo };
  if (p.user !== undefined) said.user = p.user;
  if (p.action !== undefined) said.action = p.action;
  if (personId !== null) said.person = maskPersonId(personId);
  if (p.from !== undefined) said.from = p.from;
  if (p.to !== undefined) said.to = p.to;
  return { query: { upTo, user: p.user, action: p.action, target: target ?? undefined, fromMs, toMs }, target, said };
}

function auditRead(ctx: CallContext, action: string, r: Resolved, details: Record<string, string | number | boolean | null>): void {
  audit(ctx.services.db, {
    user: sessionOf(ctx).user.name,
    action,
    target: r.target,
    details: { ...r.said, ...details },
    at: ctx.services.now(),
  });
}

export function list(ctx: CallContext, p: ValidParams<'audit.list'>): AuditPage {
  const r = resolve(ctx, p);
  const page = auditPage(ctx.services.db, r.query, p.offset, p.limit);
  // After the read: the page shows the log as it was asked for; the next list shows this read too.
  auditRead(ctx, 'audit.read', r, { offset: p.offset, limit: p.limit, total: page.total });
  return { ...page, upTo: r.query.upTo };
}

/**
 * The head the check vouches for: the last entry it verified (ids run 1..n in an intact chain), not
 * the newest now: other users append while the worker reads. A broken chain vouches for nothing,
 * and the newest entry is shown.
 */
function verifiedHead(db: Db, v: VerifyResult): AuditHead {
  if (!v.ok) return auditHead(db);
  if (v.entries === 0) return { id: 0, hash: GENESIS_HASH, at: null };
  return db.prepare('SELECT id, hash, at FROM audit_log WHERE id = ?').get(v.entries) as AuditHead;
}

export async function verify(ctx: CallContext): Promise<AuditVerification> {
  const db = ctx.services.db;
  const started = performance.now();
  const v = await verifyAuditInWorker(db);
  const ms = Math.round(performance.now() - started);
  const head = verifiedHead(db, v);
  const a = v.ok && v.anchor?.state === 'ok' ? v.anchor : null;
  // The anchor's time is written in UTC; the screen shows Binzhou's, as every other time.
  const anchor = a ? { id: a.id!, hash: a.hash!, writtenAt: formatInstant(Date.parse(a.written_at!)) } : null;
  audit(db, {
    user: sessionOf(ctx).user.name,
    action: 'audit.verify',
    details: { ok: v.ok, entries: v.entries, first_broken: v.first_broken, problem: v.problem ?? null, head: head.id, ms },
    at: ctx.services.now(),
  });
  return {
    ok: v.ok,
    entries: v.entries,
    firstBroken: v.first_broken,
    problem: v.problem ?? null,
    head: { id: head.id, hash: head.hash, at: head.at === null ? null : formatInstant(head.at) },
    anchor,
    ms,
  };
}

/** The filters as the sheet's subtitle says them. */
function filterText(said: Record<string, string | number>): string {
  const words: Record<string, string> = { user: '用户', action: '操作', person: '人员', from: '起', to: '止' };
  return Object.entries(words)
    .filter(([k]) => said[k] !== undefined)
    .map(([k, w]) => `${w}=${said[k]}`)
    .join('，');
}

export async function exportList(ctx: CallContext, p: ValidParams<'audit.export'>): Promise<ExportResult> {
  const db = ctx.services.db;
  const r = resolve(ctx, p);
  const { rows, total } = auditPage(db, r.query, 0, AUDIT_EXPORT_ROWS);
  const head = auditHead(db);
  const fileName = `审计日志-${formatInstant(ctx.services.now()).slice(0, 10)}.xlsx`;
  const target = exportTarget(ctx, p, fileName);
  const setup = { filters: filterText(r.said), head, total };
  await writeAtomically(target.path, (partial) => writeAuditWorkbook(partial, rows, setup, sessionOf(ctx).user.name));
  auditRead(ctx, 'audit.export', r, { rows: rows.length, total });
  return exportResult(ctx, target, fileName, rows.length);
}
