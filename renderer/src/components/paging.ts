/** Server-side paging arithmetic for DataTable (pure, so it is tested without a DOM). */
export interface PageInfo {
  /** 1-based number of the first row shown (0 when there are none). */
  from: number;
  /** 1-based number of the last row shown. */
  to: number;
  total: number;
  page: number;
  pages: number;
  prevOffset: number | null;
  nextOffset: number | null;
}

export function pageInfo(offset: number, limit: number, total: number, rowsShown: number): PageInfo {
  const size = Math.max(1, Math.floor(limit));
  const start = Math.max(0, Math.floor(offset));
  const pages = Math.max(1, Math.ceil(total / size));
  return {
    from: rowsShown > 0 ? start + 1 : 0,
    to: start + Math.max(0, rowsShown),
    total,
    page: Math.floor(start / size) + 1,
    pages,
    prevOffset: start > 0 ? Math.max(0, start - size) : null,
    nextOffset: start + size < total ? start + size : null,
  };
}

/** The offset of the last page (after rows were removed, an offset past the end moves back here). */
export function lastPageOffset(limit: number, total: number): number {
  const size = Math.max(1, Math.floor(limit));
  return total <= 0 ? 0 : Math.floor((total - 1) / size) * size;
}
