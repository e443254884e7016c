// The comparison behind "figures changed after sign-off": the signed snapshot against the figures now.
import { describe, expect, test } from 'vitest';
import { SIGNOFF_FIGURES, type SignoffFigures, changedFigures } from '../../../../shared/domain/county-signoff.ts';

const figures = (over: Partial<SignoffFigures> = {}): SignoffFigures => ({
  ...(Object.fromEntries(SIGNOFF_FIGURES.map((k) => [k, 10])) as SignoffFigures),
  ...over,
});

describe('changedFigures', () => {
  test('nothing changed: no figures', () => {
    expect(changedFigures(figures(), figures())).toEqual([]);
  });

  test('each figure that differs, signed → now, in the briefing’s order', () => {
    const signed = figures({ red: 3, green: 300, openCases: 1 });
    const now = figures({ red: 4, green: 299, openCases: 1, notices: 11 });
    expect(changedFigures(signed, now)).toEqual([
      { figure: 'red', before: 3, after: 4 },
      { figure: 'green', before: 300, after: 299 },
      { figure: 'notices', before: 10, after: 11 },
    ]);
  });

  test('a change back to the signed value is no change; zero is a value like any other', () => {
    expect(changedFigures(figures({ red: 0 }), figures({ red: 0 }))).toEqual([]);
    expect(changedFigures(figures({ red: 0 }), figures({ red: 1 }))).toEqual([{ figure: 'red', before: 0, after: 1 }]);
  });

  test('a figure the snapshot lacks (signed by an older console) was never signed, so it is no change', () => {
    const { notices: _n, changes: _c, ...older } = figures();
    expect(changedFigures(older, figures({ notices: 99, changes: 5 }))).toEqual([]);
    expect(changedFigures({ red: '10' }, figures())).toEqual([]);
  });
});
