/** The audit screen's pure parts: the form as filters, times, details and targets as the table shows them. */
import { describe, expect, test } from 'vitest';
import {
  EMPTY_FORM,
  auditFilters,
  auditTimeText,
  detailsSummary,
  personIdOk,
  targetText,
} from '../../../../../renderer/src/features/audit/audit-text.ts';
import { withCheckChar } from '../../../../../shared/domain/person-id.ts';

describe('the audit screen’s text', () => {
  test('the form as filters: trimmed, empty fields left out', () => {
    expect(auditFilters(EMPTY_FORM)).toEqual({});
    expect(auditFilters({ ...EMPTY_FORM, user: ' admin ', action: 'case.', to: '2020-02-20' })).toEqual({
      user: 'admin',
      action: 'case.',
      to: '2020-02-20',
    });
  });

  test('a typed ID is asked for only when its check digit is right', () => {
    const id = withCheckChar('37230119800101123');
    expect(personIdOk('')).toBe(true);
    expect(personIdOk(` ${id} `)).toBe(true);
    expect(personIdOk(id.slice(0, 17))).toBe(false);
    expect(personIdOk(id.slice(0, 17) + (id.endsWith('0') ? '1' : '0'))).toBe(false);
  });

  test('times in Binzhou’s clock without the offset', () => {
    expect(auditTimeText('2020-02-20T08:30:05+08:00')).toBe('2020-02-20 08:30:05');
    expect(auditTimeText('2020-02-20T08:30:05.120+08:00')).toBe('2020-02-20 08:30:05');
  });

  test('details as one line, cut with the full text kept', () => {
    expect(detailsSummary('{"field":"id","masked":"372301********1234","n":3,"ok":true,"x":null}').short).toBe(
      'field: id · masked: 372301********1234 · n: 3 · ok: true · x: —',
    );
    expect(detailsSummary('{}').short).toBe('');
    const long = detailsSummary(JSON.stringify({ reason: '很长的理由'.repeat(40) }), 20);
    expect(Array.from(long.short)).toHaveLength(20);
    expect(long.short.endsWith('…')).toBe(true);
    expect(long.full).toBe(`reason: ${'很长的理由'.repeat(40)}`);
    expect(detailsSummary('not json').short).toBe('not json');
  });

  test('a person’s keyed hash is shortened, other targets shown as they are', () => {
    expect(targetText('person:0123456789abcdef01234567')).toBe('person:0123456789ab…');
    expect(targetText('user:admin')).toBe('user:admin');
    expect(targetText(null)).toBe('—');
  });
});
