import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, tooShortSearch } from '../../../../../renderer/src/features/people/search-state.ts';

describe('people search', () => {
  it('a query under 2 characters says so and clears the previous results', () => {
    const shown = {
      ...EMPTY_SEARCH,
      query: 'z',
      searched: '张三',
      results: [
        { ref: 'r1', idMasked: '371602********1234', nameMasked: '张*', phoneMasked: null, county: '371602', color: 'green' as const },
      ],
      error: new Error('old'),
    };
    const next = tooShortSearch(shown);
    expect(next).toMatchObject({ query: 'z', tooShort: true, results: null, searched: null, error: null, loading: false });
  });
});
