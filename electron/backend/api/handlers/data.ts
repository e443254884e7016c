/** Handlers of the Data screen: overview, sync, rejected rows, drag-and-drop import. */
import { basename } from 'node:path';
import type {
  DataOverview,
  ExportResult,
  FeedStatus,
  ImportPreview,
  ImportSummary,
  JobState,
  RejectsPage,
  SyncRunSummary,
} from '../../../../shared/contract/data.ts';
import { FEED_NAMES, feedSchema } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { maskIdentifiers, maskPersonId, maskPhone } from '../../../../shared/domain/masking.ts';
import { consoleSettings } from '../../settings/console-settings.ts';
import { demoAllowed } from '../../app/first-start.ts';
import { audit } from '../../audit/audit-log.ts';
import type { Db } from '../../db/database.ts';
import { lastImportTimes } from '../../import/batches.ts';
import { exportRejects } from '../../rejects/export-rejects.ts';
import { countRejects, listRejects } from '../../rejects/rejects.ts';
import { exchangeDirectoryProblem } from '../../sync/exchange-directory.ts';
import { isPostgresSource } from '../../exchange-db/pg-source.ts';
import { resolvePostgresSource } from '../../exchange-db/resolve-source.ts';
import { testDirectorySource, testPostgresSource } from '../../exchange-db/test-source.ts';
import type { ExchangeTestResult } from '../../../../shared/contract/data.ts';
import { can } from '../../../../shared/domain/roles.ts';
import { previewImport } from '../../uploads/import-preview.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { exportResult, exportTarget } from '../export-target.ts';
import { type CallContext, sessionOf } from '../context.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

/** Syncs and imports change the whole city: a county's duty officer cannot run them. */
function requireCityWide(ctx: CallContext): void {
  if (sessionOf(ctx).user.county) throw ApiFailure.because('forbidden', { code: 'data.cityWideOnly' });
}

export function feedStatuses(db: Db): FeedStatus[] {
  const last = lastImportTimes(db);
  const rejected = new Map(
    (db.prepare('SELECT feed, count(*) AS n FROM rejected_rows GROUP BY feed').all() as { feed: string; n: number }[]).map((r) => [
      r.feed,
      r.n,
    ]),
  );
  return FEED_NAMES.map((f) => ({
    feed: f,
    // Table names come from the feed list, never from input. count(*) on the big tables reads an index.
    rows: (db.prepare(`SELECT count(*) AS n FROM ${f}`).get() as { n: number }).n,
    lastImportAt: last.get(f) ?? null,
    rejected: rejected.get(f) ?? 0,
  }));
}

export function syncHistory(db: Db, limit: number): SyncRunSummary[] {
  return db
    .prepare(
      `SELECT id, source, status, started_at AS startedAt, finished_at AS finishedAt, files, rows_read AS read, accepted, duplicates, rejected
       FROM sync_runs ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as SyncRunSummary[];
}

export function dataOverview(ctx: CallContext): DataOverview {
  const db = ctx.services.db;
  return {
    feeds: feedStatuses(db),
    syncs: syncHistory(db, 20),
    syncSource: consoleSettings(db).syncSource,
    syncPasswordStored: consoleSettings(db).exchangePasswordStored,
    job: ctx.services.jobs.current(),
  };
}

export function loadDemo(ctx: CallContext): JobState {
  requireCityWide(ctx);
  if (!demoAllowed(ctx.services.db)) throw ApiFailure.because('conflict', { code: 'data.demoNeedsEmpty' });
  return ctx.services.jobs.start({ kind: 'demo' }, sessionOf(ctx).user.name);
}

export function syncStart(ctx: CallContext, p: ValidParams<'sync.start'>): JobState {
  requireCityWide(ctx);
  const source = p.source ?? consoleSettings(ctx.services.db).syncSource;
  if (!source) throw ApiFailure.because('bad_request', { code: 'data.noExchangeDirectory' });
  // Said at once, before a job starts: a folder deleted (or a share disconnected) since it was saved,
  // or a path saved before paths were checked.
  if (!isPostgresSource(source)) {
    const problem = exchangeDirectoryProblem(source, { absolute: true });
    if (problem) throw ApiFailure.badRequest(problem.message, problem.messageZh);
  }
  return ctx.services.jobs.start({ kind: 'sync', source }, sessionOf(ctx).user.name);
}

/**
 * "Test connection". The saved source, with its kept password, for whoever may sync; one being typed
 * (another address, a new password) only for administrators, who are setting it up: a password
 * typed here is used for this test and not kept.
 */
export async function syncTestSource(ctx: CallContext, p: ValidParams<'sync.testSource'>): Promise<ExchangeTestResult> {
  requireCityWide(ctx);
  const db = ctx.services.db;
  const saved = consoleSettings(db).syncSource;
  const typed = p.source?.trim() || null;
  const role = sessionOf(ctx).user.role;
  const setsUp = (typed !== null && typed !== saved) || p.password !== undefined;
  if (!can(role, 'settings.manage') && (setsUp || !can(role, 'data.sync'))) {
    throw ApiFailure.because('forbidden', { code: 'auth.roleMayNot', params: { method: 'sync.testSource' } });
  }
  const source = typed ?? saved;
  if (!source) throw ApiFailure.because('bad_request', { code: 'data.noExchangeDirectory' });
  if (!isPostgresSource(source)) return testDirectorySource(source);
  return testPostgresSource(db, resolvePostgresSource(db, { url: source, ...(p.password !== undefined ? { password: p.password } : {}) }));
}

export function syncCancel(ctx: CallContext): JobState | null {
  // Cancelling stops a city-wide change: the same people as may start one.
  requireCityWide(ctx);
  const job = ctx.services.jobs.cancel();
  // The job's own entry names who started it; this one who stopped it (and when).
  if (job)
    audit(ctx.services.db, {
      user: sessionOf(ctx).user.name,
      action: 'sync.cancel',
      target: `job:${job.id}`,
      details: { job: job.id, kind: job.kind },
      at: ctx.services.now(),
    });
  return job;
}

/**
 * A rejected value as the list shows it: masked in an ID-number or phone column, and wherever it
 * looks like one, for every role. The list is for finding what to fix; nobody unmasks here (the
 * audited way to see a person's number is their page), and the export for the department, which
 * must carry the full values, is audited on its own.
 */
export function maskRejectValue(type: string | undefined, value: string): string {
  if (type === 'person_id') return maskPersonId(value);
  if (type === 'phone') return maskPhone(value);
  return maskIdentifiers(value);
}

export function rejectsList(ctx: CallContext, p: ValidParams<'rejects.list'>): RejectsPage {
  // Rejected rows belong to files, not counties: a county-scoped user does not see them.
  requireCityWide(ctx);
  const db = ctx.services.db;
  const filter = { ...(p.feed !== undefined ? { feed: p.feed } : {}), ...(p.batchId !== undefined ? { batchId: p.batchId } : {}) };
  const q = { ...filter, offset: p.offset, limit: p.limit };
  const rows = listRejects(db, q).map((r) => {
    const type = feedSchema(r.feed)?.columns.find((c) => c.name === r.column)?.type;
    return {
      id: r.id,
      feed: r.feed,
      file: r.file,
      line: r.line,
      fromTable: r.from_table === 1,
      column: r.column,
      value: maskRejectValue(type, r.value),
      reason: r.reason,
      reasonZh: r.reason_zh,
    };
  });
  return { rows, total: countRejects(db, filter) };
}

/** Writes the export where the desktop's save dialog said, or to a download for the browser. */
export async function rejectsExport(ctx: CallContext, p: ValidParams<'rejects.export'>): Promise<ExportResult> {
  requireCityWide(ctx);
  const { feed: f, format } = p;
  const fileName = `${f}-rejects.${format}`;
  const target = exportTarget(ctx, p, fileName);
  const rows = await exportRejects(ctx.services.db, f, target.path);
  audit(ctx.services.db, {
    user: sessionOf(ctx).user.name,
    action: 'export.rejects',
    target: `feed:${f}`,
    details: { rows, format, file: basename(target.path) },
    at: ctx.services.now(),
  });
  return exportResult(ctx, target, fileName, rows);
}

export function uploadBegin(ctx: CallContext, p: ValidParams<'upload.begin'>): { uploadId: string } {
  requireCityWide(ctx);
  const u = ctx.services.uploads.begin(p.name, p.size, sessionOf(ctx).user.name);
  return { uploadId: u.id };
}

export function uploadChunk(ctx: CallContext, p: ValidParams<'upload.chunk'>): { received: number } {
  const data = Buffer.from(p.base64, 'base64');
  const u = ctx.services.uploads.chunk(p.uploadId, p.offset, data, sessionOf(ctx).user.name);
  return { received: u.received };
}

export async function importPreview(ctx: CallContext, p: ValidParams<'import.preview'>): Promise<ImportPreview> {
  const u = ctx.services.uploads.complete(p.uploadId, sessionOf(ctx).user.name);
  return previewImport(u, p.feed);
}

export function importCommit(ctx: CallContext, p: ValidParams<'import.commit'>): JobState {
  requireCityWide(ctx);
  const u = ctx.services.uploads.complete(p.uploadId, sessionOf(ctx).user.name);
  const job = ctx.services.jobs.start(
    { kind: 'import', path: u.path, fileName: u.name, feed: p.feed, strict: p.strict, confirmReplace: p.confirmReplace },
    sessionOf(ctx).user.name,
  );
  // Kept while the job reads it, removed when it ends (uploads.ts).
  ctx.services.uploads.importing(u.id, job.id);
  return job;
}

export function importResult(ctx: CallContext, p: ValidParams<'import.result'>): ImportSummary | null {
  const r = ctx.services.jobs.result(p.jobId)?.report?.importOutcome;
  if (!r) return null;
  return {
    file: basename(r.file),
    feed: r.feed,
    status: r.status,
    read: r.read,
    accepted: r.accepted,
    duplicates: r.duplicates,
    rejected: r.rejected,
    error: r.error,
    replaces: r.replaces ?? 0,
    batchId: r.batchId,
  };
}
