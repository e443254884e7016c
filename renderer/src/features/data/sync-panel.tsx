import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { ApiCallError, api } from '../../api/client.ts';
import { routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { dataActions } from './data-actions.ts';
import { JobProgressView } from './job-progress-view.tsx';
import type { DataState } from './use-data-state.ts';

export function isBusy(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'busy';
}

/** "Another sync or import is running": said plainly, not as a failure. */
export function BusyNote() {
  const { t } = useI18n();
  return (
    <p className="notice notice-warn" role="status" data-testid="data-busy">
      {t('data.busy')}
    </p>
  );
}

/**
 * The exchange directory and "sync now"; while a job runs (a sync, an automatic sync, a colour
 * evaluation started elsewhere), its progress and Cancel.
 */
export function SyncPanel({ session, state, showJob }: { session: SessionInfo; state: DataState; showJob: boolean }) {
  const { t } = useI18n();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const may = dataActions(session);
  const canSync = may.sync;
  const canSettings = session.permissions.includes('settings.manage');
  const source = state.overview?.syncSource ?? null;
  const running = state.job?.status === 'running';
  // "Busy" stays said until the job in the way has ended.
  const [wasRunning, setWasRunning] = useState(running);
  if (wasRunning !== running) {
    setWasRunning(running);
    if (!running && isBusy(error)) setError(null);
  }

  const start = () => {
    setStarting(true);
    setError(null);
    api('sync.start', {}).then(
      (job) => {
        setStarting(false);
        state.started(job);
      },
      (err: unknown) => {
        setStarting(false);
        setError(err);
        // Busy: another window or the automatic sync started a job; show it.
        if (isBusy(err)) state.reload();
      },
    );
  };

  return (
    <Card
      title={t('data.sync.title')}
      testId="sync-card"
      actions={
        canSync ? (
          <button
            type="button"
            className="button-primary"
            onClick={start}
            disabled={starting || running || !source}
            data-testid="sync-start"
            title={running ? t('data.busy') : undefined}
          >
            {starting ? t('data.sync.starting') : t('data.sync.start')}
          </button>
        ) : null
      }
    >
      <p className="data-source">
        <span className="data-label">{t('data.sync.source')}</span>{' '}
        {source ? (
          <code data-testid="sync-source">{source}</code>
        ) : state.overview ? (
          <span className="data-source-missing" data-testid="sync-source-missing">
            {t('data.sync.noSource')}{' '}
            {canSettings ? <a href={routeHash({ screen: 'settings' })}>{t('data.sync.toSettings')}</a> : t('data.sync.askAdmin')}
          </span>
        ) : (
          <span className="muted">{t('common.loading')}</span>
        )}
      </p>
      {canSync ? <p className="data-hint">{t('data.sync.hint')}</p> : null}
      {may.countyScoped ? (
        <p className="notice" data-testid="data-city-wide">
          {t('data.cityWide.note')}
        </p>
      ) : null}
      {error && !isBusy(error) ? <ErrorBox error={error} testId="sync-error" /> : null}
      {isBusy(error) || (running && !showJob) ? <BusyNote /> : null}
      {state.job && showJob ? <JobProgressView job={state.job} canCancel={canSync} /> : null}
    </Card>
  );
}
