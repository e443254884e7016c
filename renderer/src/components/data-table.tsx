import type { Key, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { pageInfo } from './paging.ts';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  className?: string;
}

/** Server-side paging: the table shows one page and asks for another by offset. */
export interface Paging {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** One test id for every row, or one per row. */
  rowTestId?: string | ((row: Row) => string);
  /** Attributes on each row (`data-case-id`, `data-state`…) for the end-to-end tests. */
  rowAttrs?: (row: Row) => Record<`data-${string}`, string | number>;
  /** Rows that open something when clicked (the first cell should hold a link, for the keyboard). */
  onRow?: (row: Row) => void;
  paging?: Paging;
  empty?: ReactNode;
  testId?: string;
  caption?: ReactNode;
  loading?: boolean;
}

function rowTestIdOf<Row>(row: Row, rowTestId: DataTableProps<Row>['rowTestId'], testId: string | undefined): string | undefined {
  if (typeof rowTestId === 'function') return rowTestId(row);
  return rowTestId ?? (testId ? `${testId}-row` : undefined);
}

/**
 * A table of rows with optional server-side paging. Rows beyond one page never reach the page: the
 * caller fetches `limit` rows at `offset` and passes the total.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowTestId,
  rowAttrs,
  onRow,
  paging,
  empty,
  testId,
  caption,
  loading,
}: DataTableProps<Row>) {
  const { t, formatNumber } = useI18n();
  const info = paging ? pageInfo(paging.offset, paging.limit, paging.total, rows.length) : null;
  return (
    <div className="data-table" data-testid={testId} aria-busy={loading || undefined}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : c.className}>
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
              <tr
                key={rowKey(row)}
                data-testid={rowTestIdOf(row, rowTestId, testId)}
                {...(rowAttrs ? rowAttrs(row) : {})}
                className={onRow ? 'row-link' : undefined}
                onClick={
                  onRow
                    ? (e) => {
                        // A link or button inside the row does its own thing.
                        if ((e.target as HTMLElement).closest('a,button')) return;
                        onRow(row);
                      }
                    : undefined
                }
              >
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : c.className}>
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
          <span className="num" data-testid={testId ? `${testId}-range` : undefined}>
            {t('table.range', { from: formatNumber(info.from), to: formatNumber(info.to), total: formatNumber(info.total) })}
          </span>
          <button
            type="button"
            disabled={info.prevOffset === null || loading}
            onClick={() => info.prevOffset !== null && paging.onPage(info.prevOffset)}
            data-testid={testId ? `${testId}-prev` : undefined}
          >
            {t('table.prev')}
          </button>
          <span className="num">{t('table.page', { page: formatNumber(info.page), pages: formatNumber(info.pages) })}</span>
          <button
            type="button"
            disabled={info.nextOffset === null || loading}
            onClick={() => info.nextOffset !== null && paging.onPage(info.nextOffset)}
            data-testid={testId ? `${testId}-next` : undefined}
          >
            {t('table.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
