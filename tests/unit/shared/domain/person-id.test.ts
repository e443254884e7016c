import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  isValidPersonId,
  normalizePersonId,
  personIdCheckChar,
  personIdProblem,
  withCheckChar,
} from '../../../../shared/domain/person-id.ts';

describe('resident ID (GB 11643, ISO 7064 MOD 11-2)', () => {
  test('known valid IDs pass, including a check character X', () => {
    // 11010519491231002X is the standard's worked example.
    expect(isValidPersonId('11010519491231002X')).toBe(true);
    expect(personIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidPersonId('440524188001010014')).toBe(true);
  });

  test('lower-case x is accepted and stored upper-case', () => {
    expect(personIdProblem('11010519491231002x')).toBeNull();
    expect(normalizePersonId('11010519491231002x')).toBe('11010519491231002X');
  });

  test('each kind of bad ID says why', () => {
    expect(personIdProblem('1101051949123100')).toBe('length');
    expect(personIdProblem('11010519491231002Y')).toBe('characters');
    expect(personIdProblem('1101051949A231002X')).toBe('characters');
    expect(personIdProblem('110105194912310021')).toBe('check');
  });

  test('property: any 17 digits plus their check character is valid; any other last character is not', () => {
    const digits17 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits17, fc.constantFrom(...'0123456789X'), (first, last) => {
        const good = withCheckChar(first);
        expect(isValidPersonId(good)).toBe(true);
        expect(isValidPersonId(first + last)).toBe(last === good[17]);
      }),
    );
  });
});
