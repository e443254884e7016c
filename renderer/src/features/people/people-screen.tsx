import { useRef, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
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
  const [search, setSearch] = useState<SearchState>(EMPTY_SEARCH);
  const generation = useRef(0);

  const runSearch = (query: string) => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      // A search still on its way must not bring back results under the error.
      generation.current++;
      setSearch(tooShortSearch);
      return;
    }
    const mine = ++generation.current;
    setSearch((s) => ({ ...s, loading: true, error: null, tooShort: false }));
    api('people.search', { query: q, limit: SEARCH_LIMIT }).then(
      (results) => {
        if (mine === generation.current) setSearch((s) => ({ ...s, searched: q, results, loading: false }));
      },
      (error: unknown) => {
        if (mine === generation.current) setSearch((s) => ({ ...s, loading: false, error }));
      },
    );
  };

  return (
    <section data-screen="people" className="screen people-screen">
      <h1 className="screen-title">{t('people.title')}</h1>
      {personRef ? (
        <PersonPage key={personRef} personRef={personRef} session={session} hasResults={search.results !== null} />
      ) : (
        <SearchView search={search} onQuery={(query) => setSearch((s) => ({ ...s, query, tooShort: false }))} onSearch={runSearch} />
      )}
    </section>
  );
}
