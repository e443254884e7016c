import { type KeyboardEvent, useEffect, useState } from 'react';
import type { CaseSort } from '../../../../shared/contract/enforcement.ts';
import { BEHAVIORS, CASE_STATES } from '../../../../shared/domain/cases.ts';
import { COUNTIES, countyName } from '../../../../shared/domain/counties.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { behaviorName, isBehavior, isCaseState, stateName } from './enforcement-text.ts';
import { type QueueFilter, isFiltered, startFilter } from './queue-state.ts';

const SEARCH_DELAY_MS = 300;
const SORTS: readonly CaseSort[] = ['newest', 'oldest'];

/**
 * The queue's toolbar: a search (whole ID number, phone, name or #case number, sent after a pause
 * in typing or at once on Enter), state, behaviour, county and the order by age. A county account's
 * county is shown and fixed: the console holds it to its county whatever the page sends.
 */
export function QueueFilters({
  filter,
  lockedCounty,
  onFilter,
}: {
  filter: QueueFilter;
  lockedCounty: string | null;
  onFilter: (filter: QueueFilter) => void;
}) {
  const { t, lang } = useI18n();
  const [typed, setTyped] = useState(filter.search);
  // A cleared filter (the button) clears the box too (state adjusted while rendering).
  const [shown, setShown] = useState(filter.search);
  if (filter.search !== shown) {
    setShown(filter.search);
    setTyped(filter.search);
  }

  useEffect(() => {
    if (typed === filter.search) return;
    const timer = window.setTimeout(() => onFilter({ ...filter, search: typed }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed, filter, onFilter]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (typed !== filter.search) onFilter({ ...filter, search: typed });
  };

  return (
    <div className="enf-toolbar" role="search">
      <label className="enf-inline-field enf-search-field">
        <span>{t('enforcement.search.label')}</span>
        <input
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onSearchKey}
          placeholder={t('enforcement.search.placeholder')}
          title={t('enforcement.search.hint')}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          data-testid="cases-search"
        />
      </label>
      <label className="enf-inline-field">
        <span>{t('enforcement.filter.state')}</span>
        <select
          value={filter.state ?? ''}
          onChange={(e) => onFilter({ ...filter, state: isCaseState(e.target.value) ? e.target.value : null })}
          data-testid="cases-filter-state"
        >
          <option value="">{t('enforcement.filter.allStates')}</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {stateName(t, s)}
            </option>
          ))}
        </select>
      </label>
      <label className="enf-inline-field">
        <span>{t('enforcement.filter.behavior')}</span>
        <select
          value={filter.behavior ?? ''}
          onChange={(e) => onFilter({ ...filter, behavior: isBehavior(e.target.value) ? e.target.value : null })}
          data-testid="cases-filter-behavior"
        >
          <option value="">{t('enforcement.filter.allBehaviors')}</option>
          {BEHAVIORS.map((b) => (
            <option key={b} value={b}>
              {behaviorName(b, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="enf-inline-field">
        <span>{t('enforcement.filter.county')}</span>
        <select
          value={lockedCounty ?? filter.county ?? ''}
          disabled={lockedCounty !== null}
          onChange={(e) => onFilter({ ...filter, county: e.target.value || null })}
          data-testid="cases-filter-county"
        >
          {lockedCounty === null ? <option value="">{t('enforcement.filter.allCounties')}</option> : null}
          {COUNTIES.filter((c) => lockedCounty === null || c.code === lockedCounty).map((c) => (
            <option key={c.code} value={c.code}>
              {countyName(c.code, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="enf-inline-field">
        <span>{t('enforcement.filter.sort')}</span>
        <select
          value={filter.sort}
          onChange={(e) => onFilter({ ...filter, sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
          data-testid="cases-sort"
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`enforcement.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter, lockedCounty) ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() => onFilter({ ...startFilter(lockedCounty), sort: filter.sort })}
          data-testid="cases-filter-clear"
        >
          {t('enforcement.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}
