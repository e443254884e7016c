import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleEvent, JobState } from '../../../../shared/contract/api.ts';
import { api, useConsoleEvents } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useProblemText } from '../../components/field.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { demoProgress, mergeJob } from './demo-progress.ts';

/** How often the overview is asked about the job, in case an event was missed. */
const POLL_MS = 2_000;

/**
 * After the first administrator is created on an empty database: offers the demo city, and shows
 * its loading job until the job ends (progress arrives as job events; the overview is polled too).
 */
export function DemoOfferScreen({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const problemText = useProblemText();
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
  useEffect(() => {
    if (!running || jobId === undefined) return;
    let missing = 0;
    const timer = window.setInterval(() => {
      api('data.overview', {}).then(
        (overview) => {
          if (overview.job && overview.job.id === jobId) {
            missing = 0;
            const report = overview.job;
            setJob((known) => (known ? mergeJob(known, report) : known));
          } else if (++missing >= 2) {
            // The overview reports only the running job: ours has ended and its last event was missed.
            setJob((known) => (known && known.id === jobId && known.status === 'running' ? { ...known, status: 'done', finishedAt: Date.now() } : known));
          }
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, jobId]);

  const status = job?.status;
  useEffect(() => {
    if (status === 'done') onDone();
  }, [status, onDone]);

  const start = () => {
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
  };

  const progress = job ? demoProgress(job) : null;
  const ended = job !== null && job.status !== 'running' && job.status !== 'done';

  return (
    <AuthLayout title={job === null ? t('auth.demo.title') : t('auth.demo.loadingTitle')} testId="demo-screen">
      {job === null ? (
        <>
          <p className="intro">{t('auth.demo.intro')}</p>
          {error ? <ErrorBox error={error} testId="demo-error" /> : null}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={start} disabled={starting} data-testid="demo-load">
              {t('auth.demo.load')}
            </button>
            <button type="button" onClick={onDone} disabled={starting} data-testid="demo-skip">
              {t('auth.demo.skip')}
            </button>
          </div>
        </>
      ) : ended ? (
        <>
          <p className="notice notice-bad" role="alert" data-testid="demo-failed" data-status={job.status}>
            {job.status === 'cancelled' ? t('auth.demo.cancelled') : t('auth.demo.failed')}
          </p>
          {job.message ? <p className="detail">{job.message}</p> : null}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={start} disabled={starting} data-testid="demo-retry">
              {t('common.retry')}
            </button>
            <button type="button" onClick={onDone} data-testid="demo-continue">
              {t('auth.demo.continue')}
            </button>
          </div>
        </>
      ) : (
        <div data-testid="demo-progress" data-status={job.status}>
          <p className="intro">{t('auth.demo.loading')}</p>
          {progress ? <ProgressBar value={progress.fraction} label={problemText(progress.label)} /> : null}
          <div className="form-actions">
            <button type="button" onClick={onDone} data-testid="demo-background">
              {t('auth.demo.background')}
            </button>
          </div>
        </div>
      )}
    </AuthLayout>
  );
}
