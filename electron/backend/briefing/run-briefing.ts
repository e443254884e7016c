/** Runs writeBriefing in a worker thread: a city-scale briefing takes seconds of CPU. */
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.ts';
import { databaseKeyOf } from '../db/db-key.ts';
import { FileAccessError } from '../files/file-errors.ts';
import { workerUrl } from '../workers/worker-url.ts';
import type { BriefingRequest, WrittenBriefing } from './write-briefing.ts';

export function writeBriefingInWorker(db: Db, target: string, request: BriefingRequest): Promise<WrittenBriefing> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(import.meta.url, 'briefing-worker'), {
      workerData: { dbFile: db.name, dbKey: databaseKeyOf(db), target, request },
    });
    let answered = false;
    worker.once('message', (m: { ok: true; written: WrittenBriefing } | { ok: false; message: string; messageZh: string | null }) => {
      answered = true;
      if (m.ok) resolve(m.written);
      else reject(m.messageZh === null ? new Error(m.message) : new FileAccessError(m.message, m.messageZh));
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the briefing worker stopped (exit ${code}) before it answered`));
    });
  });
}
