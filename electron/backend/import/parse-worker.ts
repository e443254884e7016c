/**
 * The parse worker: runs `parseChunks` for jobs sent by the database thread, at most
 * `MAX_IN_FLIGHT` chunks ahead of it so a slow disk write never lets parsed rows pile up in memory.
 */
import { parentPort } from 'node:worker_threads';
import { type OpenedInfo, type ParseEvent, type ParseJob, parseChunks } from './parse-chunks.ts';

export const MAX_IN_FLIGHT = 3;

export type ToWorker =
  | { type: 'job'; id: number; job: ParseJob }
  | { type: 'resume'; id: number; line: number }
  | { type: 'ack'; id: number }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'opened'; id: number; info: OpenedInfo }
  | { type: 'event'; id: number; event: ParseEvent }
  | { type: 'end'; id: number }
  | { type: 'error'; id: number; message: string };

interface Running {
  resume: ((line: number) => void) | null;
  inFlight: number;
  wakeAck: (() => void) | null;
  cancelled: boolean;
}

const running = new Map<number, Running>();

async function run(id: number, job: ParseJob): Promise<void> {
  const state: Running = { resume: null, inFlight: 0, wakeAck: null, cancelled: false };
  running.set(id, state);
  const post = (msg: FromWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(msg, transfer);
  try {
    const events = parseChunks(job, (info) => {
      post({ type: 'opened', id, info });
      return new Promise<number>((resolve) => {
        state.resume = resolve;
      });
    });
    for await (const event of events) {
      if (state.cancelled) break;
      if (event.type === 'chunk') {
        while (state.inFlight >= MAX_IN_FLIGHT && !state.cancelled) {
          await new Promise<void>((resolve) => {
            state.wakeAck = resolve;
          });
        }
        if (state.cancelled) break;
        state.inFlight++;
      }
      post({ type: 'event', id, event }, event.type === 'chunk' ? transferables(event.prepared.columns) : []);
    }
    post({ type: 'end', id });
  } catch (err) {
    post({ type: 'error', id, message: (err as Error).message });
  } finally {
    running.delete(id);
  }
}

parentPort?.on('message', (msg: ToWorker) => {
  if (msg.type === 'job') {
    void run(msg.id, msg.job);
    return;
  }
  const state = running.get(msg.id);
  if (!state) return;
  if (msg.type === 'resume') state.resume?.(msg.line);
  else if (msg.type === 'ack') {
    state.inFlight--;
    const w = state.wakeAck;
    state.wakeAck = null;
    w?.();
  } else if (msg.type === 'cancel') {
    state.cancelled = true;
    state.resume?.(Number.MAX_SAFE_INTEGER);
    const w = state.wakeAck;
    state.wakeAck = null;
    w?.();
  }
});

/** The buffers of a chunk's typed arrays are moved to the database thread, not copied. */
function transferables(columns: Record<string, ArrayBufferView | string> | undefined): ArrayBuffer[] {
  if (!columns) return [];
  return Object.values(columns).flatMap((v) => (typeof v === 'string' ? [] : [v.buffer as ArrayBuffer]));
}
