/**
 * The case queue's logic without React: its filters and the parameters they send, what a search
 * was read as, the cases' ages, a summary in the reader's language, and which bulk moves the
 * selected cases allow. Pure, so the unit tests call it directly.
 */
import type { CaseSearchKind, CaseSort, CaseSummary } from '../../../../shared/contract/enforcement.ts';
import { BULK_MOVES, type Behavior, type BulkMove, type CaseState, checkMove } from '../../../../shared/domain/cases.ts';
import { dayOfInstant, formatDay } from '../../../../shared/domain/local-date.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { summaryText } from '../../../../shared/words/evidence-words.ts';
import type { Language } from '../../../../shared/words/translate.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { CASES_PAGE_SIZE } from './enforcement-text.ts';

export interface QueueFilter {
  state: CaseState | null;
  behavior: Behavior | null;
  /** A county, or null: the whole city (a county account's is always its own). */
  county: string | null;
  /** The search box as typed. */
  search: string;
  sort: CaseSort;
}

export const NO_FILTER: QueueFilter = { state: null, behavior: null, county: null, search: '', sort: 'newest' };

/** The queue of a county account starts, and stays, on its county. */
export function startFilter(county: string | null): QueueFilter {
  return { ...NO_FILTER, county };
}

/** The search as sent: trimmed, and only from 2 characters on (the console refuses fewer). */
export function sentSearch(typed: string): string | undefined {
  const q = typed.trim();
  return q.length >= 2 ? q : undefined;
}

export interface QueueParams {
  state?: CaseState;
  behavior?: Behavior;
  county?: string;
  search?: string;
  sort?: CaseSort;
}

/** The filters as the list and the export both send them. */
export function queueParams(filter: QueueFilter): QueueParams {
  const search = sentSearch(filter.search);
  return {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.behavior ? { behavior: filter.behavior } : {}),
    ...(filter.county ? { county: filter.county } : {}),
    ...(search ? { search } : {}),
    ...(filter.sort !== 'newest' ? { sort: filter.sort } : {}),
  };
}

export function casesListParams(
  filter: QueueFilter,
  offset: number,
  limit = CASES_PAGE_SIZE,
): QueueParams & { offset: number; limit: number } {
  return { ...queueParams(filter), offset, limit };
}

/** A count chip clicked: filter by that state, or (clicked again) show every state. */
export function toggleState(filter: QueueFilter, state: CaseState | null): QueueFilter {
  return { ...filter, state: state === null || filter.state === state ? null : state };
}

/** Whether anything narrows the list (the sort does not); `lockedCounty` is not the user's to clear. */
export function isFiltered(filter: QueueFilter, lockedCounty: string | null): boolean {
  return (
    filter.state !== null ||
    filter.behavior !== null ||
    (filter.county !== null && filter.county !== lockedCounty) ||
    sentSearch(filter.search) !== undefined
  );
}

/** What the queue says beside a search's results: a fragment of an ID number finds nothing, and why. */
export function searchHint(kind: CaseSearchKind | null): MessageKey | null {
  return kind === 'id_incomplete' ? 'enforcement.search.idIncomplete' : null;
}

const DAY_MS = 86_400_000;

/** Whole days since the case was opened, on the console's clock (a demo city runs on its own days). */
export function ageDays(now: number, openedAt: number): number {
  return Math.max(0, Math.floor((now - openedAt) / DAY_MS));
}

/** A detector's summary in the reader's language; an officer's report (or an older case) as written. */
export function caseSummaryText(c: Pick<CaseSummary, 'summary' | 'summaryClauses'>, lang: Language): string {
  return c.summaryClauses && c.summaryClauses.length > 0 ? summaryText(c.summaryClauses, lang) : c.summary;
}

// ---- Bulk moves ---------------------------------------------------------------------------------

/** The bulk moves at least one of the selected cases may make, in the workflow's order. */
export function bulkMovesFor(states: readonly CaseState[], role: Role): BulkMove[] {
  return BULK_MOVES.filter((m) => states.some((s) => checkMove(s, m, role).ok));
}

/** The move most of the selected cases may make (the first in the workflow on a tie), or null. */
export function likelyBulkMove(states: readonly CaseState[], role: Role): BulkMove | null {
  let best: BulkMove | null = null;
  let most = 0;
  for (const m of BULK_MOVES) {
    const n = states.filter((s) => checkMove(s, m, role).ok).length;
    if (n > most) [best, most] = [m, n];
  }
  return best;
}

/** The selected cases a move would leave where they are, each with why (in both languages). */
export function cannotMove<C extends Pick<CaseSummary, 'id' | 'state'>>(
  cases: readonly C[],
  move: BulkMove,
  role: Role,
): { c: C; why: { en: string; zh: string } }[] {
  return cases.flatMap((c) => {
    const check = checkMove(c.state, move, role);
    return check.ok ? [] : [{ c, why: { en: check.en, zh: check.zh } }];
  });
}

/** The export's suggested file name (the desktop's save dialog; the console names a download itself). */
export function exportFileName(now: number | null): string {
  return now === null ? '案件队列.xlsx' : `案件队列-${formatDay(dayOfInstant(now))}.xlsx`;
}
