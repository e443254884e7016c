import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleEvent, DataOverview, JobState } from '../../../../shared/contract/api.ts';
import { useConsoleEvents } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { endedWithoutReport, nextJob, startedJob } from './job-progress.ts';

/** While a job runs without any event for this long, the overview is asked once (a missed event). */
const SILENCE_MS = 5_000;

export interface DataState {
  overview: DataOverview | null;
  error: unknown;
  /** The latest job seen (running or ended), from events; the overview only recovers it. */
  job: JobState | null;
  /** Grows each time the data changed (a job ended): panels that list data reload on it. */
  dataVersion: number;
  reload(): void;
  /** sync.start / import.commit answered with the job's first state. */
  started(job: JobState): void;
}

/**
 * The Data screen's state: the overview (loaded when the page opens and after the data changed)
 * and the job, followed through `job` events. Nothing is polled while events arrive; only a job
 * that has gone silent for a few seconds makes the page ask the overview once.
 */
export function useDataState(): DataState {
  const [job, setJob] = useState<JobState | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const lastEvent = useRef(0);

  // Asked when the page opens, after the data changed, and when a running job went silent.
  const overview = useApi('data.overview', {}, [dataVersion], {
    onAnswer(o, askedAt) {
      const running = o.job;
      if (running) setJob((known) => nextJob(known, running));
      // No job runs now: one we still think is running has ended, unless an event (or a new
      // job's start) came after the question was sent, which the answer may not know about.
      else if (lastEvent.current < askedAt) setJob((known) => endedWithoutReport(known, Date.now()));
    },
  });
  const reload = overview.reload;

  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type === 'job') {
      lastEvent.current = Date.now();
      setJob((known) => nextJob(known, e.job));
    } else if (e.type === 'data-changed') {
      setDataVersion((v) => v + 1);
    }
  }, []);
  useConsoleEvents(onEvent);

  const running = job?.status === 'running';
  useEffect(() => {
    if (!running) return;
    lastEvent.current = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - lastEvent.current >= SILENCE_MS) {
        lastEvent.current = Date.now();
        reload();
      }
    }, SILENCE_MS);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  const started = useCallback((j: JobState) => {
    lastEvent.current = Date.now();
    setJob((known) => startedJob(known, j));
  }, []);

  return { overview: overview.data, error: overview.error, job, dataVersion, reload, started };
}
