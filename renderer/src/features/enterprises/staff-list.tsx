/**
 * Staff on a day (of one enterprise, or of a county's approved enterprises: the list behind a
 * figure), masked, paged on the server, filtered by status; exportable.
 */
import type { StaffQuery, StaffRow, StaffStatus } from '../../../../shared/contract/enterprises.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { ColorBadge } from '../../components/color-badge.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PAGE_SIZE, exportFileName, exportParams } from './enterprise-lists.ts';
import { ExportButton, exportFile } from './export-button.tsx';
import { PersonCell } from './person-cell.tsx';

const STATUSES = ['red', 'yellow', 'green', 'no_code'] as const satisfies readonly StaffStatus[];

export function StaffStatusBadge({ status }: { status: StaffStatus }) {
  return <ColorBadge color={status === 'no_code' ? 'none' : status} />;
}

export function StaffList({
  query,
  onQuery,
  canOpenPeople,
  showEnterprise,
  onEnterprise,
  title,
}: {
  query: StaffQuery;
  onQuery: (q: StaffQuery) => void;
  canOpenPeople: boolean;
  /** The county lists name each row's enterprise (and open its page). */
  showEnterprise?: boolean;
  onEnterprise?: (creditCode: string) => void;
  title?: string;
}) {
  const { t, lang, formatNumber } = useI18n();
  const offset = query.offset ?? 0;
  const answer = useApi('enterprises.staff', { ...query, offset, limit: PAGE_SIZE });
  const page = answer.data;
  const set = (change: Partial<StaffQuery>) => onQuery({ ...query, ...change, offset: 0 });

  const columns: Column<StaffRow>[] = [
    {
      key: 'id',
      header: t('enterprises.col.id'),
      cell: (r) => <PersonCell personRef={r.ref} idMasked={r.idMasked} canOpen={canOpenPeople} />,
    },
    { key: 'name', header: t('enterprises.col.person'), cell: (r) => r.nameMasked ?? '—' },
    { key: 'phone', header: t('enterprises.col.phone'), cell: (r) => <span className="mono">{r.phoneMasked ?? '—'}</span> },
    ...(showEnterprise
      ? [
          {
            key: 'enterprise',
            header: t('enterprises.col.enterprise'),
            cell: (r: StaffRow) =>
              onEnterprise ? (
                <button type="button" className="button-quiet ent-link" onClick={() => onEnterprise(r.creditCode)}>
                  {r.enterpriseName ?? r.creditCode}
                </button>
              ) : (
                (r.enterpriseName ?? r.creditCode)
              ),
          },
        ]
      : []),
    { key: 'status', header: t('enterprises.col.status'), cell: (r) => <StaffStatusBadge status={r.status} /> },
    { key: 'since', header: t('enterprises.col.since'), cell: (r) => r.since ?? '—', className: 'num' },
    { key: 'back', header: t('enterprises.col.expectedBack'), cell: (r) => r.expectedBack ?? '—', className: 'num' },
    { key: 'checkins', header: t('enterprises.col.checkins'), cell: (r) => formatNumber(r.checkins), numeric: true },
  ];

  return (
    <Card
      title={title ?? t('enterprises.staff.title')}
      testId="staff-list"
      className="ent-list"
      actions={
        <ExportButton
          testId="staff-export"
          disabled={!page || page.total === 0}
          run={() => exportFile('enterprises.exportList', exportParams('staff', query), exportFileName('员工', page?.day))}
        />
      }
    >
      <div className="ent-filters">
        {query.county ? <span className="ent-chip">{countyName(query.county, lang)}</span> : null}
        <select
          value={query.status ?? ''}
          onChange={(e) => set({ status: e.target.value === '' ? undefined : (e.target.value as StaffStatus) })}
          aria-label={t('enterprises.col.status')}
          data-testid="staff-status"
        >
          <option value="">{t('enterprises.staff.allStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`enterprises.staff.status.${s}`)}
            </option>
          ))}
        </select>
        <label className="ent-check">
          <input
            type="checkbox"
            checked={query.nonCompliant === true}
            onChange={(e) => set({ nonCompliant: e.target.checked || undefined })}
            data-testid="staff-non-compliant"
          />
          {t('enterprises.staff.nonCompliant')}
        </label>
        <span className="muted num" data-testid="staff-total" data-value={page && !answer.loading ? page.total : ''}>
          {page
            ? t('table.range', {
                from: page.total ? formatNumber(offset + 1) : 0,
                to: formatNumber(offset + page.rows.length),
                total: formatNumber(page.total),
              })
            : ''}
        </span>
      </div>
      {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} testId="staff-error" /> : null}
      <DataTable
        columns={columns}
        rows={page?.rows ?? []}
        rowKey={(r) => `${r.ref}:${r.creditCode}`}
        testId="staff-table"
        loading={answer.loading}
        empty={t('enterprises.staff.empty')}
        paging={page ? { offset, limit: PAGE_SIZE, total: page.total, onPage: (o) => onQuery({ ...query, offset: o }) } : undefined}
      />
    </Card>
  );
}
