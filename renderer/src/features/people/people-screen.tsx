import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './people.css';
import { PersonPage } from './person-page.tsx';
import { EMPTY_SEARCH, MIN_QUERY, type SearchState, tooShortSearch } from './search-state.ts';
import { SEARCH_LIMIT, SearchView } from './search-view.tsx';

/**
 * 人员查询: search by ID number, phone or name, and a person's page. The search lives here, above
 * both views, so "back to the results" finds them as they were (the route only names the person).
 */
export function PeopleScreen({ session, personRef }: { session: SessionInfo; personRef: string | null }) {
  const { t } = useI18n();
  const [query, setQuery] = useState(EMPTY_SEARCH.query);
  // The query sent (null: none, or one too short), and the query of the results shown.
  const [asked, setAsked] = useState<string | null>(null);
  const [searched, setSearched] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const found = useApi('people.search', asked === null ? null : { query: asked, limit: SEARCH_LIMIT }, [], {
    onAnswer: () => setSearched(asked),
  });
  const search: SearchState = {
    query,
    searched,
    // A too-short query clears the results (they would stand under the error as if they answered it).
    results: searched === null ? null : found.data,
    loading: found.loading,
    error: asked === null ? null : found.error,
    tooShort,
  };

  const runSearch = (typed: string) => {
    const q = typed.trim();
    if (q.length < MIN_QUERY) {
      const cleared = tooShortSearch(search);
      setAsked(null);
      setSearched(cleared.searched);
      setTooShort(cleared.tooShort);
      return;
    }
    setTooShort(false);
    if (q === asked) found.reload();
    else setAsked(q);
  };

  return (
    <section data-screen="people" className="screen people-screen">
      <h1 className="screen-title">{t('people.title')}</h1>
      {personRef ? (
        <PersonPage key={personRef} personRef={personRef} session={session} hasResults={search.results !== null} />
      ) : (
        <SearchView
          search={search}
          onQuery={(typed) => {
            setQuery(typed);
            setTooShort(false);
          }}
          onSearch={runSearch}
        />
      )}
    </section>
  );
}
