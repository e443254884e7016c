/** The People screen's search, kept above both views (results and a person's page). Pure steps. */
import type { PersonSummary } from '../../../../shared/contract/api.ts';

export interface SearchState {
  /** What is in the box. */
  query: string;
  /** The query of the results shown. */
  searched: string | null;
  results: PersonSummary[] | null;
  loading: boolean;
  error: unknown;
  tooShort: boolean;
}

export const EMPTY_SEARCH: SearchState = { query: '', searched: null, results: null, loading: false, error: null, tooShort: false };

export const MIN_QUERY = 2;

/**
 * A query too short to search: say so, and clear the previous results, which would otherwise
 * stand under the error as if they answered the new query.
 */
export function tooShortSearch(s: SearchState): SearchState {
  return { ...s, searched: null, results: null, loading: false, error: null, tooShort: true };
}
