/** What the first-start screen shows of the demo city's loading job (pure, tested without a DOM). */
import type { JobState } from '../../../../shared/contract/api.ts';
import type { Problem } from '../../components/form-errors.ts';

export interface DemoProgress {
  /** 0..1, or null when the size is not known yet (an indeterminate bar). */
  fraction: number | null;
  label: Problem;
}

export function demoProgress(job: JobState): DemoProgress {
  // The colour evaluation runs after the rows are written.
  if (job.colours && job.colours.total > 0) {
    return {
      fraction: job.colours.done / job.colours.total,
      label: { key: 'auth.demo.colours', params: { done: job.colours.done, total: job.colours.total } },
    };
  }
  let done = 0;
  let total = 0;
  let totalKnown = false;
  let files = 0;
  let filesDone = 0;
  for (const feed of Object.values(job.feeds)) {
    if (!feed) continue;
    done += feed.rowsDone;
    files += feed.files;
    filesDone += feed.filesDone;
    if (feed.rowsTotal !== null) {
      total += Math.max(feed.rowsTotal, feed.rowsDone);
      totalKnown = true;
    }
  }
  if (totalKnown && total > 0) {
    return { fraction: Math.min(1, done / total), label: { key: 'auth.demo.rows', params: { done, total } } };
  }
  if (files > 0) return { fraction: filesDone / files, label: { key: 'auth.demo.rowsNoTotal', params: { done } } };
  return { fraction: null, label: { key: 'auth.demo.starting' } };
}

/**
 * Merges a job report into what is known: reports of other jobs are ignored, and a late report of
 * a running job never overwrites its end (events and polling can arrive out of order).
 */
export function mergeJob(known: JobState | null, report: JobState): JobState | null {
  if (known && report.id !== known.id) return known;
  if (known && known.status !== 'running' && report.status === 'running') return known;
  return report;
}
