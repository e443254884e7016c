import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import type { KeyAreaRow } from '../../../../shared/contract/api.ts';
import { countyByCode } from '../../../../shared/domain/counties.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { KeyAreaDialog } from './key-area-dialog.tsx';
import { KeyAreaVersions } from './key-area-versions-panel.tsx';

const rowId = (row: KeyAreaRow) => `${row.regionCode}-${row.effectiveFrom}`;

export function KeyAreasPanel() {
  const { t, lang } = useI18n();
  const areas = useApi('keyAreas.list', {});
  // undefined: closed; null: adding; a row: changing it.
  const [editing, setEditing] = useState<KeyAreaRow | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const [published, setPublished] = useState(0);

  const nameOf = (row: KeyAreaRow) => {
    if (row.name) return row.name;
    const county = countyByCode(row.regionCode);
    return county ? (lang === 'zh' ? county.name : county.nameEn) : '—';
  };

  const columns: Column<KeyAreaRow>[] = [
    { key: 'code', header: t('settings.keyAreas.col.code'), cell: (r) => <span className="mono">{r.regionCode}</span> },
    { key: 'name', header: t('settings.keyAreas.col.name'), cell: nameOf },
    { key: 'from', header: t('settings.keyAreas.col.from'), cell: (r) => <span className="mono">{r.effectiveFrom}</span> },
    {
      key: 'to',
      header: t('settings.keyAreas.col.to'),
      cell: (r) => (r.effectiveTo ? <span className="mono">{r.effectiveTo}</span> : t('settings.keyAreas.open')),
    },
    {
      key: 'actions',
      header: t('settings.keyAreas.col.actions'),
      cell: (r) => (
        <button
          type="button"
          onClick={() => setEditing(r)}
          aria-label={t('settings.keyAreas.editLabel', { code: r.regionCode })}
          data-testid={`keyarea-edit-${rowId(r)}`}
        >
          {t('settings.keyAreas.edit')}
        </button>
      ),
    },
  ];

  return (
    <Card
      title={t('settings.keyAreas.title')}
      testId="settings-keyareas"
      actions={
        <button type="button" className="button-primary" onClick={() => setEditing(null)} data-testid="keyarea-add">
          {t('settings.keyAreas.add')}
        </button>
      }
    >
      <p className="notice notice-warn" data-testid="keyarea-note">
        {t('settings.keyAreas.note')}
      </p>
      {saved ? (
        <p className="notice notice-good" role="status" data-testid="keyarea-saved">
          {t('settings.keyArea.saved', { code: saved })}
        </p>
      ) : null}
      {areas.error ? <ErrorBox error={areas.error} onRetry={areas.reload} testId="keyareas-load-error" /> : null}
      <DataTable
        columns={columns}
        rows={areas.data ?? []}
        rowKey={rowId}
        rowTestId={(r) => `keyarea-row-${rowId(r)}`}
        loading={areas.loading}
        empty={t('settings.keyAreas.empty')}
        testId="keyareas-table"
      />
      {editing !== undefined ? (
        <KeyAreaDialog
          row={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(rows, row) => {
            setEditing(undefined);
            areas.set(rows);
            setSaved(row.regionCode);
            setPublished((n) => n + 1);
          }}
        />
      ) : null}
      <KeyAreaVersions reloadKey={published} />
    </Card>
  );
}
