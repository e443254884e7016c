import type { KeyAreaVersionRow } from '../../../../shared/contract/key-area-whatif.ts';
import { formatInstant } from '../../../../shared/domain/local-date.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../api/use-api.ts';

/** The published versions of the key areas: who published what, when and why (newest first). */
export function KeyAreaVersions({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const versions = useApi('keyAreas.versions', {}, [reloadKey]);
  const columns: Column<KeyAreaVersionRow>[] = [
    {
      key: 'at',
      header: t('settings.versions.col.at'),
      cell: (r) => <span className="mono">{formatInstant(r.publishedAt).slice(0, 16).replace('T', ' ')}</span>,
    },
    {
      key: 'by',
      header: t('settings.versions.col.by'),
      cell: (r) => (r.publishedBy.startsWith('feed:') ? t('settings.versions.feed', { file: r.publishedBy.slice(5) }) : r.publishedBy),
    },
    { key: 'kind', header: t('settings.versions.col.kind'), cell: (r) => t(`settings.whatif.kind.${r.kind}`) },
    {
      key: 'area',
      header: t('settings.versions.col.area'),
      cell: (r) => (
        <>
          <span className="mono">{r.regionCode}</span> {r.name ?? ''}
        </>
      ),
    },
    {
      key: 'period',
      header: t('settings.versions.col.period'),
      cell: (r) => (
        <span className="mono">
          {r.previousFrom && r.previousFrom !== r.effectiveFrom ? `${r.previousFrom} → ` : ''}
          {r.effectiveFrom} – {r.effectiveTo ?? t('settings.keyAreas.open')}
        </span>
      ),
    },
    { key: 'reason', header: t('settings.versions.col.reason'), cell: (r) => r.reason ?? '—' },
  ];
  return (
    <section aria-labelledby="keyarea-versions-title" data-testid="keyarea-versions">
      <h3 id="keyarea-versions-title">{t('settings.versions.title')}</h3>
      {versions.error ? <ErrorBox error={versions.error} onRetry={versions.reload} testId="keyarea-versions-error" /> : null}
      <DataTable
        columns={columns}
        rows={versions.data ?? []}
        rowKey={(r) => `${r.publishedAt}-${r.regionCode}-${r.effectiveFrom}-${r.publishedBy}`}
        rowTestId={(r) => `keyarea-version-${r.regionCode}-${r.kind}`}
        loading={versions.loading}
        empty={t('settings.versions.empty')}
        testId="keyarea-versions-table"
      />
    </section>
  );
}
