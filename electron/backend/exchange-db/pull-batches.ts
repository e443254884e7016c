/**
 * The batches of one table's main pass: fetched in seq order (keyset: `seq > mark ORDER BY seq
 * LIMIT n`), the next one fetched while this one is used, each parsed (pull-rows.ts). Inline for a
 * few rows; in a worker thread for many, so that reading and validating overlap the database
 * writes on the other core, as a big file's parsing does (the worker has its own connection).
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../workers/worker-url.ts';
import { rowsAfter } from './feed-table.ts';
import type { ExchangeConnection, RetryNotice } from './exchange-connection.ts';
import { ExchangeSourceError, type PostgresSource } from './pg-source.ts';
import { type ParsedBatch, type RowsContext, parseTableRows, tableMapping } from './pull-rows.ts';

export interface BatchJob {
  source: PostgresSource;
  rows: RowsContext;
  /** FeedTable.selectFrom. */
  selectFrom: string;
  afterSeq: number;
  limit: number;
}

/** Rows waiting from which the worker is worth its start (about 50 ms). */
export const WORKER_FROM_ROWS = 100_000;
/** Batches the worker may have parsed ahead of the database thread. */
export const MAX_IN_FLIGHT = 2;

export async function* fetchBatches(conn: ExchangeConnection, job: BatchJob): AsyncGenerator<ParsedBatch> {
  const mapping = tableMapping(job.rows);
  const fetch = (after: number) => conn.rows(rowsAfter(job.selectFrom), [after, job.limit]);
  let mark = job.afterSeq;
  let pending: Promise<string[][]> | null = fetch(mark);
  try {
    while (pending) {
      const rows = await pending;
      pending = null;
      if (rows.length === 0) return;
      const last = Number(rows[rows.length - 1]![0]);
      if (rows.length === job.limit) pending = fetch(last);
      const batch = parseTableRows(rows, job.rows, mapping, mark);
      mark = last;
      yield batch;
    }
  } finally {
    // Stopped early (cancel, a write failed): the fetch in flight is not waited for.
    pending?.catch(() => undefined);
  }
}

export type ToPullWorker = { type: 'job'; job: BatchJob } | { type: 'ack' } | { type: 'stop' };
export type FromPullWorker =
  | { type: 'batch'; batch: ParsedBatch }
  | { type: 'retry'; notice: RetryNotice }
  | { type: 'end' }
  | { type: 'error'; message: string; zh: string | null; connectionLost: boolean };

export async function* batchesInWorker(job: BatchJob, onRetry: (n: RetryNotice) => void): AsyncGenerator<ParsedBatch> {
  const worker = new Worker(workerUrl(import.meta.url, 'pull-worker'), { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
  const queue: FromPullWorker[] = [];
  let wake: (() => void) | null = null;
  const push = (m: FromPullWorker) => {
    queue.push(m);
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'error', message: err.message, zh: null, connectionLost: false }));
  worker.postMessage({ type: 'job', job } satisfies ToPullWorker);
  try {
    for (;;) {
      if (queue.length === 0) {
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      const m = queue.shift()!;
      if (m.type === 'retry') onRetry(m.notice);
      else if (m.type === 'batch') {
        yield m.batch;
        worker.postMessage({ type: 'ack' } satisfies ToPullWorker);
      } else if (m.type === 'end') return;
      else throw new ExchangeSourceError(m.message, m.zh ?? m.message, m.connectionLost);
    }
  } finally {
    worker.postMessage({ type: 'stop' } satisfies ToPullWorker);
    await worker.terminate();
  }
}
