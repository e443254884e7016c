import { useState } from 'react';
import type { ExportResult, FeedStatus, RejectRow } from '../../../../shared/contract/api.ts';
import { FEED_NAMES, type FeedName, isFeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { exportFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { pageInfo } from '../../components/paging.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const REJECTS_PAGE_SIZE = 50;

/** One import's rejected rows: its batch, and the file name the user dropped. */
export interface RejectsBatch {
  id: number;
  file: string;
}

/**
 * Rejected rows, paged on the console (50 a page), filtered by feed; one feed's rejected rows can be
 * exported as CSV or XLSX to send back to the department for correction.
 */
export function RejectsPanel({
  feed,
  batch,
  onFeed,
  onAllFiles,
  feeds,
  dataVersion,
  canExport,
}: {
  feed: FeedName | null;
  batch: RejectsBatch | null;
  onFeed: (feed: FeedName | null) => void;
  onAllFiles: () => void;
  feeds: FeedStatus[];
  dataVersion: number;
  canExport: boolean;
}) {
  const { t, lang, formatNumber } = useI18n();
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  // A new feed starts at the first page (state adjusted while rendering, not in an effect).
  const [shownFeed, setShownFeed] = useState(feed);
  const [shownBatch, setShownBatch] = useState(batch?.id ?? null);
  if (shownFeed !== feed || shownBatch !== (batch?.id ?? null)) {
    setShownFeed(feed);
    setShownBatch(batch?.id ?? null);
    setOffset(0);
    setExported(null);
    setExportError(null);
  }

  const params = { ...(feed ? { feed } : {}), ...(batch ? { batchId: batch.id } : {}), offset, limit: REJECTS_PAGE_SIZE };
  // `dataVersion`: new data asks again for the same page.
  const { data: page, error, loading, reload: retry } = useApi('rejects.list', params, [dataVersion]);
  // Rows removed since (a re-import fixed them): step back to the last page that has rows.
  if (!loading && page && page.rows.length === 0 && offset > 0 && page.total > 0) {
    setOffset(Math.floor((page.total - 1) / REJECTS_PAGE_SIZE) * REJECTS_PAGE_SIZE);
  }

  const runExport = (format: 'csv' | 'xlsx') => {
    if (!feed) return;
    setExporting(format);
    setExported(null);
    setExportError(null);
    exportFile('rejects.export', { feed, format }, `${feed}-rejects.${format}`).then(
      (r) => {
        setExporting(null);
        // null: the user closed the save dialog.
        if (r !== null) setExported(r);
      },
      (err: unknown) => {
        setExporting(null);
        setExportError(err);
      },
    );
  };

  const columns: Column<RejectRow>[] = [
    ...(feed
      ? []
      : [{ key: 'feed', header: t('data.col.feed'), cell: (r: RejectRow) => <span className="data-nowrap">{t(`feed.${r.feed}`)}</span> }]),
    {
      key: 'file',
      header: t('data.rejects.file'),
      cell: (r) => (
        <span className="data-path" title={r.file}>
          {r.file}
        </span>
      ),
    },
    {
      key: 'line',
      header: t('data.rejects.line'),
      numeric: true,
      cell: (r) => (r.fromTable ? t('data.rejects.seq', { seq: r.line }) : String(r.line)),
    },
    { key: 'column', header: t('data.rejects.column'), cell: (r) => <code>{r.column}</code> },
    {
      key: 'value',
      header: t('data.rejects.value'),
      cell: (r) =>
        r.value === '' ? <span className="muted">{t('data.rejects.emptyValue')}</span> : <code className="data-value">{r.value}</code>,
    },
    { key: 'reason', header: t('data.rejects.reason'), cell: (r) => (lang === 'zh' ? r.reasonZh : r.reason) },
  ];

  const total = page?.total ?? 0;
  const info = pageInfo(offset, REJECTS_PAGE_SIZE, total, page?.rows.length ?? 0);
  const feedTotal = (f: FeedName) => feeds.find((s) => s.feed === f)?.rejected ?? 0;
  const allTotal = feeds.reduce((n, s) => n + s.rejected, 0);

  return (
    <Card title={t('data.rejects.title')} testId="rejects-card">
      <div className="data-toolbar">
        <label className="data-inline-field">
          <span>{t('data.rejects.feed')}</span>
          <select
            value={feed ?? ''}
            onChange={(e) => onFeed(isFeedName(e.target.value) ? e.target.value : null)}
            data-testid="rejects-feed"
          >
            <option value="">{t('data.rejects.allFeeds', { n: formatNumber(allTotal) })}</option>
            {FEED_NAMES.map((f) => (
              <option key={f} value={f}>
                {t('data.rejects.feedOption', { feed: t(`feed.${f}`), n: formatNumber(feedTotal(f)) })}
              </option>
            ))}
          </select>
        </label>
        {canExport ? (
          <div className="data-export">
            <button
              type="button"
              onClick={() => runExport('csv')}
              disabled={!feed || exporting !== null || total === 0}
              data-testid="rejects-export-csv"
            >
              {exporting === 'csv' ? t('data.rejects.exporting') : t('data.rejects.exportCsv')}
            </button>
            <button
              type="button"
              onClick={() => runExport('xlsx')}
              disabled={!feed || exporting !== null || total === 0}
              data-testid="rejects-export-xlsx"
            >
              {exporting === 'xlsx' ? t('data.rejects.exporting') : t('data.rejects.exportXlsx')}
            </button>
            {!feed ? <span className="data-hint">{t('data.rejects.pickFeedToExport')}</span> : null}
          </div>
        ) : null}
      </div>
      {batch ? (
        <p className="notice" data-testid="rejects-batch" data-batch-id={batch.id}>
          {t('data.rejects.ofFile', { file: batch.file })}{' '}
          <button type="button" className="data-link-button" onClick={onAllFiles} data-testid="rejects-all-files">
            {t('data.rejects.allFiles')}
          </button>
        </p>
      ) : null}
      {exported ? (
        <p className="notice notice-good" role="status" data-testid="rejects-exported" data-rows={exported.rows}>
          {t('data.rejects.exported', { n: formatNumber(exported.rows), file: exported.fileName })}
        </p>
      ) : null}
      {exportError ? <ErrorBox error={exportError} testId="rejects-export-error" /> : null}
      {error ? <ErrorBox error={error} onRetry={retry} testId="rejects-error" /> : null}
      <DataTable
        columns={columns}
        rows={page?.rows ?? []}
        rowKey={(r) => r.id}
        rowTestId={() => 'reject-row'}
        loading={loading}
        empty={t('data.rejects.empty')}
        testId="rejects-table"
      />
      {total > 0 ? (
        <nav className="table-paging data-paging" aria-label={t('table.paging')}>
          <span className="num" data-testid="rejects-range">
            {t('table.range', { from: formatNumber(info.from), to: formatNumber(info.to), total: formatNumber(info.total) })}
          </span>
          <button
            type="button"
            disabled={info.prevOffset === null || loading}
            onClick={() => info.prevOffset !== null && setOffset(info.prevOffset)}
            data-testid="rejects-prev"
          >
            {t('table.prev')}
          </button>
          <span className="num">{t('table.page', { page: formatNumber(info.page), pages: formatNumber(info.pages) })}</span>
          <button
            type="button"
            disabled={info.nextOffset === null || loading}
            onClick={() => info.nextOffset !== null && setOffset(info.nextOffset)}
            data-testid="rejects-next"
          >
            {t('table.next')}
          </button>
        </nav>
      ) : null}
    </Card>
  );
}
