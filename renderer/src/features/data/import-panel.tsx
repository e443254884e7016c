import { type DragEvent, useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportSummary, JobState } from '../../../../shared/contract/api.ts';
import type { FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ImportPreviewView } from './import-preview-view.tsx';
import { JobProgressView } from './job-progress-view.tsx';
import type { RejectsBatch } from './rejects-panel.tsx';
import { BusyNote, isBusy } from './sync-panel.tsx';
import { UploadStopped, uploadFile } from './upload-file.ts';
import { checkImportFiles, uploadFraction } from './upload-plan.ts';

type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; size: number; sent: number }
  | { kind: 'preview'; preview: ImportPreview; loading: boolean }
  | { kind: 'importing'; preview: ImportPreview; jobId: number | null }
  | { kind: 'result'; preview: ImportPreview; jobId: number; summary: ImportSummary | null };

/**
 * Drag-and-drop import of one department file: upload in pieces, preview how its header maps to
 * the feed's columns, then import it as a job and show what became of its rows.
 */
export function ImportPanel({
  job,
  canCancel,
  onStarted,
  onImportJob,
  onShowRejects,
}: {
  job: JobState | null;
  canCancel: boolean;
  onStarted: (job: JobState) => void;
  onImportJob: (jobId: number | null) => void;
  onShowRejects: (feed: FeedName, batch?: RejectsBatch) => void;
}) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [strict, setStrict] = useState(false);
  const stop = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // Leaving the page stops an upload between two pieces.
  useEffect(
    () => () => {
      stop.current = true;
    },
    [],
  );

  const otherJobRunning = job?.status === 'running' && !(step.kind === 'importing' && step.jobId === job.id);

  const take = (files: File[]) => {
    const problem = checkImportFiles(files);
    setError(null);
    if (problem) {
      setFileProblem(t(`data.import.problem.${problem}`));
      return;
    }
    setFileProblem(null);
    const file = files[0]!;
    stop.current = false;
    setStep({ kind: 'uploading', name: file.name, size: file.size, sent: 0 });
    uploadFile(
      file,
      (sent) => setStep((s) => (s.kind === 'uploading' && s.name === file.name ? { ...s, sent } : s)),
      () => stop.current,
    )
      .then((uploadId) => api('import.preview', { uploadId }))
      .then(
        (preview) => setStep({ kind: 'preview', preview, loading: false }),
        (err: unknown) => {
          setStep({ kind: 'idle' });
          if (!(err instanceof UploadStopped)) setError(err);
        },
      );
  };

  const chooseFeed = (feed: FeedName) => {
    if (step.kind !== 'preview') return;
    const uploadId = step.preview.uploadId;
    setStep({ ...step, loading: true });
    setError(null);
    api('import.preview', { uploadId, feed }).then(
      (preview) => setStep({ kind: 'preview', preview, loading: false }),
      (err: unknown) => {
        setStep((s) => (s.kind === 'preview' ? { ...s, loading: false } : s));
        setError(err);
      },
    );
  };

  // `confirmReplace`: the user has read that the file replaces many stored values and goes on.
  const commit = (confirmReplace = false) => {
    if ((step.kind !== 'preview' && step.kind !== 'result') || !step.preview.feed) return;
    const preview = step.preview;
    setStep({ kind: 'importing', preview, jobId: null });
    setError(null);
    api('import.commit', { uploadId: preview.uploadId, feed: preview.feed!, strict, confirmReplace }).then(
      (started) => {
        setStep({ kind: 'importing', preview, jobId: started.id });
        onImportJob(started.id);
        onStarted(started);
      },
      (err: unknown) => {
        setStep({ kind: 'preview', preview, loading: false });
        setError(err);
      },
    );
  };

  // The import job ended: ask what became of the file's rows.
  const importJobId = step.kind === 'importing' ? step.jobId : null;
  // A later job's report also means ours has ended (its last event may have been missed).
  const importJobEnded =
    importJobId !== null && job !== null && (job.id > importJobId || (job.id === importJobId && job.status !== 'running'));
  const toResult = (summary: ImportSummary | null) =>
    setStep((s) =>
      s.kind === 'importing' && importJobId !== null && s.jobId === importJobId
        ? { kind: 'result', preview: s.preview, jobId: importJobId, summary }
        : s,
    );
  useApi('import.result', importJobId !== null && importJobEnded ? { jobId: importJobId } : null, [], {
    onAnswer: toResult,
    onFailure(err) {
      setError(err);
      toResult(null);
    },
  });

  const reset = () => {
    setStep({ kind: 'idle' });
    setError(null);
    setFileProblem(null);
    onImportJob(null);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (step.kind === 'uploading' || step.kind === 'importing') return;
    take(Array.from(e.dataTransfer.files));
  };

  const accepting = step.kind === 'idle' || step.kind === 'preview' || step.kind === 'result';

  return (
    <Card title={t('data.import.title')} testId="import-card">
      {accepting ? (
        <div
          className={`data-drop${dragging ? ' data-drop-active' : ''}${step.kind === 'idle' ? '' : ' data-drop-compact'}`}
          data-testid="import-drop"
          onDragEnter={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="data-drop-text">{step.kind === 'idle' ? t('data.import.drop') : t('data.import.dropAnother')}</p>
          <p className="data-hint">{t('data.import.dropHint')}</p>
          <button type="button" onClick={() => inputRef.current?.click()} data-testid="import-pick">
            {t('data.import.pick')}
          </button>
          <input
            ref={inputRef}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="data-file-input"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="import-file-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              // Choosing the same file again must fire a change again.
              e.target.value = '';
              take(files);
            }}
          />
        </div>
      ) : null}
      {fileProblem ? (
        <p className="notice notice-bad" role="alert" data-testid="import-file-problem">
          {fileProblem}
        </p>
      ) : null}
      {error ? isBusy(error) ? <BusyNote /> : <ErrorBox error={error} testId="import-error" /> : null}

      {step.kind === 'uploading' ? (
        <div className="data-upload" data-testid="import-upload" data-sent={step.sent} data-size={step.size}>
          <ProgressBar
            value={uploadFraction(step.sent, step.size)}
            label={t('data.import.uploading', { file: step.name, sent: formatBytes(step.sent), size: formatBytes(step.size) })}
          />
          <button
            type="button"
            onClick={() => {
              stop.current = true;
            }}
            data-testid="import-upload-stop"
          >
            {t('data.import.stopUpload')}
          </button>
        </div>
      ) : null}

      {step.kind === 'preview' ? (
        <ImportPreviewView
          preview={step.preview}
          loading={step.loading}
          strict={strict}
          onStrict={setStrict}
          onFeed={chooseFeed}
          onCommit={() => commit()}
          onReset={reset}
          blocked={otherJobRunning}
        />
      ) : null}

      {step.kind === 'importing' ? (
        job && job.id === step.jobId ? (
          <JobProgressView job={job} canCancel={canCancel} fileName={step.preview.fileName} />
        ) : (
          <ProgressBar value={null} label={t('data.job.importingFile', { file: step.preview.fileName })} />
        )
      ) : null}

      {step.kind === 'result' ? (
        <ImportResultView
          fileName={step.preview.fileName}
          summary={step.summary}
          job={job?.id === step.jobId ? job : null}
          onShowRejects={onShowRejects}
          onReset={reset}
          onConfirmReplace={() => commit(true)}
        />
      ) : null}
    </Card>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The stored upload has a name of its own; the user knows the file by the name they dropped. */
function ImportResultView({
  fileName,
  summary,
  job,
  onShowRejects,
  onReset,
  onConfirmReplace,
}: {
  fileName: string;
  summary: ImportSummary | null;
  job: JobState | null;
  onShowRejects: (feed: FeedName, batch?: RejectsBatch) => void;
  onReset: () => void;
  onConfirmReplace: () => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const status = summary?.status ?? job?.status ?? 'failed';
  const good = status === 'done';
  return (
    <div className="data-import-result" data-testid="import-result" data-status={status}>
      {summary ? (
        <>
          <p className={good ? 'notice notice-good' : 'notice notice-bad'} role="status">
            {t(`data.import.result.${summary.status}`, { file: fileName, feed: t(`feed.${summary.feed}`) })}
          </p>
          <dl className="data-counts">
            <div>
              <dt>{t('data.col.read')}</dt>
              <dd className="num" data-testid="import-read">
                {formatNumber(summary.read)}
              </dd>
            </div>
            <div>
              <dt>{t('data.col.accepted')}</dt>
              <dd className="num" data-testid="import-accepted">
                {formatNumber(summary.accepted)}
              </dd>
            </div>
            <div>
              <dt>{t('data.col.duplicates')}</dt>
              <dd className="num" data-testid="import-duplicates">
                {formatNumber(summary.duplicates)}
              </dd>
            </div>
            <div>
              <dt>{t('data.col.rejected')}</dt>
              <dd className={summary.rejected > 0 ? 'num data-bad' : 'num'} data-testid="import-rejected">
                {formatNumber(summary.rejected)}
              </dd>
            </div>
          </dl>
          {summary.error ? (
            <p className="notice notice-bad" role="alert" data-testid="import-result-error">
              {lang === 'zh' ? summary.error.zh : summary.error.en}
            </p>
          ) : null}
        </>
      ) : (
        <p className="notice notice-bad" role="alert">
          {t('data.import.result.unknown')}
        </p>
      )}
      <div className="form-actions">
        {summary?.status === 'needs_confirmation' ? (
          <button type="button" className="primary" onClick={onConfirmReplace} data-testid="import-confirm-replace">
            {t('data.import.confirmReplace', { count: formatNumber(summary.replaces) })}
          </button>
        ) : null}
        {summary && summary.rejected > 0 ? (
          <button
            type="button"
            onClick={() => onShowRejects(summary.feed, summary.batchId === null ? undefined : { id: summary.batchId, file: fileName })}
            data-testid="import-show-rejects"
          >
            {t('data.import.showRejects')}
          </button>
        ) : null}
        <button type="button" onClick={onReset} data-testid="import-again">
          {t('data.import.again')}
        </button>
      </div>
    </div>
  );
}
