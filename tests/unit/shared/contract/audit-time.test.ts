/** The audit list's period (shared/contract/audit.ts): days and instants as half-open bounds, in Binzhou's time unless said. */
import { describe, expect, test } from 'vitest';
import { auditTimeBound } from '../../../../shared/contract/audit.ts';

const at = (iso: string) => Date.parse(iso);

describe('auditTimeBound', () => {
  test('a day runs from its local midnight to the next', () => {
    expect(auditTimeBound('2020-02-20', 'from')).toBe(at('2020-02-20T00:00:00+08:00'));
    expect(auditTimeBound('2020-02-20', 'to')).toBe(at('2020-02-21T00:00:00+08:00'));
  });

  test('an instant includes all of the minute or second it names; an offset is honoured', () => {
    expect(auditTimeBound('2020-02-20 08:30', 'from')).toBe(at('2020-02-20T08:30:00+08:00'));
    expect(auditTimeBound('2020-02-20 08:30', 'to')).toBe(at('2020-02-20T08:31:00+08:00'));
    expect(auditTimeBound('2020-02-20T08:30:15', 'to')).toBe(at('2020-02-20T08:30:16+08:00'));
    expect(auditTimeBound('2020-02-20T08:30:15.250+08:00', 'to')).toBe(at('2020-02-20T08:30:15.251+08:00'));
    expect(auditTimeBound('2020-02-20T00:30Z', 'from')).toBe(at('2020-02-20T08:30:00+08:00'));
    expect(auditTimeBound('2020-02-20T08:30+08:00', 'to')).toBe(at('2020-02-20T08:31:00+08:00'));
  });

  test('anything else is no bound', () => {
    for (const s of ['yesterday', '2020-02-30', '2020-02-20 25:00', '20200220', '']) expect(auditTimeBound(s, 'from'), s).toBeNull();
  });
});
