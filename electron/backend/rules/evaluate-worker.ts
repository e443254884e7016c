/** Worker thread: evaluates chunks of people on its own read-only connection. */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeyArea } from '../../../shared/domain/rules/records.ts';
import { openDatabase } from '../db/database.ts';
import { keyFromWorker } from '../db/db-key.ts';
import { evaluateChunk } from './evaluate-chunk.ts';
import type { PersonScope } from './person-scope.ts';

export interface EvaluateJob {
  id: number;
  scope: PersonScope;
  keyAreas: KeyArea[];
}

const { dbFile, dbKey } = workerData as { dbFile: string; dbKey: Uint8Array | null };
const db = openDatabase(dbFile, { key: keyFromWorker(dbKey), readonly: true, skipIntegrityCheck: true, cacheMB: 64 });

parentPort?.on('message', (job: EvaluateJob | 'close') => {
  if (job === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  try {
    parentPort!.postMessage({ id: job.id, writes: evaluateChunk(db, job.scope, job.keyAreas) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: (err as Error).message });
  }
});
