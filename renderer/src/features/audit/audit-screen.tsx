/**
 * 审计日志 (issue 16; administrators and credit staff of the whole city): the chain's state, and the
 * log filtered by user, action, person (a typed ID number) and period, paged on the server newest
 * first, exported as Excel. Every search, page, check and export is itself an entry of the log, so
 * the filters apply on Search (not per keystroke), and the pages of a list stay pinned to its first
 * page's newest entry until Refresh.
 */
import { useState } from 'react';
import type { AuditFilters, AuditRow } from '../../../../shared/contract/audit.ts';
import { exportFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ExportButton } from '../enterprises/export-button.tsx';
import {
  ACTION_SUGGESTIONS,
  AUDIT_PAGE_SIZE,
  type AuditForm,
  EMPTY_FORM,
  auditFilters,
  auditTimeText,
  detailsSummary,
  personIdOk,
  targetText,
} from './audit-text.ts';
import { ChainState } from './chain-state.tsx';
import './audit.css';

interface ListQuery {
  filters: AuditFilters;
  offset: number;
  /** Set once the first page is in: later pages are of the same list. */
  upTo?: number;
  /** Bumped by Refresh: the same filters asked again, from the newest entry. */
  refresh: number;
}

export function AuditScreen() {
  const { t, formatNumber } = useI18n();
  const [form, setForm] = useState<AuditForm>(EMPTY_FORM);
  const [query, setQuery] = useState<ListQuery>({ filters: {}, offset: 0, refresh: 0 });
  const answer = useApi(
    'audit.list',
    { ...query.filters, offset: query.offset, limit: AUDIT_PAGE_SIZE, ...(query.upTo !== undefined ? { upTo: query.upTo } : {}) },
    [query.refresh],
  );
  const page = answer.data;
  const idOk = personIdOk(form.personId);
  const field = (key: keyof AuditForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const search = (next: AuditForm) => setQuery((q) => ({ filters: auditFilters(next), offset: 0, refresh: q.refresh + 1 }));

  const columns: Column<AuditRow>[] = [
    { key: 'id', header: t('audit.col.id'), cell: (r) => formatNumber(r.id), numeric: true },
    { key: 'at', header: t('audit.col.at'), cell: (r) => <span className="audit-nowrap">{auditTimeText(r.at)}</span> },
    { key: 'user', header: t('audit.col.user'), cell: (r) => r.user ?? <span className="muted">{t('audit.system')}</span> },
    { key: 'action', header: t('audit.col.action'), cell: (r) => <code className="mono">{r.action}</code> },
    {
      key: 'target',
      header: t('audit.col.target'),
      cell: (r) => (
        <span className="mono audit-target" title={r.target ?? undefined}>
          {targetText(r.target)}
        </span>
      ),
    },
    {
      key: 'details',
      header: t('audit.col.details'),
      cell: (r) => {
        const d = detailsSummary(r.details);
        return (
          <span className="audit-details" title={d.full}>
            {d.short}
          </span>
        );
      },
    },
  ];

  return (
    <section
      className="screen audit-screen"
      data-screen="audit"
      data-testid="audit-screen"
      data-ready={page && !answer.loading ? 'true' : 'false'}
      aria-busy={!page || answer.loading}
    >
      <h1 className="screen-title">{t('audit.title')}</h1>
      <p className="intro">{t('audit.intro')}</p>
      <ChainState />
      <Card
        title={t('audit.list.title')}
        testId="audit-list"
        actions={
          <ExportButton
            testId="audit-export"
            label={t('audit.export')}
            disabled={!page || page.total === 0}
            run={() =>
              exportFile('audit.export', { ...query.filters, upTo: page?.upTo }, `审计日志_${new Date().toLocaleDateString('sv-SE')}.xlsx`)
            }
          />
        }
      >
        <form
          className="audit-filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (idOk) search(form);
          }}
        >
          <label className="audit-field">
            <span>{t('audit.filter.user')}</span>
            <input
              value={form.user}
              onChange={(e) => field('user')(e.target.value)}
              placeholder={t('audit.filter.userHint')}
              maxLength={64}
              data-testid="audit-user"
            />
          </label>
          <label className="audit-field">
            <span>{t('audit.filter.action')}</span>
            <input
              value={form.action}
              onChange={(e) => field('action')(e.target.value)}
              placeholder={t('audit.filter.actionHint')}
              list="audit-actions"
              maxLength={64}
              className="audit-action-input"
              data-testid="audit-action"
            />
            <datalist id="audit-actions">
              {ACTION_SUGGESTIONS.map(([value, label]) => (
                <option key={value} value={value} label={t(label)} />
              ))}
            </datalist>
          </label>
          <label className="audit-field">
            <span>{t('audit.filter.person')}</span>
            <input
              value={form.personId}
              onChange={(e) => field('personId')(e.target.value)}
              placeholder={t('audit.filter.personHint')}
              maxLength={24}
              aria-invalid={!idOk || undefined}
              aria-describedby={idOk ? undefined : 'audit-person-error'}
              className="mono"
              data-testid="audit-person"
            />
          </label>
          <label className="audit-field">
            <span>{t('audit.filter.from')}</span>
            <DateInput value={form.from} onChange={field('from')} max={form.to || undefined} testId="audit-from" />
          </label>
          <label className="audit-field">
            <span>{t('audit.filter.to')}</span>
            <DateInput value={form.to} onChange={field('to')} min={form.from || undefined} testId="audit-to" />
          </label>
          <div className="audit-buttons">
            <button type="submit" className="button-primary" disabled={!idOk} data-testid="audit-search">
              {t('audit.filter.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm(EMPTY_FORM);
                search(EMPTY_FORM);
              }}
              data-testid="audit-clear"
            >
              {t('audit.filter.clear')}
            </button>
            <button type="button" onClick={() => search(form)} disabled={!idOk} data-testid="audit-refresh">
              {t('audit.filter.refresh')}
            </button>
          </div>
        </form>
        {!idOk ? (
          <p className="field-error" id="audit-person-error" role="alert" data-testid="audit-person-error">
            {t('audit.filter.personInvalid')}
          </p>
        ) : null}
        <p className="muted audit-status">
          <span data-testid="audit-total" data-value={page && !answer.loading ? page.total : ''}>
            {page ? t('audit.list.total', { n: formatNumber(page.total) }) : ''}
          </span>
          {page ? <span> · {t('audit.list.pinned', { id: formatNumber(page.upTo) })}</span> : null}
        </p>
        {answer.error ? <ErrorBox error={answer.error} onRetry={answer.reload} testId="audit-list-error" /> : null}
        <DataTable
          columns={columns}
          rows={page?.rows ?? []}
          rowKey={(r) => r.id}
          testId="audit-table"
          rowAttrs={(r) => ({ 'data-id': r.id, 'data-action': r.action })}
          loading={answer.loading}
          empty={t('audit.list.empty')}
          paging={
            page
              ? {
                  offset: query.offset,
                  limit: AUDIT_PAGE_SIZE,
                  total: page.total,
                  onPage: (offset) => setQuery((q) => ({ ...q, offset, upTo: page.upTo })),
                }
              : undefined
          }
        />
      </Card>
    </section>
  );
}
