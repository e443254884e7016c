import { type ChangeEvent, useEffect, useState } from 'react';
import type { CaseSummary, SessionInfo } from '../../../../shared/contract/api.ts';
import { CASE_STATES, type CaseState } from '../../../../shared/domain/cases.ts';
import { api, exportFile } from '../../api/client.ts';
import { navigate, routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { lastPageOffset } from '../../components/paging.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { BehaviorText, CountyText, StateTag, TimeText } from './enforcement-bits.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { CASES_PAGE_SIZE, openedByText, stateName, totalCount } from './enforcement-text.ts';
import { useApi } from '../../api/use-api.ts';
import { BulkBar } from './bulk-bar.tsx';
import { QueueFilters } from './queue-filters.tsx';
import {
  type QueueFilter,
  ageDays,
  caseSummaryText,
  casesListParams,
  exportFileName,
  queueParams,
  searchHint,
  toggleState,
} from './queue-state.ts';

export interface QueueView {
  filter: QueueFilter;
  offset: number;
}

/**
 * 案件队列: counts by state (chips that filter), a search and filters (state, behaviour, county),
 * the order by age, the cases paged on the server; "run detectors" and "report a suspicion" for
 * officers; the filtered list as Excel; for credit supervision, cases selected and moved together.
 * A row opens the case page.
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
  const canJudge = session.permissions.includes('cases.judge');
  const lockedCounty = session.user.county;
  // Selected for a bulk move, across pages; a new filter starts a new selection.
  const [selected, setSelected] = useState<ReadonlyMap<number, CaseSummary>>(new Map());
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

  const setFilter = (filter: QueueFilter) => {
    setSelected(new Map());
    onView({ filter, offset: 0 });
  };
  const rows = page?.rows ?? [];
  const pick = (c: CaseSummary, on: boolean) =>
    setSelected((m) => {
      const next = new Map(m);
      if (on) next.set(c.id, c);
      else next.delete(c.id);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((c) => selected.has(c.id));
  const pickPage = (e: ChangeEvent<HTMLInputElement>) => {
    const on = e.target.checked;
    setSelected((m) => {
      const next = new Map(m);
      for (const c of rows) {
        if (on) next.set(c.id, c);
        else next.delete(c.id);
      }
      return next;
    });
  };
  // The selected cases as the page now shows them (a case moved meanwhile shows its new state).
  const shownNow = new Map(rows.map((c) => [c.id, c]));
  const selectedNow = [...selected.values()].map((c) => shownNow.get(c.id) ?? c);

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

  const selectColumn: Column<CaseSummary> = {
    key: 'select',
    className: 'enf-select',
    header: (
      <input
        type="checkbox"
        checked={allOnPage}
        onChange={pickPage}
        disabled={rows.length === 0}
        aria-label={t('enforcement.select.page')}
        data-testid="cases-select-page"
      />
    ),
    cell: (c) => (
      <input
        type="checkbox"
        checked={selected.has(c.id)}
        onChange={(e) => pick(c, e.target.checked)}
        // The row opens the case when clicked; ticking its box must not.
        onClick={(e) => e.stopPropagation()}
        aria-label={t('enforcement.select.case', { id: c.id })}
        data-testid="case-select"
      />
    ),
  };
  const columns: Column<CaseSummary>[] = [
    ...(canJudge ? [selectColumn] : []),
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
    {
      // ID and name in one column, as the time and who opened the case: the summary keeps the width (1366 px screens).
      key: 'person',
      header: t('enforcement.col.person'),
      cell: (c) => (
        <span className="enf-stack">
          <span className="enf-mono enf-nowrap">{c.idMasked}</span>
          <span>{c.nameMasked ?? '—'}</span>
        </span>
      ),
    },
    { key: 'county', header: t('enforcement.col.county'), cell: (c) => <CountyText county={c.county} /> },
    { key: 'behavior', header: t('enforcement.col.behavior'), cell: (c) => <BehaviorText behavior={c.behavior} /> },
    { key: 'state', header: t('enforcement.col.state'), cell: (c) => <StateTag state={c.state} /> },
    {
      key: 'opened',
      header: t('enforcement.col.opened'),
      cell: (c) => (
        <span className="enf-stack">
          <TimeText at={c.openedAt} wrap />
          <span className="enf-muted">{openedByText(t, c.openedBy)}</span>
        </span>
      ),
    },
    {
      key: 'age',
      header: t('enforcement.col.age'),
      numeric: true,
      cell: (c) => <AgeText days={page ? ageDays(page.now, c.openedAt) : null} />,
    },
    {
      key: 'summary',
      header: t('enforcement.col.summary'),
      className: 'enf-summary',
      cell: (c) => {
        const text = caseSummaryText(c, lang);
        // Three lines at most in the row (the case page has it whole); the whole of it on hover.
        return (
          <span className="enf-clamp" title={text} data-testid="case-summary-cell">
            {text}
          </span>
        );
      },
    },
  ];
  const hint = searchHint(page?.searchedAs ?? null);

  const all = counts.data ? totalCount(counts.data) : null;

  return (
    <Card
      title={t('enforcement.queue.title')}
      testId="case-queue"
      actions={
        <>
          <ExportButton
            testId="cases-export"
            label={t('enforcement.export.queue')}
            disabled={!page || page.total === 0}
            run={() => exportFile('cases.export', queueParams(view.filter), exportFileName(page?.now ?? null))}
          />
          {canFlag ? (
            <>
              <button type="button" onClick={detect} disabled={detecting} data-testid="run-detectors" title={t('enforcement.detect.hint')}>
                {detecting ? t('enforcement.detect.running') : t('enforcement.detect.run')}
              </button>
              <button type="button" className="button-primary" onClick={onFlag} data-testid="flag-open">
                {t('enforcement.flag.open')}
              </button>
            </>
          ) : null}
        </>
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

      <QueueFilters filter={view.filter} lockedCounty={lockedCounty} onFilter={setFilter} />
      {hint ? (
        <p className="notice notice-warn" role="status" data-testid="cases-search-hint">
          {t(hint)}
        </p>
      ) : null}
      {canJudge && selected.size > 0 ? (
        <BulkBar
          selected={selectedNow}
          role={session.user.role}
          onMoved={() => setLocal((n) => n + 1)}
          onClear={() => setSelected(new Map())}
        />
      ) : null}

      {list.error ? <ErrorBox error={list.error} onRetry={list.reload} testId="cases-error" /> : null}
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        rowTestId="case-row"
        rowAttrs={(c) => ({
          'data-case-id': c.id,
          'data-state': c.state,
          'data-behavior': c.behavior,
          'data-county': c.county ?? '',
          'data-opened-at': c.openedAt,
        })}
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

function AgeText({ days }: { days: number | null }) {
  const { t, formatNumber } = useI18n();
  if (days === null) return <span>—</span>;
  return (
    <span className="enf-nowrap" data-days={days}>
      {days === 0 ? t('enforcement.age.underDay') : t('enforcement.age.days', { n: formatNumber(days) })}
    </span>
  );
}
