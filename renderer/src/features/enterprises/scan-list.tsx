/**
 * The scans behind a site figure (or an enterprise's violations), masked, paged on the server,
 * filtered by what the figure counts; exportable. A violation is the site's failure, never a case.
 */
import type { ScanFilter, ScanQuery, ScanRow } from '../../../../shared/contract/enterprises.ts';
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
import { SiteKindSelect } from './site-kind-select.tsx';

const FILTERS: readonly ScanFilter[] = ['all', 'pass', 'deny', 'shown_red', 'shown_yellow', 'stale', 'violation'];

export function ScanList({
  query,
  onQuery,
  canOpenPeople,
  onSite,
  title,
  fixedFilter,
}: {
  query: ScanQuery;
  onQuery: (q: ScanQuery) => void;
  canOpenPeople: boolean;
  onSite?: (siteId: string) => void;
  title?: string;
  /** A list of one kind of scans (an enterprise's violations): no filter to choose. */
  fixedFilter?: boolean;
}) {
  const { t, lang, formatNumber, formatTime } = useI18n();
  const offset = query.offset ?? 0;
  const answer = useApi('sites.scans', { ...query, offset, limit: PAGE_SIZE });
  const page = answer.data;
  const set = (change: Partial<ScanQuery>) => onQuery({ ...query, ...change, offset: 0 });

  const columns: Column<ScanRow>[] = [
    { key: 'at', header: t('enterprises.col.at'), cell: (r) => formatTime(r.at), className: 'num' },
    {
      key: 'id',
      header: t('enterprises.col.id'),
      cell: (r) => <PersonCell personRef={r.ref} idMasked={r.idMasked} canOpen={canOpenPeople} />,
    },
    { key: 'name', header: t('enterprises.col.person'), cell: (r) => r.nameMasked ?? '—' },
    {
      key: 'site',
      header: t('enterprises.col.site'),
      cell: (r) =>
        onSite ? (
          <button type="button" className="button-quiet ent-link" onClick={() => onSite(r.siteId)} data-testid="scan-site">
            {r.siteName ?? r.siteId}
          </button>
        ) : (
          (r.siteName ?? r.siteId)
        ),
    },
    { key: 'kind', header: t('enterprises.col.kind'), cell: (r) => (r.kind ? t(`enterprises.kind.${r.kind}`) : '—') },
    {
      key: 'shown',
      header: t('enterprises.col.shown'),
      cell: (r) => (
        <>
          {r.shownColor ? <ColorBadge color={r.shownColor} /> : '—'}
          {r.stale ? <span className="ent-stale"> {t('enterprises.stale')}</span> : null}
        </>
      ),
    },
    { key: 'actual', header: t('enterprises.col.colorAtScan'), cell: (r) => (r.colorAtScan ? <ColorBadge color={r.colorAtScan} /> : '—') },
    {
      key: 'action',
      header: t('enterprises.col.action'),
      cell: (r) => (
        <>
          {r.action ? t(`enterprises.action.${r.action}`) : '—'}
          {r.violation ? <span className="ent-violation"> {t(`enterprises.violation.${r.violation}`)}</span> : null}
        </>
      ),
    },
  ];

  return (
    <Card
      title={title ?? t('enterprises.scans.title')}
      testId="scan-list"
      className="ent-list"
      actions={
        <ExportButton
          testId="scans-export"
          disabled={!page || page.total === 0}
          run={() => exportFile('enterprises.exportList', exportParams('scans', query), exportFileName('核验记录', page?.day))}
        />
      }
    >
      <div className="ent-filters">
        {query.county ? <span className="ent-chip">{countyName(query.county, lang)}</span> : null}
        {fixedFilter ? null : (
          <>
            <select
              value={query.filter ?? 'all'}
              onChange={(e) => set({ filter: e.target.value as ScanFilter })}
              aria-label={t('enterprises.col.action')}
              data-testid="scans-filter"
            >
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`enterprises.scans.filter.${f}`)}
                </option>
              ))}
            </select>
            {query.siteId ? null : <SiteKindSelect kind={query.kind} onKind={(kind) => set({ kind })} testId="scans-kind" />}
          </>
        )}
        <span className="muted num" data-testid="scans-total" data-value={page && !answer.loading ? page.total : ''}>
          {page
            ? t('table.range', {
                from: page.total ? formatNumber(offset + 1) : 0,
                to: formatNumber(offset + page.rows.length),
                total: formatNumber(page.total),
              })
            : ''}
        </span>
      </div>
      {query.filter === 'violation' ? <p className="muted ent-note">{t('enterprises.violationNote')}</p> : null}
      {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} testId="scans-error" /> : null}
      <DataTable
        columns={columns}
        rows={page?.rows ?? []}
        rowKey={(r) => r.scanId}
        testId="scans-table"
        rowAttrs={(r) => ({ 'data-violation': r.violation ?? '' })}
        loading={answer.loading}
        empty={t('enterprises.scans.empty')}
        paging={page ? { offset, limit: PAGE_SIZE, total: page.total, onPage: (o) => onQuery({ ...query, offset: o }) } : undefined}
      />
    </Card>
  );
}
