import { type FormEvent, useId } from 'react';
import type { PersonSummary } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { navigate, routeHash } from '../../app/router.tsx';
import { Card } from '../../components/card.tsx';
import { ColorBadge } from '../../components/color-badge.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { ExportButton, exportFile } from '../../components/export-button.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SearchState } from './search-state.ts';

export const SEARCH_LIMIT = 50;

/** The search box and its results; a result opens the person's page. */
export function SearchView({
  search,
  onQuery,
  onSearch,
}: {
  search: SearchState;
  onQuery: (q: string) => void;
  onSearch: (q: string) => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const hintId = useId();
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(search.query);
  };

  const open = (p: PersonSummary) => navigate({ screen: 'people', ref: p.ref });

  return (
    <>
      <Card>
        <form className="people-search" onSubmit={submit} role="search">
          <label className="people-search-label">
            <span>{t('people.search.label')}</span>
            <input
              type="search"
              value={search.query}
              onChange={(e) => onQuery(e.target.value)}
              placeholder={t('people.search.placeholder')}
              maxLength={64}
              spellCheck={false}
              autoComplete="off"
              autoFocus
              aria-describedby={search.tooShort ? `${hintId} ${errorId}` : hintId}
              aria-invalid={search.tooShort || undefined}
              data-testid="people-search-input"
            />
          </label>
          <button type="submit" className="button-primary" disabled={search.loading} data-testid="people-search-submit">
            {search.loading ? t('people.search.searching') : t('people.search.submit')}
          </button>
        </form>
        {search.tooShort ? (
          <p className="people-field-error" id={errorId} role="alert" data-testid="people-search-too-short">
            {t('people.search.tooShort')}
          </p>
        ) : null}
        <p className="people-hint" id={hintId}>
          {t('people.search.hint')}
        </p>
        {search.error ? <ErrorBox error={search.error} testId="people-search-error" /> : null}
      </Card>

      {search.results !== null && search.searched !== null ? (
        <Card
          title={t('people.search.count', { n: formatNumber(search.results.length) })}
          testId="people-results"
          actions={
            <ExportButton
              testId="people-results-export"
              disabled={search.results.length === 0}
              run={() => exportFile('people.exportSearch', { query: search.searched!, limit: SEARCH_LIMIT }, `${t('people.title')}.xlsx`)}
            />
          }
        >
          {search.results.length === 0 ? (
            <p className="people-empty" data-testid="people-no-results">
              {t('people.search.none', { query: search.searched })}
            </p>
          ) : (
            <div className="people-table-wrap" aria-busy={search.loading || undefined}>
              <table className="people-results">
                <thead>
                  <tr>
                    <th scope="col">{t('people.col.id')}</th>
                    <th scope="col">{t('people.col.name')}</th>
                    <th scope="col">{t('people.col.phone')}</th>
                    <th scope="col">{t('people.col.county')}</th>
                    <th scope="col">{t('people.col.color')}</th>
                  </tr>
                </thead>
                <tbody>
                  {search.results.map((p) => (
                    <tr key={p.ref} data-testid="people-result" data-ref={p.ref} className="people-row" onClick={() => open(p)}>
                      <td>
                        <a
                          href={routeHash({ screen: 'people', ref: p.ref })}
                          className="people-mono"
                          aria-label={t('people.open', { id: p.idMasked })}
                          onClick={(e) => e.stopPropagation()}
                        >
                          {p.idMasked}
                        </a>
                      </td>
                      <td>{p.nameMasked ?? '—'}</td>
                      <td className="people-mono">{p.phoneMasked ?? '—'}</td>
                      <td>{p.county ? countyName(p.county, lang) : '—'}</td>
                      <td>
                        <ColorBadge color={p.color} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {search.results.length >= SEARCH_LIMIT ? (
            <p className="people-hint">{t('people.search.more', { n: formatNumber(SEARCH_LIMIT) })}</p>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
