/**
 * Validation of one data row against its feed: every column parsed, required values present, and the
 * rules between columns. A row either yields all its stored values or the list of its problems.
 */
import type { Cell } from './cells.ts';
import { cellText } from './cells.ts';
import type { FeedSchema } from './feed-schemas.ts';
import { isRequired } from './feed-schemas.ts';
import { type StoredValue, columnLabel, parseField } from './field-parsers.ts';
import type { HeaderMapping } from './header-mapping.ts';
import type { PlausibleWindow } from './plausible-window.ts';
import { type Problem, problem, reasons } from './reject-reasons.ts';

export type RowResult = { ok: true; values: StoredValue[] } | { ok: false; problems: Problem[] };

export interface RowOptions {
  /** CSV rows must have as many fields as the header; XLSX rows may omit trailing empty cells. */
  exactFieldCount: boolean;
  /** Dates and timestamps outside it are bad input (feeds/plausible-window.ts). */
  window: PlausibleWindow;
}

export function validateRow(feed: FeedSchema, mapping: HeaderMapping, cells: readonly Cell[], options: RowOptions): RowResult {
  if (options.exactFieldCount && cells.length !== mapping.header.length) {
    const text = cells.map(cellText).join(',');
    return { ok: false, problems: [problem('', text, 'field_count', reasons.fieldCount(cells.length, mapping.header.length))] };
  }
  // Allocated only for bad rows: this runs for every row of every file.
  let problems: Problem[] | null = null;
  const values: StoredValue[] = new Array(feed.columns.length);
  for (let c = 0; c < feed.columns.length; c++) {
    const column = feed.columns[c]!;
    const at = mapping.positions[c]!;
    const result = parseField(column, at >= 0 ? cells[at] : undefined, options.window);
    if (!result.ok) {
      (problems ??= []).push(result.problem);
      values[c] = null;
      continue;
    }
    if (result.value === null && isRequired(feed, column)) {
      (problems ??= []).push(problem(column.name, '', 'required', reasons.required(columnLabel(column))));
    }
    values[c] = result.value;
  }
  if (problems === null && feed.name !== 'roaming' && feed.name !== 'key_areas') return { ok: true, values };
  problems ??= [];
  if (problems.length === 0) crossFieldChecks(feed, values, (name) => originalText(feed, mapping, cells, name), problems);
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

function originalText(feed: FeedSchema, mapping: HeaderMapping, cells: readonly Cell[], name: string): string {
  const at = mapping.positions[feed.columns.findIndex((c) => c.name === name)] ?? -1;
  return at >= 0 ? cellText(cells[at]) : '';
}

function crossFieldChecks(feed: FeedSchema, values: StoredValue[], textOf: (name: string) => string, problems: Problem[]): void {
  const get = (name: string) => values[feed.columns.findIndex((c) => c.name === name)];
  if (feed.name === 'roaming') {
    const first = get('first_seen');
    const last = get('last_seen');
    if (typeof first === 'number' && typeof last === 'number' && last < first) {
      problems.push(problem('last_seen', textOf('last_seen'), 'last_seen_before_first_seen', reasons.lastSeenBeforeFirstSeen()));
    }
  }
  if (feed.name === 'key_areas') {
    const from = get('effective_from');
    const to = get('effective_to');
    if (typeof from === 'number' && typeof to === 'number' && to < from) {
      problems.push(problem('effective_to', textOf('effective_to'), 'effective_to_before_from', reasons.effectiveToBeforeFrom()));
    }
  }
}
