/**
 * The people behind a figure: a dialog over the screen with the list for the figure's day and
 * county, masked, paged and sorted on the server, each person a link to their page (for roles that
 * see people); its count is the figure's. Exports the whole list masked, or in full for a role that
 * may unmask (after a confirmation; the export is audited).
 */
import { useState } from 'react';
import type { FigurePerson, FigureQuery, FigureSort, SessionInfo } from '../../../../shared/contract/api.ts';
import { FIGURE_SORTS } from '../../../../shared/contract/figures.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { changeReason } from '../../../../shared/domain/rules/reason-words.ts';
import { useApi } from '../../api/use-api.ts';
import { ColorBadge } from '../../components/color-badge.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { ExportButton, exportFile } from '../../components/export-button.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonCell } from '../enterprises/person-cell.tsx';
import { figureName } from './figure-text.ts';
import './figures.css';

const PAGE_SIZE = 50;
const DENSE: readonly FigureQuery['figure'][] = ['green', 'holders', 'noCode'];

export function FigurePeopleDialog({ query, session, onClose }: { query: FigureQuery; session: SessionInfo; onClose: () => void }) {
  const { t, lang, formatNumber } = useI18n();
  const [offset, setOffset] = useState(0);
  // Green, all holders and no code are most of the city: in ID order a page is read at once, where
  // newest-first would read every history; the other lists are small and open newest first.
  const [sort, setSort] = useState<FigureSort>(DENSE.includes(query.figure) ? 'id' : 'since_desc');
  const params = { ...query, sort };
  const answer = useApi('figures.people', { ...params, offset, limit: PAGE_SIZE }, []);
  const page = answer.data;
  const canOpen = session.permissions.includes('people.view');
  const mayUnmask = session.permissions.includes('people.unmask');
  const name = figureName(t, query);
  const scope = query.county ? countyName(query.county, lang) : t('dashboard.scopeCity');
  const change =
    query.figure !== 'red' &&
    query.figure !== 'yellow' &&
    query.figure !== 'green' &&
    query.figure !== 'holders' &&
    query.figure !== 'noCode';

  const columns: Column<FigurePerson>[] = [
    { key: 'id', header: t('figures.col.id'), cell: (r) => <PersonCell personRef={r.ref} idMasked={r.idMasked} canOpen={canOpen} /> },
    { key: 'name', header: t('figures.col.name'), cell: (r) => r.nameMasked ?? '—' },
    { key: 'phone', header: t('figures.col.phone'), cell: (r) => <span className="mono">{r.phoneMasked ?? '—'}</span> },
    { key: 'county', header: t('figures.col.county'), cell: (r) => (r.county ? countyName(r.county, lang) : t('figures.unknownCounty')) },
    ...(change
      ? [{ key: 'from', header: t('figures.col.from'), cell: (r: FigurePerson) => (r.from ? <ColorBadge color={r.from} /> : '—') }]
      : []),
    { key: 'color', header: t('figures.col.color'), cell: (r) => <ColorBadge color={r.color} /> },
    { key: 'since', header: t('figures.col.since'), cell: (r) => r.since ?? '—', className: 'num' },
    {
      key: 'reason',
      header: t('figures.col.reason'),
      cell: (r) => (r.cause ? changeReason(lang, r.cause, r.reasonSource, r.reasonCondition) : '—'),
      className: 'figure-reason',
    },
  ];
  const day = page?.asOf ?? query.asOf ?? '';
  const fileName = `${name}-${scope}-${day}.xlsx`;

  return (
    <Modal title={t('figures.title', { figure: name, scope, day })} onClose={onClose} testId="figure-people">
      <div className="figure-people" data-total={page?.total ?? ''} data-ready={!answer.loading && page !== null ? 'true' : 'false'}>
        <div className="figure-people-bar">
          <strong data-testid="figure-people-total" data-value={page?.total ?? ''}>
            {page ? t('figures.total', { n: formatNumber(page.total) }) : t('common.loading')}
          </strong>
          <label>
            <span>{t('figures.sort')}</span>
            <select
              data-testid="figure-people-sort"
              value={sort}
              onChange={(e) => {
                setSort(e.target.value as FigureSort);
                setOffset(0);
              }}
            >
              {FIGURE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`figures.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <ExportButton
            testId="figure-people-export"
            label={t('figures.export')}
            disabled={!page || page.total === 0}
            run={() => exportFile('figures.export', params, fileName)}
          />
          {mayUnmask ? (
            <ExportButton
              testId="figure-people-export-full"
              label={t('figures.exportFull')}
              confirm={t('figures.exportFullConfirm')}
              disabled={!page || page.total === 0}
              run={() => exportFile('figures.export', { ...params, unmask: true }, fileName)}
            />
          ) : null}
        </div>
        {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} /> : null}
        <DataTable
          columns={columns}
          rows={page?.rows ?? []}
          rowKey={(r) => r.ref}
          testId="figure-people-table"
          loading={answer.loading}
          empty={t('figures.empty')}
          paging={page ? { offset, limit: PAGE_SIZE, total: page.total, onPage: setOffset } : undefined}
        />
      </div>
    </Modal>
  );
}
