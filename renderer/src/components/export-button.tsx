/**
 * Export to Excel for any list or table: the save dialog in Electron, a download in the browser
 * (`exportFile`); says what was written, or why not. `confirm` asks first (a full-identity export).
 */
import { useState } from 'react';
import type { ExportResult } from '../../../shared/contract/api.ts';
import { exportFile } from '../api/client.ts';
import { ErrorBox } from './error-box.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function ExportButton({
  run,
  label,
  disabled,
  testId,
  confirm,
}: {
  /** Starts the export (resolves null when the save dialog was closed). */
  run: () => Promise<ExportResult | null>;
  label?: string;
  disabled?: boolean;
  testId: string;
  confirm?: string;
}) {
  const { t, formatNumber } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = () => {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setDone(null);
    setError(null);
    run().then(
      (r) => {
        setBusy(false);
        setDone(r);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  return (
    <span className="ent-export export-action">
      <button type="button" onClick={start} disabled={disabled || busy} aria-busy={busy} data-testid={testId}>
        {busy ? t('figures.exporting') : (label ?? t('figures.export.table'))}
      </button>
      {done ? (
        <span className="ent-export-done" role="status" data-testid={`${testId}-done`} data-file-name={done.fileName}>
          {t('figures.exported', { file: done.fileName, rows: formatNumber(done.rows) })}
        </span>
      ) : null}
      {error ? <ErrorBox error={error} testId={`${testId}-error`} /> : null}
    </span>
  );
}

export { exportFile };
