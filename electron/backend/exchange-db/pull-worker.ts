/**
 * The pull worker: reads and parses one table's batches (pull-batches.ts) at most MAX_IN_FLIGHT
 * ahead of the database thread, so parsed rows never pile up in memory behind a slow disk.
 */
import { parentPort } from 'node:worker_threads';
import { ExchangeConnection } from './exchange-connection.ts';
import { type FromPullWorker, MAX_IN_FLIGHT, type ToPullWorker, fetchBatches } from './pull-batches.ts';
import { ExchangeSourceError } from './pg-source.ts';

let inFlight = 0;
let stopped = false;
let wakeAck: (() => void) | null = null;
const post = (m: FromPullWorker) => parentPort!.postMessage(m, transferables(m));

async function run(job: Extract<ToPullWorker, { type: 'job' }>['job']): Promise<void> {
  const conn = new ExchangeConnection(job.source, (notice) => post({ type: 'retry', notice }));
  try {
    for await (const batch of fetchBatches(conn, job)) {
      while (inFlight >= MAX_IN_FLIGHT && !stopped) await new Promise<void>((r) => (wakeAck = r));
      if (stopped) break;
      inFlight++;
      post({ type: 'batch', batch });
    }
    post({ type: 'end' });
  } catch (err) {
    const e = err as Error;
    post({
      type: 'error',
      message: e.message,
      zh: err instanceof ExchangeSourceError ? err.zh : null,
      connectionLost: err instanceof ExchangeSourceError && err.connectionLost,
    });
  } finally {
    await conn.close();
  }
}

parentPort?.on('message', (m: ToPullWorker) => {
  if (m.type === 'job') void run(m.job);
  else {
    if (m.type === 'ack') inFlight--;
    else stopped = true;
    const w = wakeAck;
    wakeAck = null;
    w?.();
  }
});

/** The typed arrays of prepared chunks move to the database thread, not copied. */
function transferables(m: FromPullWorker): ArrayBuffer[] {
  if (m.type !== 'batch') return [];
  return m.batch.runs.flatMap((r) =>
    Object.values(r.prepared.columns ?? {}).flatMap((v) => (typeof v === 'string' ? [] : [v.buffer as ArrayBuffer])),
  );
}
