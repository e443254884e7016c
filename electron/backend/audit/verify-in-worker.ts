/**
 * `verifyAudit` off the console's thread: it recomputes every entry's HMAC (about 1 s per 100,000
 * entries here), and the console serves every user from one thread, so a check of a long log would
 * stop everyone's screens meanwhile. The worker opens the same file read-only with the same keys and
 * compares the anchor as `hcc audit verify` does. An in-memory database (tests) is checked in place.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.ts';
import { databaseKeyOf } from '../db/db-key.ts';
import { workerUrl } from '../workers/worker-url.ts';
import { type VerifyResult, verifyAudit } from './audit-verify.ts';

export function verifyAuditInWorker(db: Db): Promise<VerifyResult> {
  if (db.memory) return Promise.resolve(verifyAudit(db, undefined, { anchor: true }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(import.meta.url, 'audit-verify-worker'), {
      workerData: { dbFile: db.name, dbKey: databaseKeyOf(db) },
    });
    let answered = false;
    worker.once('message', (m: { ok: true; result: VerifyResult } | { ok: false; message: string }) => {
      answered = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`audit verification failed: ${m.message}`));
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the audit verification worker stopped (exit ${code}) before it answered`));
    });
  });
}
