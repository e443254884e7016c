/** A worker thread that verifies the audit chain once (see verify-in-worker.ts), then answers and ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database.ts';
import { keyFromWorker } from '../db/db-key.ts';
import { verifyAudit } from './audit-verify.ts';

const job = workerData as { dbFile: string; dbKey: Uint8Array | null };
try {
  const db = openDatabase(job.dbFile, { key: keyFromWorker(job.dbKey), readonly: true, skipIntegrityCheck: true, cacheMB: 16 });
  try {
    parentPort?.postMessage({ ok: true, result: verifyAudit(db, undefined, { anchor: true }) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
