import type { SignoffStatus } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Whether exporting the briefing of this state should ask first: a county not signed off, or changed since. */
export function needsExportWarning(s: SignoffStatus | null): boolean {
  return s !== null && (s.unsigned.length > 0 || s.counties.some((c) => c.changed.length > 0));
}

/**
 * Before a briefing goes out without every county's sign-off: the counties named, and the writer
 * decides (the export stays allowed: the command office may have to send it before a county signs).
 */
export function ExportWarning({ status, onExport, onCancel }: { status: SignoffStatus; onExport: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const sep = lang === 'zh' ? '、' : ', ';
  const changed = status.counties.filter((c) => c.changed.length > 0);
  return (
    <Modal title={t('signoff.export.title')} onClose={onCancel} testId="signoff-export-warning">
      <div className="so-warning" data-unsigned={status.unsigned.join(',')}>
        {status.unsigned.length > 0 ? (
          <p className="notice notice-warn" data-testid="signoff-export-unsigned">
            {t('signoff.export.unsigned', { day: status.day, counties: status.unsigned.map((c) => countyName(c, lang)).join(sep) })}
          </p>
        ) : null}
        {changed.length > 0 ? (
          <p className="notice notice-warn" data-testid="signoff-export-changed">
            {t('signoff.export.changed', {
              counties: changed.map((c) => `${countyName(c.county, lang)} (${t('signoff.changed', { n: c.changed.length })})`).join(sep),
            })}
          </p>
        ) : null}
        <p>{t('signoff.export.question')}</p>
        <div className="so-actions">
          <button type="button" className="button-quiet" onClick={onCancel} data-testid="signoff-export-cancel">
            {t('signoff.export.cancel')}
          </button>
          <button type="button" className="button-primary" onClick={onExport} data-testid="signoff-export-confirm">
            {t('signoff.export.confirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
