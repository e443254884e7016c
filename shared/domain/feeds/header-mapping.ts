/**
 * Matching a file's header row to a feed's columns: canonical English or Chinese names, any order.
 * The mapping is positional (arrays, never objects keyed by header text), so a hostile header such
 * as `__proto__` cannot reach an object prototype.
 */
import type { FeedColumn, FeedSchema } from './feed-schemas.ts';
import { headerNeeds } from './feed-schemas.ts';
import { columnLabel } from './field-parsers.ts';

export interface HeaderMapping {
  /** For each schema column (in schema order), its position in the file, or -1 if absent. */
  positions: readonly number[];
  /** The header cells as the file has them. */
  header: readonly string[];
  /** Header cells that match no column of the feed (ignored, reported once per file). */
  ignored: readonly string[];
}

export interface FileProblem {
  code: 'not_readable' | 'unknown_feed' | 'missing_column' | 'duplicate_column' | 'empty_file' | 'too_large' | 'unsupported_type';
  en: string;
  zh: string;
}

export type HeaderResult = { ok: true; mapping: HeaderMapping } | { ok: false; problem: FileProblem };

export function normalizeHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

export function mapHeader(feed: FeedSchema, header: readonly string[]): HeaderResult {
  const names = header.map(normalizeHeaderCell);
  if (names.every((n) => n === '')) {
    return { ok: false, problem: { code: 'empty_file', en: 'the first row (the header) is empty', zh: '首行（表头）为空' } };
  }
  const positions: number[] = [];
  const used = new Set<number>();
  for (const column of feed.columns) {
    const matches: number[] = [];
    names.forEach((n, i) => {
      if (n === column.name || n === column.zh) matches.push(i);
    });
    if (matches.length > 1) {
      return {
        ok: false,
        problem: {
          code: 'duplicate_column',
          en: `the column ${columnLabel(column)} appears ${matches.length} times in the header; keep one`,
          zh: `表头中 ${columnLabel(column)} 列出现了${matches.length}次，请只保留一列`,
        },
      };
    }
    const at = matches[0] ?? -1;
    if (at >= 0) used.add(at);
    positions.push(at);
  }
  // Every column the feed has (not only the key) must be in the header: an upsert file without a
  // column would otherwise read as empty values and erase what is stored (absent is not empty).
  const missing = feed.columns.filter((c, i) => positions[i]! < 0 && headerNeeds(feed, c));
  if (missing.length > 0) return { ok: false, problem: missingColumns(feed, missing) };
  const ignored = header.filter((h, i) => !used.has(i) && normalizeHeaderCell(h) !== '');
  return { ok: true, mapping: { positions, header, ignored } };
}

/** The header lacks columns the feed has: named as EXCHANGE.md names them, in both languages. */
export function missingColumns(feed: FeedSchema, missing: readonly FeedColumn[]): FileProblem {
  const labels = missing.map(columnLabel);
  const one = missing.length === 1;
  return {
    code: 'missing_column',
    en:
      `the header has no ${labels.join(', ')} column${one ? '' : 's'}, which the ${feed.name} feed (${feed.zh}) requires; add ` +
      `${one ? 'it' : 'them'} (English or Chinese name) or choose the right feed`,
    zh: `表头缺少 ${labels.join('、')} 列（${feed.zh}必填），请补上（中文或英文列名均可）或选择正确的数据源`,
  };
}
