import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleEvent, JobState } from '../../../../shared/contract/api.ts';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.ts';
import { useConsoleEvents } from '../../api/client.ts';
import { jobFraction, nextJob } from '../data/job-progress.ts';

/** Without job events (a report writer does not get them), the summary is asked this often while a job runs. */
const ASK_EVERY_MS = 5_000;

export interface SyncBanner {
  /** 0..1, null when not known yet. */
  fraction: number | null;
  /** The colours are being evaluated (the last step). */
  colours: boolean;
}

/**
 * Whether a job is writing, and how far it is: from the job events where the role gets them (live
 * progress, the start of a job), else from the summary's `sync`, asked again every few seconds
 * (`reask`) until it says the job ended. The end itself arrives as `data-changed`, which the screen
 * answers by asking again.
 */
export function useSyncBanner(summary: DashboardSummary | null, reask: () => void): SyncBanner | null {
  const [job, setJob] = useState<JobState | null>(null);
  const lastEvent = useRef(0);
  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type !== 'job') return;
    lastEvent.current = Date.now();
    setJob((known) => nextJob(known, e.job));
  }, []);
  useConsoleEvents(onEvent);

  const sync = summary?.sync ?? null;
  // An event of this job or a later one knows more than an answer about it.
  const live = job !== null && (sync === null || job.startedAt >= sync.startedAt) ? job : null;
  const running = live ? live.status === 'running' : sync !== null;
  const banner: SyncBanner | null = !running
    ? null
    : live
      ? { fraction: jobFraction(live), colours: live.colours !== null }
      : { fraction: sync!.fraction, colours: sync!.phase === 'colours' };

  const reaskRef = useRef(reask);
  useEffect(() => {
    reaskRef.current = reask;
  }, [reask]);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      if (Date.now() - lastEvent.current >= ASK_EVERY_MS) reaskRef.current();
    }, ASK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [running]);
  return banner;
}
