/** Identifiers typed into free text (issue 12): masked as a whole, also with spaces or dashes. */
import { describe, expect, test } from 'vitest';
import { maskIdentifiers } from '../../../../shared/domain/masking.ts';

describe('maskIdentifiers', () => {
  test.each([
    ['身份证372301198001011234，电话13812345678', '身份证372301********1234，电话138****5678'],
    ['372301 19800101 1234 冒用他人健康码', '372301 ******** 1234 冒用他人健康码'],
    ['ID 372301-1980-0101-123X', 'ID 372301-****-****-123X'],
    ['联系电话 138-1234-5678', '联系电话 138-****-5678'],
    ['call 138 1234 5678 now', 'call 138 **** 5678 now'],
    ['+86 138 1234 5678', '+86 1** **** 5678'],
    ['12 372301198001011234', '12 372301********1234'],
  ])('%s', (typed, masked) => {
    expect(maskIdentifiers(typed)).toBe(masked);
  });

  test('dates, times, counts and longer numbers stay as they are', () => {
    for (const t of ['2020-02-23 08:00:00', '共 1234 5678 人', '1234 5678 9012 3456 7890 12', '第 3 条 12345', 'BZXY-2020-000002']) {
      expect(maskIdentifiers(t)).toBe(t);
    }
  });
});
