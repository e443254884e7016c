/** What the job worker is told and what it reports back. */
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { ImportOutcome } from '../import/import-file.ts';
import type { RecomputeResult } from '../rules/recompute.ts';
import type { SyncEvent, SyncOutcome } from '../sync/sync-directory.ts';

export type JobRequest =
  | { kind: 'sync'; source: string }
  | { kind: 'import'; path: string; fileName: string; feed: FeedName; strict: boolean; confirmReplace?: boolean }
  | { kind: 'demo' }
  | { kind: 'colours'; full: boolean };

export interface JobWorkerData {
  dbFile: string;
  /** The database key (db-key.ts); null for a clear database. */
  dbKey: Uint8Array | null;
  dataDir: string;
  request: JobRequest;
  /** Who started the job: the use case's audit entries name them (pipelines/actor.ts). */
  user: string;
  /** The console's clock less this thread's, so that the entries are dated as the console dates them. */
  clockOffset: number;
}

export type JobReport =
  | { type: 'sync'; event: SyncEvent }
  | { type: 'import-progress'; read: number; fraction: number | null }
  | { type: 'demo-writing' }
  | { type: 'colours'; done: number; total: number }
  | {
      type: 'done';
      sync?: SyncOutcome;
      importOutcome?: ImportOutcome;
      colours?: RecomputeResult;
      casesOpened?: number;
      cancelled: boolean;
      syncSource?: string;
    }
  /** Said so that a person can act on it (jobs/job-failure.ts). */
  | { type: 'error'; error: JobFailure };

export interface JobFailure {
  en: string;
  zh: string;
}
