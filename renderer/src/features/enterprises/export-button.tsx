/**
 * Export to Excel for every list of the screen: the save dialog in Electron, a download in the
 * browser (`exportFile`); says what was written, or why not.
 */
import { useState } from 'react';
import type { ExportResult } from '../../../../shared/contract/api.ts';
import { exportFile } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function ExportButton({
  run,
  label,
  disabled,
  testId,
}: {
  /** Starts the export (resolves null when the save dialog was closed). */
  run: () => Promise<ExportResult | null>;
  label?: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t, formatNumber } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = () => {
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
    <span className="ent-export">
      <button type="button" onClick={start} disabled={disabled || busy} aria-busy={busy} data-testid={testId}>
        {busy ? t('enterprises.exporting') : (label ?? t('enterprises.export'))}
      </button>
      {done ? (
        <span className="ent-export-done" role="status" data-testid={`${testId}-done`} data-file-name={done.fileName}>
          {t('enterprises.exported', { file: done.fileName, rows: formatNumber(done.rows) })}
        </span>
      ) : null}
      {error ? <ErrorBox error={error} testId={`${testId}-error`} /> : null}
    </span>
  );
}

export { exportFile };
