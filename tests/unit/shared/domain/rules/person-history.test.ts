import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../../../shared/domain/rules/evaluate.ts';
import {
  decodeHistory,
  encodeHistory,
  historyDeltas,
  historyTransitions,
  personHistory,
  stateOn,
} from '../../../../../shared/domain/rules/person-history.ts';
import { HUBEI, Person, day } from '../../../../support/rules-builder.ts';

const history = (p: Person, resident: string | null = '371602') =>
  personHistory(evaluate(p.records, [HUBEI], day('2020-03-31')).changes, p.records.declarations, resident);

describe('person history (colour and county by day)', () => {
  test('known with no code in the residents county, then the declaration county', () => {
    const h = history(new Person().declares('2020-02-10', {}, '371681'));
    expect(h.map((s) => [s.day, s.color, s.county])).toEqual([
      [-1, 'none', '371602'],
      [day('2020-02-10'), 'green', '371681'],
    ]);
  });

  test('a move to another county is a state of its own; colour changes carry their reason', () => {
    const h = history(new Person().declares('2020-02-10').declares('2020-02-15', {}, '371623').medical('2020-02-20'));
    expect(h.map((s) => [s.day, s.color, s.county])).toEqual([
      [-1, 'none', '371602'],
      [day('2020-02-10'), 'green', '371602'],
      [day('2020-02-15'), 'green', '371623'],
      [day('2020-02-20'), 'yellow', '371623'],
    ]);
    expect(h[3]!.reason).toMatch(/^trigger~medical~fever_medicine~/);
    expect(decodeHistory(encodeHistory(h))).toEqual(h);
    expect(stateOn(h, day('2020-02-16'))).toMatchObject({ color: 'green', county: '371623' });
  });

  test('deltas add up to one person in one place per day; removing them cancels adding them', () => {
    const h = history(new Person().declares('2020-02-10').medical('2020-02-20'), null);
    const sums = new Map<string, number>();
    const add = (sign: 1 | -1) =>
      historyDeltas(h, sign, (d, county, color, n) => sums.set(`${d}|${county}|${color}`, (sums.get(`${d}|${county}|${color}`) ?? 0) + n));
    add(1);
    const on = (d: number) => {
      const totals = new Map<string, number>();
      for (const [k, n] of sums) {
        const [kd, county, color] = k.split('|');
        if (Number(kd) <= d) totals.set(`${county}|${color}`, (totals.get(`${county}|${color}`) ?? 0) + n);
      }
      return [...totals].filter(([, n]) => n !== 0);
    };
    expect(on(day('2020-02-01'))).toEqual([['|none', 1]]);
    expect(on(day('2020-02-12'))).toEqual([['371602|green', 1]]);
    expect(on(day('2020-02-21'))).toEqual([['371602|yellow', 1]]);
    add(-1);
    expect([...sums.values()].every((n) => n === 0)).toBe(true);
    const moves: string[] = [];
    historyTransitions(h, 1, (d, county, from, to) => moves.push(`${d} ${county} ${from}->${to}`));
    expect(moves).toEqual([`${day('2020-02-10')} 371602 none->green`, `${day('2020-02-20')} 371602 green->yellow`]);
  });
});
