import { useEffect } from 'react';
import { ErrorBox } from '../../components/error-box.tsx';
import { useProblemText } from '../../components/field.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { demoProgress } from './demo-progress.ts';
import { useDemoJob } from './use-demo-job.ts';

/**
 * After the first administrator is created on an empty database: offers the demo city, and shows
 * its loading job until the job ends.
 */
export function DemoOfferScreen({ onDone }: { onDone: () => void }) {
  const { t, lang } = useI18n();
  const problemText = useProblemText();
  const { job, starting, error, start } = useDemoJob();

  const status = job?.status;
  useEffect(() => {
    if (status === 'done') onDone();
  }, [status, onDone]);

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
          {job.error ? (
            <p className="detail" data-testid="demo-error-reason">
              {lang === 'zh' ? job.error.zh : job.error.en}
            </p>
          ) : null}
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
