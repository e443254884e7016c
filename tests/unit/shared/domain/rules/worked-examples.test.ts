/** RULES.md's worked examples, each as stated. */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../../../shared/domain/rules/evaluate.ts';
import { HUBEI, Person, day, days, iso } from '../../../../support/rules-builder.ts';

const at = (p: Person, date: string) => {
  const e = evaluate(p.records, [HUBEI], day(date));
  return { color: e.color, since: iso(e.since), greenEligibleOn: iso(e.greenEligibleOn), e };
};

describe('RULES.md worked examples', () => {
  test('1. declares with no conditions, never checks in: green; none before declaring', () => {
    const p = new Person().declares('2020-02-20');
    expect(at(p, '2020-02-25')).toMatchObject({ color: 'green', since: '2020-02-20' });
    expect(at(p, '2020-02-19')).toMatchObject({ color: 'none', since: null });
  });

  test('2. key_area_visit then 14 normal days: red through 02-14, green on 02-15', () => {
    const p = new Person().declares('2020-02-01', { keyAreaVisit: true }).checksIn(...days('2020-02-02', '2020-02-15'));
    expect(at(p, '2020-02-14')).toMatchObject({ color: 'red', since: '2020-02-01', greenEligibleOn: '2020-02-15' });
    expect(at(p, '2020-02-15')).toMatchObject({ color: 'green', since: '2020-02-15' });
  });

  test('3. same but no check-in on 02-10: red on 02-15, earliest green 02-24', () => {
    const p = new Person()
      .declares('2020-02-01', { keyAreaVisit: true })
      .checksIn(...days('2020-02-02', '2020-02-15').filter((d) => d !== day('2020-02-10')));
    expect(at(p, '2020-02-15')).toMatchObject({ color: 'red', greenEligibleOn: '2020-02-24' });
    p.checksIn(...days('2020-02-16', '2020-02-24'));
    expect(at(p, '2020-02-23').color).toBe('red');
    expect(at(p, '2020-02-24').color).toBe('green');
  });

  test('4. green person roaming in Jiangsu (32) until 02-18: yellow from 02-18', () => {
    const p = new Person().declares('2020-02-01').roams('32', '2020-02-18', '2020-02-18');
    expect(at(p, '2020-02-17').color).toBe('green');
    expect(at(p, '2020-02-18')).toMatchObject({ color: 'yellow', since: '2020-02-18' });
  });

  test('5. green person, check-in at 37.5 °C on 02-18: yellow from 02-18', () => {
    const p = new Person().declares('2020-02-01').abnormal('2020-02-18', 37.5);
    expect(at(p, '2020-02-18')).toMatchObject({ color: 'yellow', since: '2020-02-18' });
    expect(at(p, '2020-02-18').e.reasons).toEqual([
      expect.objectContaining({ source: 'checkins', condition: 'temperature', date: day('2020-02-18') }),
    ]);
  });

  test('6. close contact 02-05, cleared 02-19, normal check-ins from 02-01: green on 03-04', () => {
    const p = new Person()
      .declares('2020-02-01')
      .checksIn(...days('2020-02-01', '2020-03-10'))
      .health('2020-02-05', 'close_contact')
      .health('2020-02-19', 'cleared');
    expect(at(p, '2020-02-10')).toMatchObject({ color: 'red', since: '2020-02-05', greenEligibleOn: null });
    expect(at(p, '2020-03-03')).toMatchObject({ color: 'red', greenEligibleOn: '2020-03-04' });
    expect(at(p, '2020-03-04')).toMatchObject({ color: 'green', since: '2020-03-04' });
  });

  test('7. yellow from a fever declaration 02-03; Hubei roaming until 02-02 arrives later: red, streak after 02-03', () => {
    const p = new Person().declares('2020-02-03', { fever: true }).checksIn(...days('2020-02-04', '2020-02-20'));
    expect(at(p, '2020-02-05').color).toBe('yellow');
    p.roams('4201', '2020-01-30', '2020-02-02');
    expect(at(p, '2020-02-05')).toMatchObject({ color: 'red' });
    expect(at(p, '2020-02-16').color).toBe('red');
    expect(at(p, '2020-02-17')).toMatchObject({ color: 'green', since: '2020-02-17' });
  });

  test('8. Jiangsu roaming on 01-20, first declaration 02-20 with no conditions: green', () => {
    const p = new Person().roams('32', '2020-01-20', '2020-01-20').declares('2020-02-20');
    expect(at(p, '2020-02-20')).toMatchObject({ color: 'green' });
  });

  test('9. in Hubei from 02-10 to 02-25: red as of 02-12 (seen there through 02-12)', () => {
    const p = new Person().declares('2020-02-01').roams('42', '2020-02-10', '2020-02-25');
    const e = at(p, '2020-02-12');
    expect(e.color).toBe('red');
    expect(e.e.reasons).toEqual([expect.objectContaining({ source: 'roaming', date: day('2020-02-12') })]);
    expect(at(p, '2020-02-09').color).toBe('green');
  });

  test('10. red 02-01, green 02-15 after the streak, fever on 02-20: a new yellow episode', () => {
    const p = new Person()
      .declares('2020-02-01', { keyAreaVisit: true })
      .checksIn(...days('2020-02-02', '2020-02-25'))
      .declares('2020-02-20', { fever: true });
    expect(at(p, '2020-02-15').color).toBe('green');
    expect(at(p, '2020-02-20')).toMatchObject({ color: 'yellow', since: '2020-02-20' });
  });
});
