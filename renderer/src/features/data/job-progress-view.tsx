import { useState } from 'react';
import type { JobState } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isPostgresAddress } from './source-form.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  type FeedRowState,
  feedEtaSeconds,
  feedProgressViews,
  feedRowState,
  formatDuration,
  jobFraction,
  jobPhase,
  jobTotals,
} from './job-progress.ts';

/** The headers of the per-feed table's right-aligned columns, after the feed and its bar. */
const NUMBER_COLUMNS: readonly MessageKey[] = [
  'data.job.col.rows',
  'data.job.col.speed',
  'data.col.accepted',
  'data.col.duplicates',
  'data.col.rejected',
];

const FEED_STATE_TEXT: Record<FeedRowState, MessageKey> = {
  reading: 'data.job.feedReading',
  done: 'data.job.feedDone',
  waiting: 'data.job.feedWaiting',
  cancelled: 'data.job.feedCancelled',
  unfinished: 'data.job.feedUnfinished',
};

/**
 * A long job as it goes: per feed a bar (files, rows of the estimated total, rate and time left for
 * the feed being read), the file being read, the colour evaluation, and Cancel. Everything comes
 * from the job's events; nothing here asks the console for progress.
 */
export function JobProgressView({ job, canCancel, fileName }: { job: JobState; canCancel: boolean; fileName?: string | null }) {
  const { t, lang, formatNumber } = useI18n();
  const [cancelFor, setCancelFor] = useState<number | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const running = job.status === 'running';
  const cancelling = running && cancelFor === job.id;
  const phase = jobPhase(job);
  const feeds = feedProgressViews(job);
  const overall = jobFraction(job);
  const totals = jobTotals(job);
  // A sync of the exchange database reads tables where a directory's reads files.
  const fromTables = job.kind === 'sync' && isPostgresAddress(job.source);

  const cancel = () => {
    setCancelFor(job.id);
    setCancelError(null);
    api('sync.cancel', {}).catch((err: unknown) => {
      setCancelFor(null);
      setCancelError(err);
    });
  };

  const rows = (n: number) => t('data.job.rows', { n: formatNumber(n) });
  const eta = (seconds: number | null) =>
    seconds === null
      ? t('data.job.etaUnknown')
      : seconds < 1
        ? t('data.job.almostDone')
        : t('data.job.eta', { time: formatDuration(seconds, t) });

  return (
    <div className="data-job" data-testid="job-progress" data-job-id={job.id} data-kind={job.kind}>
      <div className="data-job-head">
        <span className={`data-job-status data-job-status-${job.status}`} data-testid="job-status" data-status={job.status} role="status">
          {t(`data.job.kind.${job.kind}`)} · {t(`data.job.phase.${phase}`)}
        </span>
        {running && job.rowsPerSecond > 0 ? (
          <span className="data-job-rate num">
            {t('data.job.rate', { n: formatNumber(job.rowsPerSecond) })} · {eta(job.etaSeconds)}
          </span>
        ) : job.finishedAt !== null ? (
          <span className="data-job-rate num">
            {t('data.job.took', { time: formatDuration((job.finishedAt - job.startedAt) / 1000, t) })}
          </span>
        ) : null}
        {running && canCancel ? (
          <button type="button" className="data-cancel" onClick={cancel} disabled={cancelling} data-testid="sync-cancel">
            {cancelling ? t('data.job.cancelling') : t('data.job.cancel')}
          </button>
        ) : null}
      </div>
      {running && canCancel ? <p className="data-hint">{cancelling ? t('data.job.cancellingHint') : t('data.job.cancelHint')}</p> : null}
      {cancelError ? <ErrorBox error={cancelError} /> : null}

      {running && overall !== null ? (
        <ProgressBar
          value={overall}
          label={phase === 'colours' ? t('data.job.overallColours') : t('data.job.overall', { pct: Math.floor(overall * 100) })}
        />
      ) : null}

      {job.current ? (
        <p className="data-job-current" data-testid="job-current">
          {t('data.job.readingFile', { feed: t(`feed.${job.current.feed}`) })} <code>{job.current.file}</code>
        </p>
      ) : phase === 'importing' ? (
        <div className="data-job-current" data-testid="job-current">
          <ProgressBar value={null} label={fileName ? t('data.job.importingFile', { file: fileName }) : t('data.job.importing')} />
        </div>
      ) : null}

      {feeds.length > 0 ? (
        <table className="data-job-feeds">
          <thead>
            <tr>
              <th scope="col">{t('data.col.feed')}</th>
              <th scope="col" className="data-job-bar-col">
                {t(fromTables ? 'data.job.col.tables' : 'data.job.col.files')}
              </th>
              {NUMBER_COLUMNS.map((key) => (
                <th key={key} scope="col" className="num">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {feeds.map((f) => (
              <tr
                key={f.feed}
                data-testid={`feed-progress-${f.feed}`}
                data-rows-done={f.rowsDone}
                data-rows-total={f.rowsTotal ?? ''}
                data-current={f.current || undefined}
                className={f.current ? 'data-job-feed-current' : undefined}
              >
                <th scope="row">{t(`feed.${f.feed}`)}</th>
                <td className="data-job-bar-col">
                  <ProgressBar
                    value={f.fraction}
                    label={t(fromTables ? 'data.job.tables' : 'data.job.files', {
                      done: formatNumber(f.filesDone),
                      total: formatNumber(f.files),
                    })}
                  />
                </td>
                <td className="num">
                  {f.rowsTotal === null || (f.files > 0 && f.filesDone === f.files)
                    ? rows(f.rowsDone)
                    : t('data.job.rowsOf', { done: formatNumber(f.rowsDone), total: formatNumber(f.rowsTotal) })}
                </td>
                <td className="num" data-testid={`feed-state-${f.feed}`} data-state={feedRowState(job, f)}>
                  {f.current
                    ? `${t('data.job.rate', { n: formatNumber(job.rowsPerSecond) })} · ${eta(feedEtaSeconds(f, job.rowsPerSecond))}`
                    : t(FEED_STATE_TEXT[feedRowState(job, f)])}
                </td>
                <td className="num">{formatNumber(f.accepted)}</td>
                <td className="num">{formatNumber(f.duplicates)}</td>
                <td className={f.rejected > 0 ? 'num data-bad' : 'num'}>{formatNumber(f.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {job.colours ? (
        <div className="data-job-colours" data-testid="job-colours" data-done={job.colours.done} data-total={job.colours.total}>
          <ProgressBar
            value={job.colours.total > 0 ? job.colours.done / job.colours.total : running ? null : 1}
            label={t('data.job.colours', { done: formatNumber(job.colours.done), total: formatNumber(job.colours.total) })}
          />
        </div>
      ) : null}

      {!running ? (
        <div className="data-job-end" data-testid="job-summary">
          {job.status === 'cancelled' ? <p className="notice notice-warn">{t('data.job.cancelledNote')}</p> : null}
          {job.status === 'failed' ? (
            <p className="notice notice-bad" role="alert">
              {t('data.job.failedNote')}
              {job.error ? (
                <span className="data-job-message" data-testid="job-error">
                  {' '}
                  {lang === 'zh' ? job.error.zh : job.error.en}
                </span>
              ) : null}
            </p>
          ) : null}
          {totals.files > 0 ? (
            <p className="num">
              {t('data.job.totals', {
                files: formatNumber(totals.filesDone),
                read: formatNumber(totals.read),
                accepted: formatNumber(totals.accepted),
                duplicates: formatNumber(totals.duplicates),
                rejected: formatNumber(totals.rejected),
              })}
            </p>
          ) : job.kind === 'sync' && job.status === 'done' ? (
            <p>{t('data.job.nothingNew')}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
