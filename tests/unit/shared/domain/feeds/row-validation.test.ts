import { describe, expect, test } from 'vitest';
import { feedSchema } from '../../../../../shared/domain/feeds/feed-schemas.ts';
import { mapHeader } from '../../../../../shared/domain/feeds/header-mapping.ts';
import { validateRow } from '../../../../../shared/domain/feeds/row-validation.ts';
import { personId } from '../../../../support/people.ts';
import { TEST_WINDOW } from '../../../../support/plausible.ts';

const schema = (name: string) => feedSchema(name)!;

describe('header mapping', () => {
  test('Chinese or English names, any order, extras reported', () => {
    const r = mapHeader(schema('checkins'), ['\uFEFF体温', 'PERSON_ID', '打卡时间', '备注']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mapping.positions).toEqual([1, 2, 0, -1]);
    expect(r.mapping.ignored).toEqual(['备注']);
  });

  test('a missing key column makes the file unreadable, naming the column', () => {
    const r = mapHeader(schema('checkins'), ['person_id', 'temperature']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('missing_column');
      expect(r.problem.en).toContain('checked_at');
      expect(r.problem.zh).toContain('打卡时间');
    }
  });

  test('the same column twice is refused', () => {
    const r = mapHeader(schema('checkins'), ['person_id', '身份证号', 'checked_at', 'temperature']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('duplicate_column');
  });

  test('prototype-polluting header names are just ignored columns', () => {
    const r = mapHeader(schema('staff'), ['__proto__', 'constructor', 'credit_code', 'person_id']);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.mapping.ignored).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('row validation', () => {
  const mapped = mapHeader(schema('roaming'), ['phone', 'region_code', 'first_seen', 'last_seen', 'carrier']);
  if (!mapped.ok) throw new Error('header');
  const mapping = mapped.mapping;

  test('last_seen must not precede first_seen', () => {
    const r = validateRow(schema('roaming'), mapping, ['13812345678', '42', '2020-02-10 08:00', '2020-02-09 08:00', '联通'], {
      exactFieldCount: true,
      window: TEST_WINDOW,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ column: 'last_seen', value: '2020-02-09 08:00', code: 'last_seen_before_first_seen' });
  });

  test('a valid row gives stored values in schema order', () => {
    const r = validateRow(schema('roaming'), mapping, ['13812345678', '42', '2020-02-10 08:00', '', 'mobile'], {
      exactFieldCount: true,
      window: TEST_WINDOW,
    });
    expect(r).toEqual({ ok: true, values: ['13812345678', '42', Date.parse('2020-02-10T08:00:00+08:00'), null, 'mobile'] });
  });

  test('CSV rows must have as many fields as the header', () => {
    const r = validateRow(schema('roaming'), mapping, ['13812345678', '42'], { exactFieldCount: true, window: TEST_WINDOW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('field_count');
  });

  test('every problem of a row is reported, empty required values too', () => {
    const m = mapHeader(schema('checkins'), ['person_id', 'checked_at', 'temperature', 'symptoms']);
    if (!m.ok) throw new Error('header');
    const r = validateRow(schema('checkins'), m.mapping, [personId(1).slice(0, 17) + 'Z', '', '37', 'sometimes'], {
      exactFieldCount: true,
      window: TEST_WINDOW,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['person_id_characters', 'required', 'boolean_format']);
  });
});
