import type { NoticeView } from '../../../../shared/contract/api.ts';
import { Card } from '../../components/card.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BehaviorText, CountyText, TimeText } from './enforcement-bits.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { noticeTally } from './enforcement-text.ts';
import { useApi } from '../../api/use-api.ts';

/**
 * 通报名单: the decisions and revocations of a day, for the briefing. `day` null: the server's
 * default, the latest day the data reaches; decisions made now are on today's list.
 */
export function NoticesPanel({ version, day, onDay }: { version: number; day: string | null; onDay: (day: string | null) => void }) {
  const { t, formatNumber } = useI18n();
  const list = useApi('notices.list', day ? { day } : {}, [version]);
  const shownDay = day ?? list.data?.day ?? '';
  const rows = list.data?.rows ?? [];
  const tally = noticeTally(rows);
  // Today on the database's clock (a demo city runs on its own days), not this computer's.
  const today = list.data?.today ?? '';

  const columns: Column<NoticeView>[] = [
    {
      key: 'kind',
      header: t('enforcement.col.kind'),
      cell: (n) => (
        <span className={n.kind === 'decision' ? 'enf-state enf-tone-bad' : 'enf-state enf-tone-good'}>
          {t(`enforcement.notices.kind.${n.kind}`)}
        </span>
      ),
    },
    { key: 'number', header: t('enforcement.col.number'), cell: (n) => <span className="enf-mono enf-nowrap">{n.number}</span> },
    { key: 'idMasked', header: t('enforcement.col.id'), cell: (n) => <span className="enf-mono enf-nowrap">{n.idMasked}</span> },
    { key: 'name', header: t('enforcement.col.name'), cell: (n) => <span className="enf-nowrap">{n.nameMasked ?? '—'}</span> },
    { key: 'county', header: t('enforcement.col.county'), cell: (n) => <CountyText county={n.county} /> },
    { key: 'behavior', header: t('enforcement.col.behavior'), cell: (n) => <BehaviorText behavior={n.behavior} /> },
    { key: 'decidedAt', header: t('enforcement.col.decidedAt'), cell: (n) => <TimeText at={n.decidedAt} /> },
    { key: 'revokedAt', header: t('enforcement.col.revokedAt'), cell: (n) => <TimeText at={n.revokedAt} /> },
  ];

  return (
    <Card title={t('enforcement.notices.title')} testId="notices-card">
      <p className="enf-muted enf-intro">{t('enforcement.notices.intro')}</p>
      <div className="enf-toolbar">
        <label className="enf-inline-field">
          <span>{t('enforcement.notices.date')}</span>
          <DateInput value={shownDay} onChange={(v) => onDay(v === '' ? null : v)} testId="notices-date" />
        </label>
        <button type="button" onClick={() => onDay(null)} disabled={day === null} data-testid="notices-latest">
          {t('enforcement.notices.latest')}
        </button>
        <button type="button" onClick={() => onDay(today)} disabled={shownDay === today} data-testid="notices-today">
          {t('enforcement.notices.today')}
        </button>
        {list.data && rows.length > 0 ? (
          <span className="enf-tally" data-testid="notices-count" data-decisions={tally.decisions} data-revocations={tally.revocations}>
            {t('enforcement.notices.count', {
              day: list.data.day,
              decisions: formatNumber(tally.decisions),
              revocations: formatNumber(tally.revocations),
            })}
          </span>
        ) : null}
      </div>
      {list.error ? <ErrorBox error={list.error} onRetry={list.reload} testId="notices-error" /> : null}
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(n) => `${n.kind}|${n.number}`}
        rowTestId="notice-row"
        rowAttrs={(n) => ({ 'data-kind': n.kind, 'data-number': n.number })}
        loading={list.loading}
        empty={t('enforcement.notices.empty', { day: shownDay })}
        testId="notices-table"
      />
    </Card>
  );
}
