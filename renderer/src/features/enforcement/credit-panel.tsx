import { useState } from 'react';
import type { CreditRecordView, ExportResult, SessionInfo } from '../../../../shared/contract/api.ts';
import { exportFile } from '../../api/client.ts';
import { navigate, routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BehaviorText, CountyText, TimeText } from './enforcement-bits.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { CREDIT_PAGE_SIZE } from './enforcement-text.ts';
import { useApi } from '../../api/use-api.ts';

/** 诚信记录: the credit records paged on the server, and their export for the credit system. */
export function CreditPanel({
  session,
  version,
  offset,
  onOffset,
}: {
  session: SessionInfo;
  version: number;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const { t, formatNumber, formatTime } = useI18n();
  // The period the credit system asks for (decision dates, both ends included); empty: all records.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const badPeriod = from !== '' && to !== '' && to < from;
  const list = useApi('credit.list', badPeriod ? null : { ...period, offset, limit: CREDIT_PAGE_SIZE }, [version]);
  const setPeriod = (next: { from?: string; to?: string }) => {
    if (next.from !== undefined) setFrom(next.from);
    if (next.to !== undefined) setTo(next.to);
    onOffset(0);
  };
  const canExport = session.permissions.includes('credit.export');
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const exportAll = () => {
    setExporting(true);
    setExported(null);
    setExportError(null);
    exportFile('credit.export', { format: 'xlsx', ...period }, '诚信记录.xlsx').then(
      (r) => {
        setExporting(false);
        setExported(r);
      },
      (err: unknown) => {
        setExporting(false);
        setExportError(err);
      },
    );
  };

  const columns: Column<CreditRecordView>[] = [
    {
      key: 'number',
      header: t('enforcement.col.number'),
      cell: (r) => (
        <a
          href={routeHash({ screen: 'enforcement', caseId: r.caseId, flag: null })}
          className="enf-mono enf-nowrap"
          aria-label={t('enforcement.credit.openCase', { id: r.caseId })}
        >
          {r.number}
        </a>
      ),
    },
    { key: 'idMasked', header: t('enforcement.col.id'), cell: (r) => <span className="enf-mono enf-nowrap">{r.idMasked}</span> },
    { key: 'name', header: t('enforcement.col.name'), cell: (r) => <span className="enf-nowrap">{r.nameMasked ?? '—'}</span> },
    { key: 'county', header: t('enforcement.col.county'), cell: (r) => <CountyText county={r.county} /> },
    { key: 'behavior', header: t('enforcement.col.behavior'), cell: (r) => <BehaviorText behavior={r.behavior} /> },
    {
      key: 'decided',
      header: t('enforcement.col.decided'),
      cell: (r) => (
        <span className="enf-stack">
          <TimeText at={r.decidedAt} />
          <span className="enf-muted">{r.decidedBy}</span>
        </span>
      ),
    },
    {
      key: 'status',
      header: t('enforcement.col.status'),
      cell: (r) => (
        <span className="enf-stack">
          <span className={r.status === 'effective' ? 'enf-state enf-tone-bad' : 'enf-state enf-tone-good'}>
            {r.status === 'effective' ? t('enforcement.record.effective') : t('enforcement.record.revoked')}
          </span>
          {r.status === 'revoked' ? (
            <span className="enf-muted">
              {t('enforcement.record.revokedLine', {
                at: r.revokedAt === null ? '—' : formatTime(r.revokedAt),
                reason: r.revokedReason ?? '—',
              })}
            </span>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <Card
      title={t('enforcement.credit.title')}
      testId="credit-card"
      actions={
        canExport ? (
          <button type="button" onClick={exportAll} disabled={exporting || badPeriod} data-testid="credit-export">
            {exporting ? t('enforcement.credit.exporting') : t('enforcement.credit.export')}
          </button>
        ) : undefined
      }
    >
      <p className="enf-muted enf-intro">{t('enforcement.credit.intro')}</p>
      <div className="enf-toolbar">
        <label className="enf-inline-field">
          <span>{t('enforcement.credit.from')}</span>
          <DateInput value={from} onChange={(v) => setPeriod({ from: v })} invalid={badPeriod} testId="credit-from" />
        </label>
        <label className="enf-inline-field">
          <span>{t('enforcement.credit.to')}</span>
          <DateInput value={to} onChange={(v) => setPeriod({ to: v })} invalid={badPeriod} testId="credit-to" />
        </label>
        {badPeriod ? (
          <span className="field-error" role="alert" data-testid="credit-period-error">
            {t('enforcement.credit.badPeriod')}
          </span>
        ) : null}
      </div>
      {exported ? (
        <p className="notice notice-good" role="status" data-testid="credit-exported" data-rows={exported.rows}>
          {t('enforcement.credit.exported', { n: formatNumber(exported.rows), file: exported.fileName })}
        </p>
      ) : null}
      {exportError ? <ErrorBox error={exportError} testId="credit-export-error" /> : null}
      {list.error ? <ErrorBox error={list.error} onRetry={list.reload} testId="credit-error" /> : null}
      <DataTable
        columns={columns}
        rows={list.data?.rows ?? []}
        rowKey={(r) => r.number}
        rowTestId="credit-row"
        rowAttrs={(r) => ({ 'data-number': r.number, 'data-status': r.status, 'data-case-id': r.caseId })}
        onRow={(r) => navigate({ screen: 'enforcement', caseId: r.caseId, flag: null })}
        loading={list.loading}
        empty={t('enforcement.credit.empty')}
        testId="credit-table"
        paging={{ offset, limit: CREDIT_PAGE_SIZE, total: list.data?.total ?? 0, onPage: onOffset }}
      />
    </Card>
  );
}
