import type { Key, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { pageInfo } from './paging.ts';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/** Server-side paging: the table shows one page and asks for another by offset. */
export interface Paging {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}

/**
 * A table of rows with optional server-side paging. Rows beyond one page never reach the page: the
 * caller fetches `limit` rows at `offset` and passes the total.
 */
export function DataTable<Row>({ columns, rows, rowKey, rowTestId, paging, empty, testId, caption, loading }: { columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => Key; rowTestId?: (row: Row) => string; paging?: Paging; empty?: ReactNode; testId?: string; caption?: ReactNode; loading?: boolean }) {
  const { t, formatNumber } = useI18n();
  const info = paging ? pageInfo(paging.offset, paging.limit, paging.total, rows.length) : null;
  return (
    <div className="data-table" data-testid={testId} aria-busy={loading || undefined}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {loading ? t('common.loading') : (empty ?? t('table.empty'))}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} data-testid={rowTestId ? rowTestId(row) : testId ? `${testId}-row` : undefined}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {paging && info && info.total > 0 ? (
        <nav className="table-paging" aria-label={t('table.paging')}>
          <span className="num">{t('table.range', { from: formatNumber(info.from), to: formatNumber(info.to), total: formatNumber(info.total) })}</span>
          <button type="button" disabled={info.prevOffset === null || loading} onClick={() => info.prevOffset !== null && paging.onPage(info.prevOffset)} data-testid={testId ? `${testId}-prev` : undefined}>
            {t('table.prev')}
          </button>
          <span className="num">{t('table.page', { page: formatNumber(info.page), pages: formatNumber(info.pages) })}</span>
          <button type="button" disabled={info.nextOffset === null || loading} onClick={() => info.nextOffset !== null && paging.onPage(info.nextOffset)} data-testid={testId ? `${testId}-next` : undefined}>
            {t('table.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
