/**
 * Importing one file of one feed into the dynamic database, with full accounting: every row read
 * ends accepted, duplicate or rejected, and the batch's counts always add up. Each chunk commits in
 * one transaction together with the batch's counts and resume point, so a killed import resumes
 * exactly after the last committed row; in strict mode the whole file is one transaction that
 * commits only if no row is bad.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { replaceQuestion } from '../../../shared/domain/feeds/replace-confirmation.ts';
import { plausibleWindow } from '../../../shared/domain/feeds/plausible-window.ts';
import type { Db } from '../db/database.ts';
import { addBatchCounts, createBatch, findResumableBatch, finishBatch, getBatch, insertRejects, setBatchHeader } from './batches.ts';
import { databaseClock } from '../clock/database-clock.ts';
import { latestDataDay } from '../clock/data-days.ts';
import { writerFor } from './feed-writers/index.ts';
import { checkReplacements } from './replace-check.ts';
import { fileFormat } from './row-source.ts';
import { fileVersionTime } from './file-version.ts';
import type { OpenedInfo, RejectRecord } from './parse-chunks.ts';
import { type ParseRunner, createParseRunner } from './parse-runner.ts';

export interface ImportRequest {
  path: string;
  /** The name the file had for its sender (an upload is stored under another): shown and used for its date. */
  displayName?: string;
  feed: FeedName;
  origin: 'import' | 'sync';
  strict?: boolean;
  /**
   * A hand import of an upsert file that would replace many stored values stops before writing
   * and asks (status `needs_confirmation`) unless this is set. Syncs are never asked.
   */
  confirmReplace?: boolean;
  /** Runs inside the transaction that finishes the batch (sync marks its file state there). */
  onFinish?: (db: Db, outcome: ImportOutcome) => void;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  runner?: ParseRunner;
  now?: () => number;
}

export interface ImportProgress {
  file: string;
  feed: FeedName;
  read: number;
  /** Share of the file read so far (CSV by bytes), when known. */
  fraction: number | null;
}

export type ImportStatus = 'done' | 'failed' | 'unreadable' | 'cancelled' | 'needs_confirmation';

export interface ImportOutcome {
  batchId: number | null;
  file: string;
  feed: FeedName;
  status: ImportStatus;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  ignoredColumns: string[];
  resumedAfterLine: number;
  hash: string | null;
  error: { en: string; zh: string } | null;
  /** Stored records the file would give other values (counted for hand imports of upsert feeds). */
  replaces?: number;
}

/** Rejected rows kept in memory for a strict import that fails (enough for a clerk to act on). */
const STRICT_REJECTS_KEPT = 10_000;

/**
 * Chunks are committed in groups: every commit is an fsync (synchronous=FULL) and writes every page
 * the group touched, so committing each 4,096-row chunk spent a third of an import on the disk,
 * and at city scale (rows landing all over the tree) 65,536-row groups still halved the speed. A
 * group ends after this many rows or this long, whichever comes first; a kill loses at most the
 * open group, which the resume point (committed with it) makes the next run read again.
 * HCC_COMMIT_ROWS overrides the size (tests use small groups to kill a sync mid-file).
 */
const COMMIT_ROWS = Number(process.env.HCC_COMMIT_ROWS ?? 524_288);
const COMMIT_MS = 5_000;

export async function importFile(db: Db, req: ImportRequest): Promise<ImportOutcome> {
  const runner = req.runner ?? createParseRunner();
  try {
    return await run(db, req, runner);
  } finally {
    if (!req.runner) await runner.close();
  }
}

async function run(db: Db, req: ImportRequest, runner: ParseRunner): Promise<ImportOutcome> {
  const now = req.now ?? databaseClock(db);
  const path = realPath(resolve(req.path));
  const fileName = req.displayName ?? basename(path);
  const writer = writerFor(req.feed);
  const strict = req.strict ?? false;
  // A workbook can turn out damaged half-way (a broken shared string, a limit passed), and a file
  // that cannot be read is stored not at all (EXCHANGE.md): a workbook is imported in one
  // transaction, as a strict import is. A kill then loses the whole file's work, and the next run
  // reads it again from the start. CSV rows are independent, so CSV commits in groups and resumes.
  const whole = strict || fileFormat(path) === 'xlsx';
  const outcome: ImportOutcome = {
    batchId: null,
    file: req.displayName ?? req.path,
    feed: req.feed,
    status: 'done',
    read: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    ignoredColumns: [],
    resumedAfterLine: 0,
    hash: null,
    error: null,
  };
  let versionTime = 0;
  const startBatch = (info: OpenedInfo): number => {
    outcome.hash = info.hash;
    versionTime = fileVersionTime(path, req.displayName);
    if (!whole) {
      const previous = findResumableBatch(db, path, info.hash, req.feed);
      if (previous) {
        outcome.batchId = previous.id;
        outcome.resumedAfterLine = previous.resume_line;
        versionTime = previous.version_time;
        return previous.resume_line;
      }
    } else {
      db.exec('BEGIN IMMEDIATE');
    }
    outcome.batchId = createBatch(db, {
      feed: req.feed,
      fileName,
      filePath: path,
      fileHash: info.hash,
      fileSize: info.size,
      versionTime,
      encoding: info.encoding,
      origin: req.origin,
      strict,
      status: 'running',
      startedAt: now(),
    });
    return 0;
  };

  const size = fileSizeOrZero(path);
  // The window of plausible dates, from the database's clock and the newest data (EXCHANGE.md).
  const window = plausibleWindow(now(), latestDataDay(db));
  if (req.origin === 'import' && !req.confirmReplace) {
    const check = await checkReplacements(db, { path, feed: req.feed, window }, size, runner);
    outcome.replaces = check.replaces;
    if (check.needsConfirmation) {
      const schema = feedSchema(req.feed)!;
      return { ...outcome, status: 'needs_confirmation', error: replaceQuestion(schema.zh, schema.name, check.replaces) };
    }
  }
  const strictRejects: RejectRecord[] = [];
  const events = runner.parse({ path, feed: req.feed, window }, size, startBatch);
  let unreadableError: { en: string; zh: string } | null = null;
  let chunksSeen = false;
  // Kept for a strict import that fails: its batch is written again after the rollback, and the
  // rejects export needs the file's own column order.
  let header: { header: readonly string[]; ignored: readonly string[] } | null = null;
  let present: readonly boolean[] = [];
  let groupRows = 0;
  let groupStarted = 0;
  const commitGroup = () => {
    if (!whole && db.inTransaction) db.exec('COMMIT');
    groupRows = 0;
  };
  try {
    for await (const event of events) {
      if (event.type === 'unreadable') {
        unreadableError = { en: event.en, zh: event.zh };
        break;
      }
      const batchId = outcome.batchId!;
      if (event.type === 'header') {
        outcome.ignoredColumns = event.ignored;
        header = { header: event.header, ignored: event.ignored };
        present = event.present;
        db.transaction(() => setBatchHeader(db, batchId, event.header, event.ignored))();
        continue;
      }
      chunksSeen = true;
      if (!whole && !db.inTransaction) {
        db.exec('BEGIN IMMEDIATE');
        groupStarted = performance.now();
      }
      const written = db.transaction(() => {
        const w = writer.write(db, event.prepared, { batchId, versionTime, present });
        const rejected = event.rejects.length;
        if (!strict || rejected === 0)
          insertRejects(db, { batchId, feed: req.feed, fileName, fileHash: outcome.hash ?? '' }, event.rejects);
        addBatchCounts(db, batchId, { read: event.read, ...w, rejected, resumeLine: event.lastLine });
        return w;
      })();
      outcome.read += event.read;
      outcome.accepted += written.accepted;
      outcome.duplicates += written.duplicates;
      outcome.rejected += event.rejects.length;
      if (strict) for (const r of event.rejects) if (strictRejects.length < STRICT_REJECTS_KEPT) strictRejects.push(r);
      groupRows += event.read;
      if (groupRows >= COMMIT_ROWS || performance.now() - groupStarted >= COMMIT_MS || req.signal?.aborted) commitGroup();
      req.onProgress?.({ file: req.path, feed: req.feed, read: outcome.read, fraction: event.fraction });
      if (req.signal?.aborted) {
        outcome.status = 'cancelled';
        break;
      }
    }
    commitGroup();
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  return finish(db, req, outcome, {
    unreadableError,
    chunksSeen,
    strict,
    whole,
    header,
    strictRejects,
    fileName,
    versionTime,
    path,
    now: now(),
  });
}

interface FinishContext {
  unreadableError: { en: string; zh: string } | null;
  chunksSeen: boolean;
  strict: boolean;
  whole: boolean;
  header: { header: readonly string[]; ignored: readonly string[] } | null;
  strictRejects: RejectRecord[];
  fileName: string;
  versionTime: number;
  path: string;
  now: number;
}

function finish(db: Db, req: ImportRequest, outcome: ImportOutcome, f: FinishContext): ImportOutcome {
  if (f.strict && db.inTransaction) return finishStrict(db, req, outcome, f);
  if (f.whole && db.inTransaction) {
    if (f.unreadableError === null && outcome.status !== 'cancelled') {
      finishBatch(db, outcome.batchId!, 'done', f.now);
      req.onFinish?.(db, outcome);
      db.exec('COMMIT');
      return outcome;
    }
    // Damaged part-way, or cancelled: nothing of the file stays.
    db.exec('ROLLBACK');
    Object.assign(outcome, { batchId: null, read: 0, accepted: 0, duplicates: 0, rejected: 0, ignoredColumns: [] });
    if (outcome.status === 'cancelled') return outcome;
  }
  if (f.unreadableError) {
    outcome.error = f.unreadableError;
    // Before any row: the file is rejected whole. After rows were committed (a CSV resumed by an
    // earlier run, then unreadable), the batch fails and keeps the rows it accounted for.
    outcome.status = outcome.batchId !== null && (f.chunksSeen || outcome.resumedAfterLine > 0) ? 'failed' : 'unreadable';
  }
  db.transaction(() => {
    if (outcome.batchId === null) {
      outcome.batchId = createBatch(db, {
        ...failedBatch(req, f, outcome.hash),
        status: 'unreadable',
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    } else if (outcome.status !== 'cancelled') {
      finishBatch(
        db,
        outcome.batchId,
        outcome.status === 'done' || outcome.status === 'unreadable' ? outcome.status : 'failed',
        f.now,
        outcome.error ?? undefined,
      );
    }
    if (outcome.status !== 'cancelled') req.onFinish?.(db, outcome);
  }).immediate();
  if (outcome.batchId !== null && outcome.resumedAfterLine > 0) {
    // Report the whole file's counts, not just this session's part of it.
    const b = getBatch(db, outcome.batchId);
    Object.assign(outcome, { read: b.rows_read, accepted: b.accepted, duplicates: b.duplicates, rejected: b.rejected });
  }
  return outcome;
}

/**
 * Strict mode refuses the whole file if any row is bad: the transaction rolls back, every row read
 * counts as rejected (the file was refused), and the bad rows are kept with their reasons so the
 * department can correct them.
 */
function finishStrict(db: Db, req: ImportRequest, outcome: ImportOutcome, f: FinishContext): ImportOutcome {
  const refused = f.unreadableError !== null || outcome.rejected > 0 || outcome.status === 'cancelled';
  if (!refused) {
    finishBatch(db, outcome.batchId!, 'done', f.now);
    req.onFinish?.(db, outcome);
    db.exec('COMMIT');
    return outcome;
  }
  db.exec('ROLLBACK');
  if (outcome.status === 'cancelled') {
    Object.assign(outcome, { batchId: null, read: 0, accepted: 0, duplicates: 0, rejected: 0 });
    return outcome;
  }
  const bad = outcome.rejected;
  const error = f.unreadableError ?? {
    en: `strict mode: ${bad} of ${outcome.read} rows are bad, so nothing was imported; correct them and import again`,
    zh: `严格模式：${outcome.read}行中有${bad}行错误，未导入任何数据；请更正后重新导入`,
  };
  const status = f.unreadableError ? 'unreadable' : 'failed';
  const counts = f.unreadableError
    ? { read: 0, accepted: 0, duplicates: 0, rejected: 0 }
    : { read: outcome.read, accepted: 0, duplicates: 0, rejected: outcome.read };
  db.transaction(() => {
    outcome.batchId = createBatch(db, { ...failedBatch(req, f, outcome.hash), status: 'running' });
    if (f.header) setBatchHeader(db, outcome.batchId, f.header.header, f.header.ignored);
    insertRejects(db, { batchId: outcome.batchId, feed: req.feed, fileName: f.fileName, fileHash: outcome.hash ?? '' }, f.strictRejects);
    addBatchCounts(db, outcome.batchId, { ...counts, resumeLine: 0 });
    finishBatch(db, outcome.batchId, status, f.now, error);
    req.onFinish?.(db, { ...outcome, ...counts, status, error });
  }).immediate();
  Object.assign(outcome, counts, { status, error });
  return outcome;
}

function failedBatch(req: ImportRequest, f: FinishContext, hash: string | null) {
  return {
    feed: req.feed,
    fileName: f.fileName,
    filePath: f.path,
    fileHash: hash ?? '',
    fileSize: fileSizeOrZero(f.path),
    versionTime: f.versionTime,
    encoding: null,
    origin: req.origin,
    strict: f.strict,
    startedAt: f.now,
  };
}

/** A file reached through a link resumes the same batch as the file itself. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function fileSizeOrZero(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
