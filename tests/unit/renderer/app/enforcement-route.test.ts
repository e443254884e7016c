import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../../renderer/src/app/router.tsx';

describe('enforcement routes', () => {
  it('the queue, a case page and the report dialog for a person', () => {
    expect(parseRoute('#/enforcement')).toEqual({ screen: 'enforcement', caseId: null, flag: null });
    expect(parseRoute('#/enforcement/42')).toEqual({ screen: 'enforcement', caseId: 42, flag: null });
    expect(parseRoute('#/enforcement?flag=abc')).toEqual({ screen: 'enforcement', caseId: null, flag: 'abc' });
    expect(parseRoute('#/enforcement/0')).toEqual({ screen: 'enforcement', caseId: null, flag: null });
    expect(parseRoute('#/enforcement/x1')).toEqual({ screen: 'enforcement', caseId: null, flag: null });
  });

  it('round-trips through routeHash, references with any characters', () => {
    for (const route of [
      { screen: 'enforcement', caseId: 7, flag: null },
      { screen: 'enforcement', caseId: null, flag: 'p/1 2?&=' },
      { screen: 'enforcement', caseId: null, flag: null },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ screen: 'enforcement', caseId: 7, flag: null })).toBe('#/enforcement/7');
  });

  it('a bare `{ screen }` (the shell’s redirect) is the queue; other routes ignore a query', () => {
    expect(routeHash({ screen: 'enforcement' } as never)).toBe('#/enforcement');
    expect(parseRoute('#/people/abc?x=1')).toEqual({ screen: 'people', ref: 'abc' });
    expect(parseRoute('#/data?x=1')).toEqual({ screen: 'data' });
  });
});
