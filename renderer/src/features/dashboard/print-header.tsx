import { useI18n } from '../../i18n/i18n.tsx';
import './dashboard-print.css';

/** The printed page's heading (hidden on screen): what is shown, for which county and day. */
export function PrintHeader({ scope, day }: { scope: string; day: string }) {
  const { t, formatTime } = useI18n();
  return (
    <div className="dash-print-header" data-testid="dash-print-header">
      <h2>{t('dashboard.printHeading', { scope, day })}</h2>
      <span>{t('dashboard.printedAt', { time: formatTime(Date.now()) })}</span>
    </div>
  );
}

/** 打印: the browser's print dialog on the print layout (A4 landscape, dashboard-print.css). */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="dash-print-button"
      onClick={() => window.print()}
      title={t('dashboard.printTitle')}
      data-testid="dash-print"
    >
      {t('dashboard.print')}
    </button>
  );
}
