import { useState } from 'react';
import type { ExchangeTestResult, SessionInfo } from '../../../../shared/contract/api.ts';
import { ApiCallError, api } from '../../api/client.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { dataActions } from './data-actions.ts';
import { JobProgressView } from './job-progress-view.tsx';
import { isPostgresAddress } from './source-form.ts';
import { SourceTestResult } from './source-test-result.tsx';
import { SyncSourceEditor } from './sync-source-editor.tsx';
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
 * The sync source (an exchange directory or the exchange database: administrators set it here,
 * with "test connection") and "sync now"; while a job runs (a sync, an automatic sync, a colour
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

  const [editing, setEditing] = useState(false);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<ExchangeTestResult | null>(null);
  const [testError, setTestError] = useState<unknown>(null);
  const canTest = (canSync || canSettings) && !may.countyScoped && source !== null;
  const test = () => {
    setTesting(true);
    setTested(null);
    setTestError(null);
    api('sync.testSource', {}).then(
      (r) => {
        setTesting(false);
        setTested(r);
      },
      (err: unknown) => {
        setTesting(false);
        setTestError(err);
      },
    );
  };

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
          <>
            {canTest ? (
              <button type="button" onClick={test} disabled={testing} data-testid="sync-test">
                {testing ? t('data.source.testing') : t('data.source.test')}
              </button>
            ) : null}
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
          </>
        ) : canSettings && !may.countyScoped ? (
          <>
            {canTest ? (
              <button type="button" onClick={test} disabled={testing} data-testid="sync-test">
                {testing ? t('data.source.testing') : t('data.source.test')}
              </button>
            ) : null}
            <button type="button" onClick={() => setEditing(true)} disabled={editing} data-testid="sync-source-change">
              {t('data.source.change')}
            </button>
          </>
        ) : null
      }
    >
      <p className="data-source">
        <span className="data-label">{t(isPostgresAddress(source) ? 'data.sync.sourceDatabase' : 'data.sync.source')}</span>{' '}
        {source ? (
          <code data-testid="sync-source">{source}</code>
        ) : state.overview ? (
          <span className="data-source-missing" data-testid="sync-source-missing">
            {t('data.sync.noSource')}{' '}
            {canSettings ? (
              <button type="button" className="data-link-button" onClick={() => setEditing(true)} data-testid="sync-source-set">
                {t('data.source.set')}
              </button>
            ) : (
              t('data.sync.askAdmin')
            )}
          </span>
        ) : (
          <span className="muted">{t('common.loading')}</span>
        )}
      </p>
      {editing ? (
        <SyncSourceEditor
          saved={source}
          passwordStored={state.overview?.syncPasswordStored ?? false}
          onSaved={() => {
            setEditing(false);
            setTested(null);
            state.reload();
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {testError ? <ErrorBox error={testError} testId="sync-test-error" /> : null}
      {tested && !editing ? <SourceTestResult result={tested} /> : null}
      {canSync ? <p className="data-hint">{t(isPostgresAddress(source) ? 'data.sync.hintDatabase' : 'data.sync.hint')}</p> : null}
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
