/** The site-kind filter of the checkpoints figures and of the scans behind them: one list of kinds, one wording. */
import { SITE_KINDS, type SiteKind } from '../../../../shared/contract/enterprises.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function SiteKindSelect({
  kind,
  onKind,
  testId,
}: {
  kind: SiteKind | undefined;
  onKind: (kind: SiteKind | undefined) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <select
      value={kind ?? ''}
      onChange={(e) => onKind(e.target.value === '' ? undefined : (e.target.value as SiteKind))}
      aria-label={t('enterprises.sites.kind')}
      data-testid={testId}
    >
      <option value="">{t('enterprises.sites.allKinds')}</option>
      {SITE_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`enterprises.kind.${k}`)}
        </option>
      ))}
    </select>
  );
}
