/** The Briefings screen's two tables: the data as of the briefing date (per feed) and the recent exports. */
import type { BriefingExportRecord } from '../../../../shared/contract/briefing.ts';
import type { FeedFreshness } from '../../../../shared/contract/dashboard.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isStale } from '../dashboard/freshness-panel.tsx';

/** 数据截至: when each feed was last synced and the latest date its records reach (the 概况 sheet's "data as of"). */
export function FreshnessCard({ freshness, day }: { freshness: FeedFreshness[]; day: string }) {
  const { t, formatTime } = useI18n();
  const columns: Column<FeedFreshness>[] = [
    { key: 'feed', header: t('briefings.freshness.feed'), cell: (f) => <span className="brf-nowrap">{t(`feed.${f.feed}`)}</span> },
    {
      key: 'lastImport',
      header: t('briefings.freshness.lastImport'),
      cell: (f) => (
        <span className="brf-nowrap num">{f.lastImportAt === null ? t('briefings.freshness.never') : formatTime(f.lastImportAt)}</span>
      ),
    },
    {
      key: 'latestRecord',
      header: t('briefings.freshness.latestRecord'),
      cell: (f) => <span className="brf-nowrap num">{f.latestRecordDay ?? '—'}</span>,
    },
    {
      key: 'state',
      header: '',
      cell: (f) =>
        isStale(f, day) ? (
          <span className="brf-stale-tag" title={t('briefings.freshness.staleTitle')}>
            ⚠ {t('briefings.freshness.stale')}
          </span>
        ) : (
          <span className="brf-ok-tag">{t('briefings.freshness.ok')}</span>
        ),
    },
  ];
  return (
    <Card title={t('briefings.freshness.title')} testId="briefing-freshness" className="brf-freshness">
      <DataTable
        columns={columns}
        rows={freshness}
        rowKey={(f) => f.feed}
        rowTestId="briefing-feed"
        rowAttrs={(f) => ({ 'data-feed': f.feed, 'data-stale': String(isStale(f, day)) })}
      />
    </Card>
  );
}

/** A file name that wraps, if it must, after the `_` (never inside the date). */
function FileName({ name }: { name: string }) {
  const cut = name.lastIndexOf('_') + 1;
  return (
    <span className="brf-file">
      {name.slice(0, cut)}
      <wbr />
      <span className="brf-nowrap">{name.slice(cut)}</span>
    </span>
  );
}

/** 最近导出: who exported which briefing when (from the audit log), newest first. */
export function RecentExportsCard({
  rows,
  loading,
  error,
  onRetry,
}: {
  rows: readonly BriefingExportRecord[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t, formatTime } = useI18n();
  const columns: Column<BriefingExportRecord>[] = [
    { key: 'at', header: t('briefings.recent.at'), cell: (r) => <span className="brf-nowrap num">{formatTime(r.at)}</span> },
    { key: 'user', header: t('briefings.recent.user'), cell: (r) => <span className="brf-nowrap">{r.user}</span> },
    { key: 'day', header: t('briefings.recent.day'), cell: (r) => <span className="brf-nowrap num">{r.day}</span> },
    { key: 'file', header: t('briefings.recent.file'), cell: (r) => <FileName name={r.fileName} /> },
  ];
  return (
    <Card title={t('briefings.recent.title')} testId="briefing-recent" className="brf-recent">
      {error ? <ErrorBox error={error} onRetry={onRetry} testId="briefing-recent-error" /> : null}
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.at}|${r.user}|${r.fileName}`}
        rowTestId="briefing-recent-row"
        rowAttrs={(r) => ({ 'data-day': r.day, 'data-file-name': r.fileName, 'data-user': r.user })}
        loading={loading}
        empty={t('briefings.recent.empty')}
        testId="briefing-recent-table"
      />
    </Card>
  );
}
