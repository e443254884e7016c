import { useEffect, useState } from 'react';
import type { CaseSummary, SessionInfo } from '../../../../shared/contract/api.ts';
import { BEHAVIORS, CASE_STATES, type CaseState } from '../../../../shared/domain/cases.ts';
import { api } from '../../api/client.ts';
import { navigate, routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { lastPageOffset } from '../../components/paging.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BehaviorText, CountyText, StateTag, TimeText } from './enforcement-bits.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import {
  CASES_PAGE_SIZE,
  type QueueFilter,
  behaviorName,
  casesListParams,
  isBehavior,
  isCaseState,
  openedByText,
  stateName,
  toggleState,
  totalCount,
} from './enforcement-text.ts';
import { useApi } from '../../api/use-api.ts';

export interface QueueView {
  filter: QueueFilter;
  offset: number;
}

/**
 * 案件队列: counts by state (chips that filter), filters by state and behaviour, the cases paged on
 * the server; "run detectors" and "report a suspicion" for officers. A row opens the case page.
 */
export function CaseQueue({
  session,
  version,
  view,
  onView,
  onFlag,
}: {
  session: SessionInfo;
  version: number;
  view: QueueView;
  onView: (view: QueueView) => void;
  onFlag: () => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const canFlag = session.permissions.includes('cases.flag');
  // Grows after our own detector run, in case its data-changed event is missed.
  const [local, setLocal] = useState(0);
  const counts = useApi('cases.counts', {}, [version, local]);
  const list = useApi('cases.list', casesListParams(view.filter, view.offset), [version, local]);
  const [detecting, setDetecting] = useState(false);
  const [detected, setDetected] = useState<number | null>(null);
  const [detectError, setDetectError] = useState<unknown>(null);

  // Cases left the page shown (moved to another state): step back to the last page that has rows.
  const page = list.data;
  useEffect(() => {
    if (!page || page.rows.length > 0 || page.total === 0) return;
    const last = lastPageOffset(CASES_PAGE_SIZE, page.total);
    if (view.offset > last) onView({ ...view, offset: last });
  }, [page, view, onView]);

  const setFilter = (filter: QueueFilter) => onView({ filter, offset: 0 });

  const detect = () => {
    setDetecting(true);
    setDetected(null);
    setDetectError(null);
    api('cases.detect', {}).then(
      ({ opened }) => {
        setDetecting(false);
        setDetected(opened);
        setLocal((n) => n + 1);
      },
      (err: unknown) => {
        setDetecting(false);
        setDetectError(err);
      },
    );
  };

  const open = (c: CaseSummary) => navigate({ screen: 'enforcement', caseId: c.id, flag: null });

  const columns: Column<CaseSummary>[] = [
    {
      key: 'id',
      header: t('enforcement.col.case'),
      cell: (c) => (
        <a
          href={routeHash({ screen: 'enforcement', caseId: c.id, flag: null })}
          className="enf-mono enf-case-link"
          aria-label={t('enforcement.queue.open', { id: c.id })}
        >
          {t('enforcement.caseNumber', { id: c.id })}
        </a>
      ),
    },
    { key: 'idMasked', header: t('enforcement.col.id'), cell: (c) => <span className="enf-mono enf-nowrap">{c.idMasked}</span> },
    { key: 'name', header: t('enforcement.col.name'), cell: (c) => <span className="enf-nowrap">{c.nameMasked ?? '—'}</span> },
    { key: 'county', header: t('enforcement.col.county'), cell: (c) => <CountyText county={c.county} /> },
    { key: 'behavior', header: t('enforcement.col.behavior'), cell: (c) => <BehaviorText behavior={c.behavior} /> },
    { key: 'state', header: t('enforcement.col.state'), cell: (c) => <StateTag state={c.state} /> },
    {
      key: 'opened',
      header: t('enforcement.col.opened'),
      cell: (c) => (
        <span className="enf-stack">
          <TimeText at={c.openedAt} />
          <span className="enf-muted">{openedByText(t, c.openedBy)}</span>
        </span>
      ),
    },
    { key: 'summary', header: t('enforcement.col.summary'), className: 'enf-summary', cell: (c) => c.summary },
  ];

  const all = counts.data ? totalCount(counts.data) : null;

  return (
    <Card
      title={t('enforcement.queue.title')}
      testId="case-queue"
      actions={
        canFlag ? (
          <>
            <button type="button" onClick={detect} disabled={detecting} data-testid="run-detectors" title={t('enforcement.detect.hint')}>
              {detecting ? t('enforcement.detect.running') : t('enforcement.detect.run')}
            </button>
            <button type="button" className="button-primary" onClick={onFlag} data-testid="flag-open">
              {t('enforcement.flag.open')}
            </button>
          </>
        ) : undefined
      }
    >
      {detected !== null ? (
        <p
          className={detected > 0 ? 'notice notice-warn' : 'notice notice-good'}
          role="status"
          data-testid="detect-result"
          data-value={detected}
        >
          {detected > 0 ? t('enforcement.detect.result', { n: formatNumber(detected) }) : t('enforcement.detect.none')}
        </p>
      ) : null}
      {detectError ? <ErrorBox error={detectError} testId="detect-error" /> : null}
      {counts.error ? <ErrorBox error={counts.error} onRetry={counts.reload} testId="case-counts-error" /> : null}

      <div className="enf-chips" role="group" aria-label={t('enforcement.count.label')}>
        <button
          type="button"
          className="enf-chip enf-chip-all"
          aria-pressed={view.filter.state === null}
          onClick={() => setFilter(toggleState(view.filter, null))}
          data-testid="case-count-all"
          data-value={all ?? ''}
        >
          <span className="enf-chip-label">{t('enforcement.state.all')}</span>
          <span className="enf-chip-value num">{all === null ? '…' : formatNumber(all)}</span>
        </button>
        {CASE_STATES.map((s) => (
          <StateChip
            key={s}
            state={s}
            value={counts.data ? counts.data[s] : null}
            pressed={view.filter.state === s}
            onClick={() => setFilter(toggleState(view.filter, s))}
          />
        ))}
      </div>

      <div className="enf-toolbar">
        <label className="enf-inline-field">
          <span>{t('enforcement.filter.state')}</span>
          <select
            value={view.filter.state ?? ''}
            onChange={(e) => setFilter({ ...view.filter, state: isCaseState(e.target.value) ? e.target.value : null })}
            data-testid="cases-filter-state"
          >
            <option value="">{t('enforcement.filter.allStates')}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {stateName(t, s)}
              </option>
            ))}
          </select>
        </label>
        <label className="enf-inline-field">
          <span>{t('enforcement.filter.behavior')}</span>
          <select
            value={view.filter.behavior ?? ''}
            onChange={(e) => setFilter({ ...view.filter, behavior: isBehavior(e.target.value) ? e.target.value : null })}
            data-testid="cases-filter-behavior"
          >
            <option value="">{t('enforcement.filter.allBehaviors')}</option>
            {BEHAVIORS.map((b) => (
              <option key={b} value={b}>
                {behaviorName(b, lang)}
              </option>
            ))}
          </select>
        </label>
        {view.filter.state !== null || view.filter.behavior !== null ? (
          <button
            type="button"
            className="button-quiet"
            onClick={() => setFilter({ state: null, behavior: null })}
            data-testid="cases-filter-clear"
          >
            {t('enforcement.filter.clear')}
          </button>
        ) : null}
      </div>

      {list.error ? <ErrorBox error={list.error} onRetry={list.reload} testId="cases-error" /> : null}
      <DataTable
        columns={columns}
        rows={list.data?.rows ?? []}
        rowKey={(c) => c.id}
        rowTestId="case-row"
        rowAttrs={(c) => ({ 'data-case-id': c.id, 'data-state': c.state, 'data-behavior': c.behavior })}
        onRow={open}
        loading={list.loading}
        empty={t('enforcement.queue.empty')}
        testId="cases-table"
        paging={{
          offset: view.offset,
          limit: CASES_PAGE_SIZE,
          total: list.data?.total ?? 0,
          onPage: (offset) => onView({ ...view, offset }),
        }}
      />
    </Card>
  );
}

function StateChip({ state, value, pressed, onClick }: { state: CaseState; value: number | null; pressed: boolean; onClick: () => void }) {
  const { t, formatNumber } = useI18n();
  return (
    <button
      type="button"
      className={`enf-chip enf-chip-${state}`}
      aria-pressed={pressed}
      onClick={onClick}
      data-testid={`case-count-${state}`}
      data-value={value ?? ''}
    >
      <span className="enf-chip-label">{stateName(t, state)}</span>
      <span className="enf-chip-value num">{value === null ? '…' : formatNumber(value)}</span>
    </button>
  );
}
