/**
 * Property tests over every feed: random valid rows survive validation with their values intact
 * (and again after being written back out as text), and random garbage is rejected, never thrown.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COUNTIES } from '../../../../../shared/domain/counties.ts';
import { creditCodeWithCheck } from '../../../../../shared/domain/credit-code.ts';
import { FEEDS, type FeedColumn, type FeedSchema } from '../../../../../shared/domain/feeds/feed-schemas.ts';
import { mapHeader } from '../../../../../shared/domain/feeds/header-mapping.ts';
import { validateRow } from '../../../../../shared/domain/feeds/row-validation.ts';
import { formatDay, formatInstant } from '../../../../../shared/domain/local-date.ts';
import { withCheckChar } from '../../../../../shared/domain/person-id.ts';
import { plausibleWindow } from '../../../../../shared/domain/feeds/plausible-window.ts';

/** Random dates reach 2030: the window of a clock at 2030 takes them all. */
const WIDE_WINDOW = plausibleWindow(Date.UTC(2030, 0, 2), null);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const instant = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => Math.floor(ms / 1000) * 1000);

function cellFor(column: FeedColumn): fc.Arbitrary<string> {
  switch (column.type) {
    case 'person_id':
      return digits(17).map(withCheckChar);
    case 'phone':
      return digits(10).map((d) => '1' + d);
    case 'county_code':
      return fc.constantFrom(...COUNTIES.map((c) => c.code));
    case 'region_code':
      return fc.constantFrom(2, 4, 6).chain((n) => digits(n));
    case 'credit_code':
      return fc
        .array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 17, maxLength: 17 })
        .map((c) => creditCodeWithCheck(c.join('')));
    case 'text':
      return fc
        .string({ minLength: column.required ? 1 : 0, maxLength: 40 })
        .map((s) => s.trim())
        .filter((s) => !column.required || s.length > 0);
    case 'timestamp':
      return instant.map(formatInstant);
    case 'date':
      return fc.integer({ min: 17_900, max: 22_000 }).map(formatDay);
    case 'boolean':
      return fc.constantFrom('1', '0', 'true', 'false', '是', '否', 'y', 'n');
    case 'temperature':
      return fc.integer({ min: 340, max: 430 }).map((t) => (t / 10).toFixed(1));
    case 'latitude':
      return fc.integer({ min: -9000, max: 9000 }).map((v) => (v / 100).toFixed(2));
    case 'longitude':
      return fc.integer({ min: -18000, max: 18000 }).map((v) => (v / 100).toFixed(2));
    case 'enum':
      return fc.constantFrom(...column.values!.flatMap((v) => [v.value, ...v.aliases]));
  }
}

/** A valid row; cross-column rules (last_seen >= first_seen, ...) are made to hold. */
function validRow(feed: FeedSchema): fc.Arbitrary<string[]> {
  return fc.tuple(...feed.columns.map(cellFor)).map((cells) => {
    const at = (name: string) => feed.columns.findIndex((c) => c.name === name);
    for (const [a, b] of [
      ['first_seen', 'last_seen'],
      ['effective_from', 'effective_to'],
    ] as const) {
      const i = at(a);
      const j = at(b);
      if (i >= 0 && j >= 0 && cells[j]! < cells[i]!) [cells[i], cells[j]] = [cells[j]!, cells[i]!];
    }
    return cells;
  });
}

describe.each(FEEDS.map((f) => [f.name, f] as const))('%s rows', (_name, feed) => {
  const mapped = mapHeader(
    feed,
    feed.columns.map((c) => c.name),
  );
  if (!mapped.ok) throw new Error('header');
  const mapping = mapped.mapping;

  test('random valid rows are accepted, and round-trip through their text form', () => {
    fc.assert(
      fc.property(validRow(feed), (cells) => {
        const first = validateRow(feed, mapping, cells, { exactFieldCount: true, window: WIDE_WINDOW });
        expect(first.ok, JSON.stringify(first)).toBe(true);
        if (!first.ok) return;
        const text = first.values.map((v, i) => {
          const col = feed.columns[i]!;
          if (v === null) return '';
          if (col.type === 'timestamp') return formatInstant(v as number);
          if (col.type === 'date') return formatDay(v as number);
          return String(v);
        });
        const second = validateRow(feed, mapping, text, { exactFieldCount: true, window: WIDE_WINDOW });
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  test('random garbage is rejected with reasons, never thrown', () => {
    const garbage = fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('')), {
      minLength: 0,
      maxLength: feed.columns.length + 2,
    });
    let runs = 0;
    let rejected = 0;
    fc.assert(
      fc.property(garbage, (cells) => {
        runs++;
        const r = validateRow(feed, mapping, cells, { exactFieldCount: true, window: WIDE_WINDOW });
        if (!r.ok) {
          rejected++;
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.en.length * p.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    // Random text is almost never a valid row (it would need valid IDs, times, codes...).
    expect(rejected / runs).toBeGreaterThan(0.95);
  });
});
