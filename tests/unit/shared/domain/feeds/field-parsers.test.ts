import { describe, expect, test } from 'vitest';
import { feedSchema, type FeedColumn } from '../../../../../shared/domain/feeds/feed-schemas.ts';
import { parseField } from '../../../../../shared/domain/feeds/field-parsers.ts';
import { personId } from '../../../../support/people.ts';
import { TEST_WINDOW } from '../../../../support/plausible.ts';

const column = (feed: string, name: string): FeedColumn => feedSchema(feed)!.columns.find((c) => c.name === name)!;
const value = (feed: string, name: string, text: string | { excelSerial: number }) => {
  const r = parseField(column(feed, name), text, TEST_WINDOW);
  return r.ok ? r.value : { rejected: r.problem.code, en: r.problem.en, zh: r.problem.zh };
};

describe('field parsers', () => {
  test('person IDs: valid stored upper-case; Excel-mangled numbers explained', () => {
    const id = personId(7);
    expect(value('checkins', 'person_id', ` ${id} `)).toBe(id);
    expect(value('checkins', 'person_id', '11010519491231002x')).toBe('11010519491231002X');
    expect(value('checkins', 'person_id', '3.71602198001012E+17')).toMatchObject({ rejected: 'number_lost_digits' });
    expect(value('checkins', 'person_id', id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))).toMatchObject({ rejected: 'person_id_check' });
    expect(value('checkins', 'person_id', '12345')).toMatchObject({ rejected: 'person_id_length' });
  });

  test('booleans in every spelling of EXCHANGE.md, empty is no value', () => {
    for (const t of ['1', 'true', 'TRUE', 'yes', 'Y', '是']) expect(value('declarations', 'fever', t)).toBe(1);
    for (const t of ['0', 'false', 'No', 'n', '否']) expect(value('declarations', 'fever', t)).toBe(0);
    expect(value('declarations', 'fever', '')).toBeNull();
    expect(value('declarations', 'fever', 'maybe')).toMatchObject({ rejected: 'boolean_format' });
  });

  test('temperature: 34.0–43.0 inclusive, units tolerated, out of range is bad input', () => {
    expect(value('checkins', 'temperature', '37.3')).toBe(37.3);
    expect(value('checkins', 'temperature', '36.5℃')).toBe(36.5);
    expect(value('checkins', 'temperature', '34.0')).toBe(34);
    expect(value('checkins', 'temperature', '43')).toBe(43);
    expect(value('checkins', 'temperature', '33.9')).toMatchObject({ rejected: 'temperature_range' });
    expect(value('checkins', 'temperature', '99.9')).toMatchObject({ rejected: 'temperature_range' });
    expect(value('checkins', 'temperature', 'hot')).toMatchObject({ rejected: 'temperature_format' });
  });

  test('county codes are Binzhou only; region codes 2/4/6 digits', () => {
    expect(value('declarations', 'county_code', '371681')).toBe('371681');
    expect(value('declarations', 'county_code', '371601')).toMatchObject({ rejected: 'county_unknown' });
    for (const r of ['42', '4201', '420102']) expect(value('roaming', 'region_code', r)).toBe(r);
    for (const r of ['4', '420', '4201021', '42a1'])
      expect(value('roaming', 'region_code', r)).toMatchObject({ rejected: 'region_format' });
  });

  test('phones: 11 digits starting with 1', () => {
    expect(value('residents', 'phone', '13812345678')).toBe('13812345678');
    for (const p of ['23812345678', '1381234567', '138-1234-5678'])
      expect(value('residents', 'phone', p)).toMatchObject({ rejected: 'phone_format' });
  });

  test('enums accept English and Chinese names', () => {
    expect(value('health_records', 'status', '密接')).toBe('close_contact');
    expect(value('health_records', 'status', 'Cleared')).toBe('cleared');
    expect(value('scans', 'shown_color', '绿')).toBe('green');
    expect(value('medical', 'kind', '退烧药品')).toBe('fever_medicine');
    const bad = value('health_records', 'status', 'recovered');
    expect(bad).toMatchObject({ rejected: 'enum_unknown' });
    expect((bad as { en: string }).en).toContain('close_contact');
  });

  test('XLSX date cells are local (+08:00) wall-clock times', () => {
    // 43881.3541666667 = 2020-02-20 08:30 in Excel's 1900 date system.
    expect(value('checkins', 'checked_at', { excelSerial: 43881 + 8.5 / 24 })).toBe(Date.parse('2020-02-20T08:30:00+08:00'));
    const day = value('key_areas', 'effective_from', { excelSerial: 43853 });
    expect(day).toBe(Date.UTC(2020, 0, 23) / 86_400_000);
  });

  test('every message exists in Chinese and English', () => {
    const r = parseField(column('checkins', 'temperature'), '50', TEST_WINDOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.zh).toMatch(/体温/);
      expect(r.problem.en).toMatch(/temperature/);
    }
  });
});
