/**
 * What the dashboard is told of a running job (a sync, an import, the demo city, a colour
 * evaluation), so that it says "sync in progress" instead of showing sums that are being written:
 * a first sync's figures are zeros until its colours are evaluated, and an evaluation rewrites the
 * sums county by county. Only the job's kind and progress: its source and files are for the roles
 * that may see the Data screen.
 */
import type { SyncInProgress } from '../../../shared/contract/dashboard.ts';
import type { JobState } from '../../../shared/contract/data.ts';
import type { Db } from '../db/database.ts';

export function syncInProgress(db: Db, job: JobState | null): SyncInProgress | null {
  if (!job || job.status !== 'running') return null;
  const figures = db.prepare('SELECT 1 FROM stat_deltas LIMIT 1').get() !== undefined;
  return { kind: job.kind, startedAt: job.startedAt, fraction: jobFraction(job), phase: job.colours ? 'colours' : 'reading', figures };
}

/** Files read (with the share of the one being read), then people evaluated. */
function jobFraction(job: JobState): number | null {
  if (job.colours) return job.colours.total > 0 ? Math.min(1, job.colours.done / job.colours.total) : null;
  let files = 0;
  let done = 0;
  for (const p of Object.values(job.feeds)) {
    files += p.files;
    done += p.filesDone;
  }
  if (job.current?.fraction) done += job.current.fraction;
  return files > 0 ? Math.min(1, done / files) : null;
}
