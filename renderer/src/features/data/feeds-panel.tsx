import type { FeedStatus, SyncRunSummary } from '../../../../shared/contract/api.ts';
import type { FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDuration } from './job-progress.ts';

/** Rows, last import and rejected rows per feed; a feed's rejected count opens its rejected rows (for those who may see them). */
export function FeedsPanel({
  feeds,
  loading,
  onShowRejects,
}: {
  feeds: FeedStatus[];
  loading: boolean;
  onShowRejects: ((feed: FeedName) => void) | null;
}) {
  const { t, formatNumber, formatTime } = useI18n();
  const columns: Column<FeedStatus>[] = [
    {
      key: 'feed',
      header: t('data.col.feed'),
      cell: (f) => (
        <span className="data-nowrap">
          {t(`feed.${f.feed}`)} <span className="data-code">{f.feed}</span>
        </span>
      ),
    },
    { key: 'rows', header: t('data.col.rows'), numeric: true, cell: (f) => formatNumber(f.rows) },
    {
      key: 'last',
      header: t('data.col.lastImport'),
      cell: (f) =>
        f.lastImportAt === null ? (
          <span className="muted">{t('data.never')}</span>
        ) : (
          <span className="data-nowrap">{formatTime(f.lastImportAt)}</span>
        ),
    },
    {
      key: 'rejected',
      header: t('data.col.rejected'),
      numeric: true,
      cell: (f) =>
        f.rejected > 0 && onShowRejects ? (
          <button
            type="button"
            className="data-link-button data-bad"
            onClick={() => onShowRejects(f.feed)}
            title={t('data.feeds.showRejects', { feed: t(`feed.${f.feed}`) })}
            data-testid={`feed-rejects-${f.feed}`}
          >
            {formatNumber(f.rejected)}
          </button>
        ) : (
          formatNumber(f.rejected)
        ),
    },
  ];
  return (
    <Card title={t('data.feeds.title')} testId="feeds-card">
      <DataTable
        columns={columns}
        rows={feeds}
        rowKey={(f) => f.feed}
        rowTestId={(f) => `feed-row-${f.feed}`}
        loading={loading}
        testId="feeds-table"
      />
    </Card>
  );
}

/** Recent syncs, newest first, with their counts. */
export function SyncHistoryPanel({ syncs, loading }: { syncs: SyncRunSummary[]; loading: boolean }) {
  const { t, formatNumber, formatTime } = useI18n();
  const columns: Column<SyncRunSummary>[] = [
    { key: 'started', header: t('data.history.started'), cell: (s) => <span className="data-nowrap">{formatTime(s.startedAt)}</span> },
    {
      key: 'took',
      header: t('data.history.took'),
      cell: (s) => (s.finishedAt === null ? '—' : formatDuration((s.finishedAt - s.startedAt) / 1000, t)),
    },
    {
      key: 'status',
      header: t('data.history.status'),
      cell: (s) => (
        <span className={`data-run-status data-run-${s.status}`} data-status={s.status}>
          {t(`data.run.${s.status}`)}
        </span>
      ),
    },
    { key: 'files', header: t('data.history.files'), numeric: true, cell: (s) => formatNumber(s.files) },
    { key: 'read', header: t('data.col.read'), numeric: true, cell: (s) => formatNumber(s.read) },
    { key: 'accepted', header: t('data.col.accepted'), numeric: true, cell: (s) => formatNumber(s.accepted) },
    { key: 'duplicates', header: t('data.col.duplicates'), numeric: true, cell: (s) => formatNumber(s.duplicates) },
    {
      key: 'rejected',
      header: t('data.col.rejected'),
      numeric: true,
      cell: (s) => <span className={s.rejected > 0 ? 'data-bad' : undefined}>{formatNumber(s.rejected)}</span>,
    },
    {
      key: 'source',
      header: t('data.history.source'),
      cell: (s) => (
        <code className="data-path" title={s.source}>
          {s.source}
        </code>
      ),
    },
  ];
  return (
    <Card title={t('data.history.title')} testId="sync-history-card">
      <DataTable
        columns={columns}
        rows={syncs}
        rowKey={(s) => s.id}
        rowTestId={() => 'sync-run'}
        loading={loading}
        empty={t('data.history.empty')}
        testId="sync-history"
      />
    </Card>
  );
}
