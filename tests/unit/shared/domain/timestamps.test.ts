import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayOfInstant, formatDay, formatInstant, parseDay } from '../../../../shared/domain/local-date.ts';
import { parseTimestamp } from '../../../../shared/domain/timestamps.ts';

const at = (iso: string) => Date.parse(iso);

describe('exchange timestamps', () => {
  test('the three formats of EXCHANGE.md', () => {
    expect(parseTimestamp('2020-02-20T08:30:00+08:00')).toBe(at('2020-02-20T08:30:00+08:00'));
    expect(parseTimestamp('2020-02-20 08:30:00')).toBe(at('2020-02-20T08:30:00+08:00'));
    expect(parseTimestamp('2020/2/20 8:30')).toBe(at('2020-02-20T08:30:00+08:00'));
  });

  test('offsets: Z, +0800, -05:00, fractions', () => {
    expect(parseTimestamp('2020-02-19T16:30:00Z')).toBe(at('2020-02-20T00:30:00+08:00'));
    expect(parseTimestamp('2020-02-20T08:30:00+0800')).toBe(at('2020-02-20T08:30:00+08:00'));
    expect(parseTimestamp('2020-02-20T08:30:00-05:00')).toBe(at('2020-02-20T13:30:00Z'));
    expect(parseTimestamp('2020-02-20 08:30:00.25')).toBe(at('2020-02-20T08:30:00.250+08:00'));
  });

  test('a date alone is local midnight', () => {
    expect(parseTimestamp('2020-02-20')).toBe(at('2020-02-20T00:00:00+08:00'));
  });

  test('impossible or malformed times are refused', () => {
    for (const bad of [
      '2020-02-30 08:00',
      '2020-13-01',
      '2020-02-20 24:00',
      '2020-02-20 08:61',
      '20-02-20',
      '2020-02-20T08:30:00+08:00x',
      'yesterday',
      '',
    ]) {
      expect(parseTimestamp(bad), bad).toBeNull();
    }
  });

  test('midnight in UTC is the next local date in China', () => {
    const ms = parseTimestamp('2020-02-19T16:00:00Z')!;
    expect(formatDay(dayOfInstant(ms))).toBe('2020-02-20');
    const before = parseTimestamp('2020-02-19T15:59:59Z')!;
    expect(formatDay(dayOfInstant(before))).toBe('2020-02-19');
  });

  test('property: formatting an instant and parsing it back gives the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 0, 1) }), (ms) => {
        expect(parseTimestamp(formatInstant(ms))).toBe(ms);
      }),
    );
  });

  test('property: garbage never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseTimestamp(s);
        expect(r === null || Number.isFinite(r)).toBe(true);
      }),
    );
  });

  test('dates', () => {
    expect(formatDay(parseDay('2020/2/9')!)).toBe('2020-02-09');
    expect(parseDay('2020-02-30')).toBeNull();
    expect(parseDay('2021-02-29')).toBeNull();
    expect(formatDay(parseDay('2020-02-29')!)).toBe('2020-02-29');
  });
});
