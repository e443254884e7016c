/**
 * Loading the demo city as a job: start it (data.loadDemo) and follow it to its end. Progress comes
 * as job events; the overview is polled too, in case an event was missed. Used by the first-start
 * offer and by the empty dashboard.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleEvent, JobState } from '../../../../shared/contract/api.ts';
import { api, useConsoleEvents } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { mergeJob } from './demo-progress.ts';

/** How often the overview is asked about the job, in case an event was missed. */
const POLL_MS = 2_000;

export interface DemoJob {
  job: JobState | null;
  starting: boolean;
  error: unknown;
  start(): void;
}

export function useDemoJob(): DemoJob {
  const [job, setJob] = useState<JobState | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Events of the job can arrive before data.loadDemo answers with its id.
  const early = useRef(new Map<number, JobState>());

  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type !== 'job') return;
    early.current.set(e.job.id, e.job);
    setJob((known) => (known ? mergeJob(known, e.job) : known));
  }, []);
  useConsoleEvents(onEvent);

  const running = job?.status === 'running';
  const jobId = job?.id;
  // While our job runs, the overview is asked every POLL_MS (each tick a new question).
  const [tick, setTick] = useState(0);
  const missing = useRef(0);
  useApi('data.overview', running && jobId !== undefined ? {} : null, [jobId, tick], {
    onAnswer(overview) {
      if (overview.job && overview.job.id === jobId) {
        missing.current = 0;
        const report = overview.job;
        setJob((known) => (known ? mergeJob(known, report) : known));
      } else if (++missing.current >= 2) {
        // The overview reports only the running job: ours has ended and its last event was missed.
        setJob((known) =>
          known && known.id === jobId && known.status === 'running' ? { ...known, status: 'done', finishedAt: Date.now() } : known,
        );
      }
    },
  });
  useEffect(() => {
    if (!running || jobId === undefined) return;
    missing.current = 0;
    const timer = window.setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, jobId]);

  const start = useCallback(() => {
    setStarting(true);
    setError(null);
    api('data.loadDemo', {}).then(
      (started) => {
        setStarting(false);
        const seen = early.current.get(started.id);
        setJob(seen ? mergeJob(started, seen) : started);
      },
      (err: unknown) => {
        setStarting(false);
        setError(err);
      },
    );
  }, []);

  return { job, starting, error, start };
}
