/**
 * Pulling one exchange table (EXCHANGE.md): the rows after the last stored `seq`, in batches in
 * `seq` order, with the validation and the accepted/duplicate/rejected accounting of a file (a
 * rejected row is kept with its table and `seq` where a file's would have its name and line).
 * Batches commit in groups, each group with the pull state that covers it, so a pull killed at any
 * moment resumes after its last committed group and loses or doubles nothing. Rows committed late
 * into a gap below the mark are read by the gap pass first (pull-window.ts).
 */
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { mapHeader } from '../../../shared/domain/feeds/header-mapping.ts';
import type { PlausibleWindow } from '../../../shared/domain/feeds/plausible-window.ts';
import type { Db } from '../db/database.ts';
import { addBatchCounts, createBatch, finishBatch, getBatch, insertRejects, setBatchHeader } from '../import/batches.ts';
import { writerFor } from '../import/feed-writers/index.ts';
import type { ImportOutcome } from '../import/import-file.ts';
import type { ExchangeConnection } from './exchange-connection.ts';
import type { FeedTable } from './feed-table.ts';
import type { PostgresSource } from './pg-source.ts';
import { type BatchJob, WORKER_FROM_ROWS, batchesInWorker, fetchBatches } from './pull-batches.ts';
import { type ParsedBatch, type RowsContext, parseTableRows } from './pull-rows.ts';
import { type PullState, addGaps, pullGaps, pullState, putPullState, replaceGaps } from './pull-state.ts';
import { type Gap, fillGaps, inWindow } from './pull-window.ts';

/** Rows per fetch; HCC_PULL_ROWS overrides it (tests use small batches to kill a pull mid-table). */
const batchRows = () => Number(process.env.HCC_PULL_ROWS ?? 20_000);
/** Rows per commit group (as a file import's, import-file.ts), or COMMIT_MS, whichever first. */
const commitRows = () => Number(process.env.HCC_COMMIT_ROWS ?? 524_288);
const COMMIT_MS = 5_000;
/** HCC_PULL_WORKER_ROWS overrides WORKER_FROM_ROWS (tests send small tables through the worker). */
const workerFromRows = () => Number(process.env.HCC_PULL_WORKER_ROWS ?? WORKER_FROM_ROWS);

export interface PullTableOptions {
  conn: ExchangeConnection;
  source: PostgresSource;
  /** The source's name (no password): the key of the pull state. */
  sourceName: string;
  table: FeedTable;
  window: PlausibleWindow;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (read: number, fraction: number | null) => void;
}

export async function pullTable(db: Db, o: PullTableOptions): Promise<ImportOutcome | null> {
  const { table, conn } = o;
  const schema = feedSchema(table.feed)!;
  const writer = writerFor(table.feed);
  const state: PullState = pullState(db, o.sourceName, table.name, table.feed);
  const gaps = pullGaps(db, o.sourceName, table.name);
  const maxSeq = Number((await conn.rows(table.maxSeq))[0]![0]);
  if (maxSeq <= state.high_seq && gaps.length === 0 && state.batch_id === null) return null;
  const outcome: ImportOutcome = {
    batchId: state.batch_id,
    file: table.name,
    feed: table.feed,
    status: 'done',
    read: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    ignoredColumns: [],
    resumedAfterLine: state.batch_id !== null ? state.high_seq : 0,
    hash: null,
    error: null,
  };
  const headerCheck = mapHeader(schema, table.header);
  if (!headerCheck.ok) {
    // A table that does not fit its feed (a required column missing) is refused whole, as a file is.
    if (maxSeq <= state.high_seq) return null;
    outcome.status = 'unreadable';
    outcome.error = { en: `${table.name}: ${headerCheck.problem.en}`, zh: `${table.name}：${headerCheck.problem.zh}` };
    outcome.batchId = createBatch(db, { ...newBatch(o, table.feed), status: 'unreadable', error: outcome.error });
    return outcome;
  }
  const mapping = headerCheck.mapping;
  outcome.ignoredColumns = [...mapping.ignored];
  const present = mapping.positions.map((p) => p >= 0);
  const rowsContext: RowsContext = { feed: table.feed, header: table.header, window: o.window };
  const startSeq = state.high_seq;

  /** One transaction: a batch's rows, counts and rejects with the state (mark, gaps) that covers them. */
  const write = (p: ParsedBatch, gapsAfter: Gap[] | null) => {
    db.transaction(() => {
      if (p.read > 0) writeRows(p);
      state.newest_loaded_at = Math.max(p.newestLoadedAt, state.newest_loaded_at ?? 0) || null;
      putPullState(db, state);
      if (gapsAfter) replaceGaps(db, o.sourceName, table.name, gapsAfter);
      addGaps(db, o.sourceName, table.name, p.gaps);
    })();
  };
  const writeRows = (p: ParsedBatch) => {
    if (outcome.batchId === null || getBatch(db, outcome.batchId)?.status !== 'running') {
      outcome.batchId = createBatch(db, { ...newBatch(o, table.feed), status: 'running' });
      setBatchHeader(db, outcome.batchId, table.header, outcome.ignoredColumns);
    }
    const batchId = outcome.batchId;
    let accepted = 0;
    let duplicates = 0;
    for (const run of p.runs) {
      const w = writer.write(db, run.prepared, { batchId, versionTime: run.versionTime, present });
      accepted += w.accepted;
      duplicates += w.duplicates;
    }
    insertRejects(db, { batchId, feed: table.feed, fileName: table.name, fileHash: '' }, p.rejects);
    state.high_seq = Math.max(p.lastSeq, state.high_seq);
    state.batch_id = batchId;
    addBatchCounts(db, batchId, { read: p.read, accepted, duplicates, rejected: p.rejects.length, resumeLine: state.high_seq });
    outcome.read += p.read;
    outcome.accepted += accepted;
    outcome.duplicates += duplicates;
    outcome.rejected += p.rejects.length;
  };

  let groupRows = 0;
  let groupStarted = 0;
  const begin = () => {
    if (!db.inTransaction) {
      db.exec('BEGIN IMMEDIATE');
      groupStarted = performance.now();
    }
  };
  const commit = () => {
    if (db.inTransaction) db.exec('COMMIT');
    groupRows = 0;
  };
  try {
    // The gap pass: rows that arrived late below the mark, then the gaps still open inside the
    // window. Run even when none arrived, so that old gaps are forgotten.
    if (gaps.length > 0) {
      const late = await conn.rows(table.inGaps, [gaps.map((g) => g.lo), gaps.map((g) => g.hi)]);
      const p = parseTableRows(late, rowsContext, mapping, null);
      const newest = Math.max(p.newestLoadedAt, state.newest_loaded_at ?? 0);
      const open = fillGaps(gaps, p.seqs).filter((g) => inWindow(g, state.high_seq, newest));
      begin();
      write(p, open);
      groupRows += p.read;
    }
    const job: BatchJob = {
      source: o.source,
      rows: rowsContext,
      selectFrom: table.selectFrom,
      afterSeq: state.high_seq,
      limit: batchRows(),
    };
    const batches = maxSeq - state.high_seq >= workerFromRows() ? batchesInWorker(job, (n) => conn.noteRetry(n)) : fetchBatches(conn, job);
    for await (const p of batches) {
      begin();
      write(p, null);
      groupRows += p.read;
      if (groupRows >= commitRows() || performance.now() - groupStarted >= COMMIT_MS || o.signal?.aborted) commit();
      o.onProgress?.(outcome.read, maxSeq > startSeq ? Math.min(1, (p.lastSeq - startSeq) / (maxSeq - startSeq)) : null);
      if (o.signal?.aborted) {
        outcome.status = 'cancelled';
        break;
      }
    }
    if (outcome.status !== 'cancelled') {
      // Old gaps leave the window as the mark moves on.
      const open = pullGaps(db, o.sourceName, table.name).filter((g) => inWindow(g, state.high_seq, state.newest_loaded_at ?? 0));
      begin();
      replaceGaps(db, o.sourceName, table.name, open);
      if (outcome.batchId !== null) finishBatch(db, outcome.batchId, 'done', o.now());
      state.batch_id = null;
      putPullState(db, state);
    }
    commit();
  } catch (err) {
    // What is written belongs to whole batches with their state: keep it, the next pull goes on.
    commit();
    outcome.status = 'failed';
    const e = err as Error & { zh?: string };
    outcome.error = { en: e.message, zh: e.zh ?? e.message };
  }
  if (outcome.batchId === null && outcome.status === 'done') return null;
  if (outcome.batchId !== null && outcome.resumedAfterLine > 0) {
    // A pull that continued a killed one reports the whole batch, as a resumed file does.
    const b = getBatch(db, outcome.batchId);
    Object.assign(outcome, { read: b.rows_read, accepted: b.accepted, duplicates: b.duplicates, rejected: b.rejected });
  }
  return outcome;
}

function newBatch(o: PullTableOptions, feed: FeedName) {
  return {
    feed,
    fileName: o.table.name,
    filePath: `${o.sourceName}#${o.table.name}`,
    fileHash: '',
    fileSize: 0,
    versionTime: 0,
    encoding: null,
    origin: 'sync' as const,
    strict: false,
    startedAt: o.now(),
  };
}
