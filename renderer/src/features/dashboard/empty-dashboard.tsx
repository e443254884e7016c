import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useProblemText } from '../../components/field.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { demoProgress } from '../auth/demo-progress.ts';
import { useDemoJob } from '../auth/use-demo-job.ts';
import { emptyDashboard, mayOfferDemo } from './empty-state.ts';

/**
 * The dashboard without any data: what to do next for this user's role, and for an administrator
 * of a database without residents the demo city (the same job as at first start). When the job
 * ends the data changes, the dashboard asks again and this note goes away.
 */
export function EmptyDashboard({ session }: { session: SessionInfo }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const ask = mayOfferDemo(session);
  // Without the count there is no offer; the note still says what to do (a failure shows nothing more).
  const overview = useApi('data.overview', ask ? {} : null);
  const residents = overview.data ? (overview.data.feeds.find((f) => f.feed === 'residents')?.rows ?? 0) : null;
  const demo = useDemoJob();

  const state = emptyDashboard(session, residents);
  const job = demo.job;
  const progress = job?.status === 'running' ? demoProgress(job) : null;
  const failed = job !== null && (job.status === 'failed' || job.status === 'cancelled');

  return (
    <div className="dash-notice dash-empty" data-testid="dash-no-data" data-text={state.text}>
      <p>{t(state.text)}</p>
      {demo.error ? <ErrorBox error={demo.error} testId="dash-demo-error" /> : null}
      {failed ? (
        <p className="notice notice-bad" role="alert">
          {t('dashboard.demo.failed')}
        </p>
      ) : null}
      {progress ? (
        <div data-testid="dash-demo-progress">
          <p>{t('dashboard.demo.loading')}</p>
          <ProgressBar value={progress.fraction} label={problemText(progress.label)} />
        </div>
      ) : state.offerDemo && job?.status !== 'done' ? (
        <div className="form-actions">
          <button type="button" className="button-primary" onClick={demo.start} disabled={demo.starting} data-testid="dash-demo-load">
            {demo.starting ? t('common.loading') : t('dashboard.demo.load')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
