/** The password policy shared by the page and the backend (issue 12, low): length ≥ 12 and a small deny-list. */
import { describe, expect, test } from 'vitest';
import { passwordProblem } from '../../../../shared/domain/password-policy.ts';

describe('password policy', () => {
  test('refuses short passwords, counting characters, not UTF-16 units', () => {
    expect(passwordProblem(' '.repeat(10))).toBe('too_short');
    expect(passwordProblem('1234567890')).toBe('too_short');
    expect(passwordProblem('😀😀😀😀😀😀')).toBe('too_short');
    expect(passwordProblem('滨州健康码指挥中心值班员')).toBeNull();
  });

  test('refuses the first guesses: spaces, one repeated character, runs, password…, the user name', () => {
    for (const p of [
      ' '.repeat(12),
      'a'.repeat(14),
      'abababababab',
      '123456789012',
      '987654321098',
      '345678901234',
      'qwertyuiopqw',
      'ABCDEFGHIJKLM',
      'password1234',
      'P@ssw0rd-2020',
      '123123123123',
    ]) {
      expect(passwordProblem(p), p).toBe('common');
    }
    expect(passwordProblem('duty-officer-binzhou', 'Duty')).toBe('contains_name');
    expect(passwordProblem('correct horse battery', 'duty')).toBeNull();
    expect(passwordProblem('e2e-password-1')).toBeNull();
  });
});
