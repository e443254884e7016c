/**
 * Runs parse jobs inline (small files: no thread start-up cost) or in one long-lived worker thread
 * (large files: parsing and validation overlap the database writes on the other core).
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../workers/worker-url.ts';
import { type OpenedInfo, type ParseEvent, type ParseJob, parseChunks } from './parse-chunks.ts';
import type { FromWorker, ToWorker } from './parse-worker.ts';

/** Files at least this big are parsed in the worker. */
export const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

export interface ParseRunner {
  parse(job: ParseJob, size: number, resumeAfter: (info: OpenedInfo) => Promise<number> | number): AsyncGenerator<ParseEvent>;
  close(): Promise<void>;
}

export function createParseRunner(options: { useWorker?: boolean } = {}): ParseRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const listeners = new Map<number, (msg: FromWorker) => void>();
  const getWorker = () => {
    if (!worker) {
      const url = workerUrl(import.meta.url, 'parse-worker');
      worker = new Worker(url);
      worker.on('message', (msg: FromWorker) => listeners.get(msg.id)?.(msg));
      worker.on('error', (err) => {
        for (const l of listeners.values()) l({ type: 'error', id: 0, message: err.message });
      });
    }
    return worker;
  };

  async function* inWorker(job: ParseJob, resumeAfter: (info: OpenedInfo) => Promise<number> | number): AsyncGenerator<ParseEvent> {
    const w = getWorker();
    const id = nextId++;
    const queue: FromWorker[] = [];
    let wake: (() => void) | null = null;
    listeners.set(id, (msg) => {
      queue.push(msg);
      const f = wake;
      wake = null;
      f?.();
    });
    const send = (msg: ToWorker) => w.postMessage(msg);
    let finished = false;
    send({ type: 'job', id, job });
    try {
      for (;;) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        const msg = queue.shift()!;
        if (msg.type === 'opened') {
          send({ type: 'resume', id, line: await resumeAfter(msg.info) });
        } else if (msg.type === 'event') {
          yield msg.event;
          if (msg.event.type === 'chunk') send({ type: 'ack', id });
        } else if (msg.type === 'end') {
          finished = true;
          return;
        } else {
          finished = true;
          throw new Error(msg.message);
        }
      }
    } finally {
      if (!finished) send({ type: 'cancel', id });
      listeners.delete(id);
    }
  }

  return {
    parse(job, size, resumeAfter) {
      const useWorker = options.useWorker ?? size >= WORKER_THRESHOLD_BYTES;
      return useWorker ? inWorker(job, resumeAfter) : parseChunks(job, resumeAfter);
    },
    async close() {
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}
