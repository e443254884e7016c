import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { creditCodeWithCheck, isValidCreditCode } from '../../../../shared/domain/credit-code.ts';

describe('unified social credit code (GB 32100)', () => {
  test('published codes validate', () => {
    // Alibaba (China) Co., Ltd. and Huawei Technologies Co., Ltd.
    expect(isValidCreditCode('91330100799655058B')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
  });

  test('a changed character or a forbidden letter fails', () => {
    expect(isValidCreditCode('91330100799655058C')).toBe(false);
    expect(isValidCreditCode('91330100799655O58B')).toBe(false);
    expect(isValidCreditCode('9133010079965505')).toBe(false);
  });

  test('property: codes built with their check character validate, single changes do not', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const prefix = fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((c) => c.join(''));
    fc.assert(
      fc.property(prefix, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...alphabet), (p, at, ch) => {
        const code = creditCodeWithCheck(p);
        expect(isValidCreditCode(code)).toBe(true);
        const changed = code.slice(0, at) + ch + code.slice(at + 1);
        if (changed !== code) expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });
});
