/**
 * An enterprise's page: its header (credit code, county, industry, approval, administrator with a
 * masked phone), its last 14 days (a chart and a table with the entry scans by day), its staff
 * expected back by date (the green forecast of its red and yellow staff), its staff and
 * its violations, each list exportable.
 */
import { useMemo, useState } from 'react';
import type { EnterpriseDay, ScanQuery, StaffQuery } from '../../../../shared/contract/enterprises.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useChart } from '../dashboard/use-chart.ts';
import { enterpriseDaysOption } from './charts.ts';
import { complianceText } from './enterprise-lists.ts';
import { ScanList } from './scan-list.tsx';
import { StaffList } from './staff-list.tsx';
import { ExpectedBack } from './expected-back.tsx';
import { useSmallChartLabels } from './use-small-chart-labels.ts';

export function EnterprisePage({
  creditCode,
  asOf,
  canOpenPeople,
  onSite,
}: {
  creditCode: string;
  asOf: string | undefined;
  canOpenPeople: boolean;
  onSite: (siteId: string) => void;
}) {
  const { t, lang, formatNumber, formatPercent } = useI18n();
  const answer = useApi('enterprises.get', { creditCode, ...(asOf ? { asOf } : {}) });
  const detail = answer.data;
  const [staffQuery, setStaffQuery] = useState<StaffQuery>({ creditCode, ...(asOf ? { asOf } : {}) });
  const [violationQuery, setViolationQuery] = useState<ScanQuery>({ creditCode, filter: 'violation', ...(asOf ? { asOf } : {}) });
  const labels = useSmallChartLabels();
  const days = detail?.days;
  const option = useMemo(() => (days ? enterpriseDaysOption(days, labels) : null), [days, labels]);
  const chartRef = useChart(option);

  if (answer.error && !detail) return <ErrorBox error={answer.error} onRetry={answer.reload} testId="enterprise-error" />;
  const e = detail?.enterprise;

  const dayColumns: Column<EnterpriseDay>[] = [
    { key: 'day', header: t('enterprises.col.day'), cell: (d) => d.day, className: 'num' },
    { key: 'staff', header: t('enterprises.fig.staff'), cell: (d) => formatNumber(d.staff), numeric: true },
    { key: 'noCode', header: t('enterprises.fig.noCode'), cell: (d) => formatNumber(d.noCode), numeric: true },
    { key: 'green', header: t('enterprises.fig.mayReturn'), cell: (d) => formatNumber(d.mayReturn), numeric: true },
    { key: 'yellow', header: t('enterprises.fig.homeQuarantine'), cell: (d) => formatNumber(d.homeQuarantine), numeric: true },
    { key: 'red', header: t('enterprises.fig.centralQuarantine'), cell: (d) => formatNumber(d.centralQuarantine), numeric: true },
    {
      key: 'compliance',
      header: t('enterprises.fig.compliance'),
      cell: (d) => complianceText(d.complianceRate, formatPercent),
      numeric: true,
    },
    { key: 'passes', header: t('enterprises.fig.passes'), cell: (d) => formatNumber(d.passes), numeric: true },
    { key: 'denials', header: t('enterprises.fig.denials'), cell: (d) => formatNumber(d.denials), numeric: true },
    {
      key: 'violations',
      header: t('enterprises.fig.violations'),
      cell: (d) => <span className={d.violations > 0 ? 'ent-bad' : undefined}>{formatNumber(d.violations)}</span>,
      numeric: true,
    },
  ];

  return (
    <div
      className="ent-page"
      data-testid="enterprise-page"
      data-credit-code={creditCode}
      data-ready={detail && !answer.loading ? 'true' : 'false'}
    >
      <Card title={e?.name ?? t('enterprises.page.loading')} testId="enterprise-header">
        {e ? (
          <dl className="detail ent-header">
            <dt>{t('enterprises.page.creditCode')}</dt>
            <dd className="mono" data-testid="enterprise-credit-code">
              {e.creditCode}
            </dd>
            <dt>{t('enterprises.county')}</dt>
            <dd>{e.countyCode ? countyName(e.countyCode, lang) : (e.countyName ?? '—')}</dd>
            <dt>{t('enterprises.page.industry')}</dt>
            <dd>{e.industry ?? '—'}</dd>
            <dt>{t('enterprises.page.approval')}</dt>
            <dd data-testid="enterprise-approval-state" data-approved={e.approved ? 'true' : 'false'}>
              {e.approved ? t('enterprises.page.approvedOn', { day: e.approvedOn ?? '—' }) : t('enterprises.page.notApproved')}
            </dd>
            <dt>{t('enterprises.page.admin')}</dt>
            <dd data-testid="enterprise-admin">
              {e.adminName || e.adminPhoneMasked ? (
                <>
                  {e.adminName ?? '—'} <span className="mono">{e.adminPhoneMasked ?? ''}</span>
                </>
              ) : (
                <span className="ent-bad">{t('enterprises.page.noAdmin')}</span>
              )}
            </dd>
            <dt>{t('enterprises.page.sites')}</dt>
            <dd>
              {detail.sites.length === 0
                ? t('enterprises.page.noSites')
                : detail.sites.map((s) => (
                    <button
                      key={s.siteId}
                      type="button"
                      className="button-quiet ent-link"
                      onClick={() => onSite(s.siteId)}
                      data-testid="enterprise-site"
                    >
                      {s.name ?? s.siteId}
                    </button>
                  ))}
            </dd>
          </dl>
        ) : null}
      </Card>
      <Card title={t('enterprises.page.days')} testId="enterprise-days">
        <div className="ent-chart" ref={chartRef} role="img" aria-label={t('enterprises.page.days')} data-testid="enterprise-days-chart" />
        <DataTable columns={dayColumns} rows={days ?? []} rowKey={(d) => d.day} testId="enterprise-days-table" loading={answer.loading} />
      </Card>
      <ExpectedBack expected={detail?.expectedBack} />
      <StaffList query={staffQuery} onQuery={setStaffQuery} canOpenPeople={canOpenPeople} title={t('enterprises.page.staff')} />
      <ScanList
        query={violationQuery}
        onQuery={setViolationQuery}
        canOpenPeople={canOpenPeople}
        onSite={onSite}
        title={t('enterprises.page.violations')}
        fixedFilter
      />
    </div>
  );
}
