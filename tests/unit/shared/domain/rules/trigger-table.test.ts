/** Each row of RULES.md's trigger table, and the edges around it. */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../../../shared/domain/rules/evaluate.ts';
import type { KeyArea } from '../../../../../shared/domain/rules/records.ts';
import { HUBEI, Person, day, days, iso } from '../../../../support/rules-builder.ts';

const WENZHOU: KeyArea = { regionCode: '3303', effectiveFrom: day('2020-02-02'), effectiveTo: day('2020-02-29') };
const AREAS = [HUBEI, WENZHOU];
const color = (p: Person, date: string, areas = AREAS) => evaluate(p.records, areas, day(date)).color;
const reasons = (p: Person, date: string) =>
  evaluate(p.records, AREAS, day(date)).reasons.map((r) => `${r.color}:${r.source}:${r.condition}@${iso(r.date)}`);

describe('declarations', () => {
  test.each(['confirmed', 'suspected', 'closeContact', 'keyAreaVisit'] as const)('%s is red on the declaration date', (flag) => {
    const p = new Person().declares('2020-02-10').declares('2020-02-12', { [flag]: true });
    expect(color(p, '2020-02-11')).toBe('green');
    expect(color(p, '2020-02-12')).toBe('red');
  });
  test.each(['fever', 'shortnessOfBreath', 'respiratorySymptoms', 'febrileContact', 'returnedFromOutsideProvince'] as const)(
    '%s is yellow on the declaration date',
    (flag) => {
      const p = new Person().declares('2020-02-10', { [flag]: true });
      expect(color(p, '2020-02-10')).toBe('yellow');
    },
  );
  test('the most severe colour applies: red and yellow together are red', () => {
    const p = new Person().declares('2020-02-10', { fever: true, closeContact: true });
    expect(color(p, '2020-02-10')).toBe('red');
    expect(reasons(p, '2020-02-10')).toEqual(['red:declarations:close_contact@2020-02-10', 'yellow:declarations:fever@2020-02-10']);
  });
  test('a clean declaration during an episode does not end it (interpretation)', () => {
    const p = new Person()
      .declares('2020-02-01', { fever: true })
      .declares('2020-02-05')
      .checksIn(...days('2020-02-02', '2020-02-10'));
    expect(color(p, '2020-02-05')).toBe('yellow');
    expect(color(p, '2020-02-10')).toBe('yellow');
  });
});

describe('health commission records', () => {
  test('a close contact is red and stays red while uncleared, whatever the check-ins', () => {
    const p = new Person()
      .declares('2020-02-01')
      .health('2020-02-03', 'close_contact')
      .checksIn(...days('2020-02-01', '2020-03-30'));
    expect(color(p, '2020-03-30')).toBe('red');
    expect(evaluate(p.records, AREAS, day('2020-03-30')).greenEligibleOn).toBeNull();
  });
  test('an uncleared record from long before the first declaration still counts (ongoing)', () => {
    const p = new Person().health('2020-01-01', 'confirmed').declares('2020-02-20');
    expect(color(p, '2020-02-20')).toBe('red');
    expect(reasons(p, '2020-02-20')).toEqual(['red:health_records:confirmed@2020-01-01']);
  });
  test('a record cleared long before the first declaration does not', () => {
    const p = new Person().health('2020-01-01', 'confirmed').health('2020-01-20', 'cleared').declares('2020-02-20');
    expect(color(p, '2020-02-20')).toBe('green');
  });
  test('the clearance date is a trigger: green 14 normal days after it (interpretation)', () => {
    const p = new Person()
      .declares('2020-02-01')
      .checksIn(...days('2020-02-01', '2020-03-10'))
      .health('2020-02-03', 'suspected')
      .health('2020-02-10', 'cleared');
    expect(color(p, '2020-02-23')).toBe('red');
    expect(color(p, '2020-02-24')).toBe('green');
  });
  test('a record still holding is given once, as an ongoing condition', () => {
    const p = new Person().declares('2020-02-01').health('2020-02-03', 'close_contact');
    const r = evaluate(p.records, AREAS, day('2020-02-05')).reasons;
    expect(r.map((x) => `${x.color}:${x.source}:${x.condition}@${iso(x.date)}:${x.ongoing}`)).toEqual([
      'red:health_records:close_contact@2020-02-03:true',
    ]);
  });
  test('two records at the same instant: the ongoing condition does not depend on which arrived first', () => {
    const a = new Person().declares('2020-02-01').health('2020-02-03', 'suspected').health('2020-02-03', 'confirmed');
    const b = new Person().declares('2020-02-01').health('2020-02-03', 'confirmed').health('2020-02-03', 'suspected');
    const ongoing = (p: Person) =>
      evaluate(p.records, AREAS, day('2020-02-05'))
        .reasons.filter((x) => x.ongoing)
        .map((x) => x.condition);
    expect(ongoing(a)).toEqual(ongoing(b));
    expect(ongoing(a)).toHaveLength(1);
  });
  test('a cleared record with nothing to clear triggers nothing', () => {
    const p = new Person().declares('2020-02-01').health('2020-02-05', 'cleared');
    expect(color(p, '2020-02-05')).toBe('green');
  });
});

describe('roaming (telecom)', () => {
  test('inside a key area during its period: red; the same region after the period: yellow (outside Shandong)', () => {
    const inside = new Person().declares('2020-02-01').roams('330302', '2020-02-10', '2020-02-10');
    expect(color(inside, '2020-02-10')).toBe('red');
    const after = new Person().declares('2020-02-01').roams('330302', '2020-03-02', '2020-03-02');
    expect(color(after, '2020-03-02')).toBe('yellow');
  });
  test('the effective period includes its last day (interpretation)', () => {
    const p = new Person().declares('2020-02-01').roams('3303', '2020-02-29', '2020-02-29');
    expect(color(p, '2020-02-29')).toBe('red');
  });
  test('a record naming only the province is not inside a key city of it, but is outside Shandong (interpretation)', () => {
    const p = new Person().declares('2020-02-01').roams('33', '2020-02-10', '2020-02-10');
    expect(color(p, '2020-02-10')).toBe('yellow');
  });
  test('inside Shandong triggers nothing', () => {
    const p = new Person().declares('2020-02-01').roams('3701', '2020-02-10', '2020-02-12');
    expect(color(p, '2020-02-12')).toBe('green');
  });
  test('a stay that continues past the as-of date has its trigger date on the as-of date', () => {
    const p = new Person().declares('2020-02-01').roams('32', '2020-02-10', '2020-02-25');
    expect(reasons(p, '2020-02-14')).toEqual(['yellow:roaming:outside_province@2020-02-14']);
  });
});

describe('travel (transport)', () => {
  test('from a key area effective on the arrival date: red; from elsewhere outside Shandong: yellow; inside: nothing', () => {
    expect(color(new Person().declares('2020-02-01').travels('2020-02-10', '420100'), '2020-02-10')).toBe('red');
    expect(color(new Person().declares('2020-02-01').travels('2020-03-05', '330300'), '2020-03-05')).toBe('yellow');
    expect(color(new Person().declares('2020-02-01').travels('2020-02-10', '110000'), '2020-02-10')).toBe('yellow');
    expect(color(new Person().declares('2020-02-01').travels('2020-02-10', '370100'), '2020-02-10')).toBe('green');
  });
});

describe('medical insurance and check-ins', () => {
  test.each(['fever_clinic', 'fever_medicine'] as const)('%s is yellow on its date', (kind) => {
    expect(color(new Person().declares('2020-02-01').medical('2020-02-10', kind), '2020-02-10')).toBe('yellow');
  });
  test('exactly 37.3 °C is abnormal; 37.2 is normal', () => {
    expect(color(new Person().declares('2020-02-01').abnormal('2020-02-10', 37.3), '2020-02-10')).toBe('yellow');
    const normal = new Person().declares('2020-02-01').checksIn(day('2020-02-10'));
    expect(color(normal, '2020-02-10')).toBe('green');
  });
  test('symptoms alone are abnormal', () => {
    const p = new Person().declares('2020-02-01').abnormal('2020-02-10', 36.5, true);
    expect(reasons(p, '2020-02-10')).toEqual(['yellow:checkins:symptoms@2020-02-10']);
  });
  test('two check-ins a day with one abnormal: the day is not normal and it is a trigger', () => {
    const p = new Person()
      .declares('2020-02-01', { fever: true })
      .checksIn(...days('2020-02-02', '2020-02-20'))
      .abnormal('2020-02-09', 37.6);
    // Without the fever on 02-09 the streak 02-02..02-15 would end the episode on 02-15.
    expect(color(p, '2020-02-15')).toBe('yellow');
    expect(iso(evaluate(p.records, AREAS, day('2020-02-15')).greenEligibleOn)).toBe('2020-02-23');
  });
  test('a red person who reports a fever stays red and the streak restarts', () => {
    const p = new Person()
      .declares('2020-02-01', { keyAreaVisit: true })
      .checksIn(...days('2020-02-02', '2020-02-25'))
      .abnormal('2020-02-10', 38);
    expect(color(p, '2020-02-15')).toBe('red');
    expect(color(p, '2020-02-23')).toBe('red');
    expect(color(p, '2020-02-24')).toBe('green');
  });
});

describe('what counts and when', () => {
  test('records after the as-of date are ignored', () => {
    const p = new Person().declares('2020-02-01').medical('2020-02-10');
    expect(color(p, '2020-02-09')).toBe('green');
    expect(evaluate(p.records, AREAS, day('2020-02-09')).reasons).toEqual([]);
  });
  test('before the first declaration only the 14 days before it count', () => {
    expect(color(new Person().medical('2020-02-06').declares('2020-02-20'), '2020-02-20')).toBe('yellow');
    expect(color(new Person().medical('2020-02-05').declares('2020-02-20'), '2020-02-20')).toBe('green');
  });
  test('since is never before the first declaration', () => {
    const e = evaluate(new Person().medical('2020-02-10').declares('2020-02-20').records, AREAS, day('2020-02-21'));
    expect(iso(e.since)).toBe('2020-02-20');
  });
  test('a person with no triggers is green with or without check-ins', () => {
    expect(color(new Person().declares('2020-02-01'), '2020-03-01')).toBe('green');
    expect(color(new Person().declares('2020-02-01').checksIn(...days('2020-02-01', '2020-02-10')), '2020-03-01')).toBe('green');
  });
  test('a new trigger after a green day starts a new episode with its own colour', () => {
    const p = new Person()
      .declares('2020-02-01', { keyAreaVisit: true })
      .checksIn(...days('2020-02-02', '2020-03-01'))
      .medical('2020-02-20');
    expect(color(p, '2020-02-15')).toBe('green');
    expect(color(p, '2020-02-20')).toBe('yellow');
  });
});

describe('forced red (enforcement)', () => {
  test('a decision is red from its date and holds while the case is open', () => {
    const p = new Person()
      .declares('2020-02-01')
      .checksIn(...days('2020-02-01', '2020-03-30'))
      .forcedRed('2020-02-10');
    expect(color(p, '2020-02-09')).toBe('green');
    expect(color(p, '2020-03-30')).toBe('red');
    expect(evaluate(p.records, AREAS, day('2020-03-30')).greenEligibleOn).toBeNull();
  });
  test('closing a served case lets the 14-day rule run from the day after the decision', () => {
    const p = new Person()
      .declares('2020-02-01')
      .checksIn(...days('2020-02-01', '2020-03-30'))
      .forcedRed('2020-02-10', '2020-03-01');
    expect(color(p, '2020-02-29')).toBe('red');
    expect(color(p, '2020-03-01')).toBe('green');
    const early = new Person()
      .declares('2020-02-01')
      .checksIn(...days('2020-02-01', '2020-03-30'))
      .forcedRed('2020-02-10', '2020-02-15');
    expect(color(early, '2020-02-23')).toBe('red');
    expect(color(early, '2020-02-24')).toBe('green');
  });
  test('a decision against someone without a code gives them a red one', () => {
    const p = new Person().forcedRed('2020-02-10');
    expect(color(p, '2020-02-09')).toBe('none');
    expect(color(p, '2020-02-10')).toBe('red');
  });
  test('revocation voids the forced red from the revocation date; earlier dates keep it (interpretation)', () => {
    const p = new Person().declares('2020-02-01').forcedRed('2020-02-10', '2020-02-20', '2020-02-20');
    expect(color(p, '2020-02-19')).toBe('red');
    expect(color(p, '2020-02-20')).toBe('green');
    const e = evaluate(p.records, AREAS, day('2020-02-25'));
    expect(e.changes.map((c) => [iso(c.day), c.color, c.cause])).toEqual([
      ['2020-02-01', 'green', 'code_issued'],
      ['2020-02-10', 'red', 'trigger'],
      ['2020-02-20', 'green', 'revoked'],
    ]);
    const noCode = new Person().forcedRed('2020-02-10', '2020-02-20', '2020-02-20');
    expect(color(noCode, '2020-02-25')).toBe('none');
  });
});
