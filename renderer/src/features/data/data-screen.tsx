import { useCallback, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import type { FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import './data.css';
import { dataActions } from './data-actions.ts';
import { FeedsPanel, SyncHistoryPanel } from './feeds-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import { type RejectsBatch, RejectsPanel } from './rejects-panel.tsx';
import { SyncPanel } from './sync-panel.tsx';
import { useDataState } from './use-data-state.ts';

/**
 * 数据同步: the exchange directory and "sync now" with live progress, drag-and-drop import of a
 * department's file, the feeds with their rows and rejected rows, the sync history, and the
 * rejected rows themselves (paged on the console, exportable).
 */
export function DataScreen({ session }: { session: SessionInfo }) {
  const { t } = useI18n();
  const state = useDataState();
  const [rejectsFeed, setRejectsFeed] = useState<FeedName | null>(null);
  // After an import, "view rejected rows" shows that file's rows, not page 1 of all of them.
  const [rejectsBatch, setRejectsBatch] = useState<RejectsBatch | null>(null);
  const [importJobId, setImportJobId] = useState<number | null>(null);
  const may = dataActions(session);

  const showRejects = useCallback((feed: FeedName, batch?: RejectsBatch) => {
    setRejectsFeed(feed);
    setRejectsBatch(batch ?? null);
    document.getElementById('data-rejects')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  const importJobShown = state.job !== null && state.job.id === importJobId;
  const overview = state.overview;

  return (
    <section data-screen="data" className="screen data-screen">
      <h1 className="screen-title">{t('data.title')}</h1>
      {state.error ? <ErrorBox error={state.error} onRetry={state.reload} testId="data-error" /> : null}
      <SyncPanel session={session} state={state} showJob={!importJobShown} />
      {may.import ? (
        <ImportPanel
          job={state.job}
          canCancel={may.sync}
          onStarted={state.started}
          onImportJob={setImportJobId}
          onShowRejects={showRejects}
        />
      ) : null}
      <FeedsPanel feeds={overview?.feeds ?? []} loading={overview === null} onShowRejects={may.rejects ? showRejects : null} />
      <SyncHistoryPanel syncs={overview?.syncs ?? []} loading={overview === null} />
      <div id="data-rejects">
        {may.rejects ? (
          <RejectsPanel
            feed={rejectsFeed}
            batch={rejectsBatch}
            onFeed={(feed) => {
              setRejectsFeed(feed);
              setRejectsBatch(null);
            }}
            onAllFiles={() => setRejectsBatch(null)}
            feeds={overview?.feeds ?? []}
            dataVersion={state.dataVersion}
            canExport={may.exportRejects}
          />
        ) : (
          <Card title={t('data.rejects.title')} testId="rejects-card">
            <p className="notice" data-testid="rejects-city-wide">
              {t('data.cityWide.rejects')}
            </p>
          </Card>
        )}
      </div>
    </section>
  );
}
