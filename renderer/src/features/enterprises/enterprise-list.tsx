/**
 * The enterprise list: search by name or credit code, filter by county, industry and approval,
 * sort, paged on the server (the total shown); a row opens the enterprise's page.
 */
import { useState } from 'react';
import type {
  EnterpriseApproval,
  EnterpriseListQuery,
  EnterpriseSort,
  EnterpriseSummary,
} from '../../../../shared/contract/enterprises.ts';
import { COUNTIES, countyName } from '../../../../shared/domain/counties.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PAGE_SIZE, complianceText, exportFileName, exportParams, searchQuery } from './enterprise-lists.ts';
import { ExportButton, exportFile } from './export-button.tsx';

const SORTS: readonly EnterpriseSort[] = ['red_yellow', 'non_compliance', 'violations', 'name'];

export function EnterpriseList({
  query,
  onQuery,
  lockedCounty,
  onOpen,
}: {
  query: EnterpriseListQuery;
  onQuery: (q: EnterpriseListQuery) => void;
  /** A county account: no other county is offered. */
  lockedCounty: string | null;
  onOpen: (creditCode: string) => void;
}) {
  const { t, lang, formatNumber, formatPercent } = useI18n();
  const [text, setText] = useState(query.search ?? '');
  const offset = query.offset ?? 0;
  const answer = useApi('enterprises.list', { ...query, offset, limit: PAGE_SIZE });
  const page = answer.data;
  const set = (change: Partial<EnterpriseListQuery>) => onQuery({ ...query, ...change, offset: 0 });

  const columns: Column<EnterpriseSummary>[] = [
    {
      key: 'name',
      header: t('enterprises.col.name'),
      cell: (r) => (
        <button type="button" className="button-quiet ent-link" onClick={() => onOpen(r.creditCode)} data-testid="enterprise-open">
          {r.name}
        </button>
      ),
    },
    { key: 'code', header: t('enterprises.col.creditCode'), cell: (r) => <span className="mono">{r.creditCode}</span> },
    { key: 'county', header: t('enterprises.county'), cell: (r) => (r.countyCode ? countyName(r.countyCode, lang) : '—') },
    { key: 'industry', header: t('enterprises.col.industry'), cell: (r) => r.industry ?? '—' },
    {
      key: 'approval',
      header: t('enterprises.col.approval'),
      cell: (r) => (
        <span className={r.approved ? 'status-tag status-on' : 'status-tag status-off'}>
          {t(r.approved ? 'enterprises.approval.approved' : 'enterprises.approval.not_approved')}
        </span>
      ),
    },
    { key: 'staff', header: t('enterprises.fig.staff'), cell: (r) => formatNumber(r.staff), numeric: true },
    { key: 'ry', header: t('enterprises.col.redYellow'), cell: (r) => formatNumber(r.centralQuarantine + r.homeQuarantine), numeric: true },
    { key: 'noCode', header: t('enterprises.fig.noCode'), cell: (r) => formatNumber(r.noCode), numeric: true },
    {
      key: 'compliance',
      header: t('enterprises.fig.compliance'),
      cell: (r) => complianceText(r.complianceRate, formatPercent),
      numeric: true,
    },
    {
      key: 'violations',
      header: t('enterprises.fig.violations'),
      cell: (r) => <span className={r.violations > 0 ? 'ent-bad' : undefined}>{formatNumber(r.violations)}</span>,
      numeric: true,
    },
  ];

  return (
    <Card
      title={t('enterprises.list.title')}
      testId="enterprise-list"
      className="ent-list"
      actions={
        <ExportButton
          testId="enterprises-export"
          disabled={!page || page.total === 0}
          run={() => exportFile('enterprises.exportList', exportParams('enterprises', query), exportFileName('企业名单', page?.day))}
        />
      }
    >
      <form
        className="ent-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ search: searchQuery(text) });
        }}
      >
        <input
          type="search"
          className="input-wide"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('enterprises.list.search')}
          aria-label={t('enterprises.list.search')}
          maxLength={64}
          data-testid="enterprise-search"
        />
        <button type="submit" data-testid="enterprise-search-submit">
          {t('enterprises.list.searchButton')}
        </button>
        {lockedCounty ? (
          <span className="ent-chip">{countyName(lockedCounty, lang)}</span>
        ) : (
          <select
            value={query.county ?? ''}
            onChange={(e) => set({ county: e.target.value || null })}
            aria-label={t('enterprises.county')}
            data-testid="enterprise-county"
          >
            <option value="">{t('enterprises.list.allCounties')}</option>
            {COUNTIES.map((c) => (
              <option key={c.code} value={c.code}>
                {countyName(c.code, lang)}
              </option>
            ))}
          </select>
        )}
        <select
          value={query.industry ?? ''}
          onChange={(e) => set({ industry: e.target.value || undefined })}
          aria-label={t('enterprises.col.industry')}
          data-testid="enterprise-industry"
        >
          <option value="">{t('enterprises.list.allIndustries')}</option>
          {(page?.industries ?? []).map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
        <select
          value={query.approval ?? ''}
          onChange={(e) => set({ approval: (e.target.value || undefined) as EnterpriseApproval | undefined })}
          aria-label={t('enterprises.col.approval')}
          data-testid="enterprise-approval"
        >
          <option value="">{t('enterprises.list.allApproval')}</option>
          <option value="approved">{t('enterprises.approval.approved')}</option>
          <option value="not_approved">{t('enterprises.approval.not_approved')}</option>
        </select>
        <label className="ent-inline">
          <span>{t('enterprises.list.sort')}</span>
          <select
            value={query.sort ?? 'red_yellow'}
            onChange={(e) => set({ sort: e.target.value as EnterpriseSort })}
            data-testid="enterprise-sort"
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`enterprises.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted num" data-testid="enterprise-total" data-value={page && !answer.loading ? page.total : ''}>
          {page ? t('enterprises.list.total', { n: formatNumber(page.total) }) : ''}
        </span>
      </form>
      {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} testId="enterprise-list-error" /> : null}
      <DataTable
        columns={columns}
        rows={page?.rows ?? []}
        rowKey={(r) => r.creditCode}
        testId="enterprise-table"
        rowAttrs={(r) => ({ 'data-credit-code': r.creditCode })}
        onRow={(r) => onOpen(r.creditCode)}
        loading={answer.loading}
        empty={t('enterprises.list.empty')}
        paging={page ? { offset, limit: PAGE_SIZE, total: page.total, onPage: (o) => onQuery({ ...query, offset: o }) } : undefined}
      />
    </Card>
  );
}
