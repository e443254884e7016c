/** A worker thread that writes one briefing (see write-briefing.ts), then answers and ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database.ts';
import { keyFromWorker } from '../db/db-key.ts';
import { FileAccessError } from '../files/file-errors.ts';
import { type BriefingRequest, writeBriefing } from './write-briefing.ts';

const job = workerData as { dbFile: string; dbKey: Uint8Array | null; target: string; request: BriefingRequest };
const db = openDatabase(job.dbFile, { key: keyFromWorker(job.dbKey), readonly: true, skipIntegrityCheck: true, cacheMB: 64 });
writeBriefing(db, job.target, job.request).then(
  (written) => {
    db.close();
    parentPort?.postMessage({ ok: true, written });
  },
  (err: unknown) => {
    db.close();
    parentPort?.postMessage({
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      messageZh: err instanceof FileAccessError ? err.messageZh : null,
    });
  },
);
